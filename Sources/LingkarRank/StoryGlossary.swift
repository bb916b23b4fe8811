import LingkarModel

/// A small bilingual glossary of the words news about schools is told in, for finding one story
/// told in Indonesian and in English (or in other words of one language): each line is one
/// concept, its Indonesian words before `|` and its English words after it. Written for the
/// project; only the words' surface forms are listed (no stemming: inflected forms are listed too).
///
/// `DuplicateFinder` compares two items' concepts, not their words, where the words cannot meet.
enum StoryGlossary {
  static let text = """
    guru pengajar pendidik | teacher educator
    murid siswa pelajar | student pupil learner
    sekolah | school
    kelas | class classroom
    kepsek | principal headteacher headmaster
    menteri kementerian kemendikdasmen mendikdasmen kemendikbud mendikbud | minister ministry
    pelatihan dilatih melatih | training trained
    pelajaran mapel | subject subjects
    pilihan | elective optional
    koding pemrograman | coding programming
    artifisial buatan | artificial
    kecerdasan | intelligence
    perpustakaan pustaka | library libraries
    buku | book
    klub | club
    anggota | member
    pertemuan | meeting
    bertemu berkumpul | met gathered
    ujian tes | exam examination test
    skor | score
    asesmen penilaian | assessment
    literasi | literacy
    numerasi | numeracy
    membaca | reading
    menulis | writing
    matematika | mathematics math maths
    orangtua | parent
    anak | child children
    beasiswa | scholarship
    gaji | salary pay
    tunjangan insentif | allowance incentive bonus
    honorer | contract
    kurikulum | curriculum
    kabupaten | regency
    provinsi | province
    desa | village
    terpencil pedalaman | remote
    pedesaan | rural
    inklusif inklusi | inclusive inclusion
    disabilitas difabel | disability disabilities disabled
    tunanetra | blind
    perundungan | bullying
    kekerasan | violence
    kesejahteraan | wellbeing welfare
    survei | survey
    laporan | report
    naik meningkat kenaikan | rise rose increase increased
    turun menurun penurunan | fall fell drop dropped decline declined
    persen | percent
    ribu | thousand
    juta | million
    miliar | billion
    anggaran | budget
    dana | fund funding
    bantuan | aid assistance support
    gratis | free
    makan | meal meals lunch
    bergizi | nutritious nutrition
    sarapan | breakfast
    seragam | uniform
    diluncurkan meluncurkan peluncuran | launch launched launches
    pemerintah | government
    wajib mewajibkan | mandatory compulsory required
    larangan melarang dilarang | ban banned banning prohibit prohibited
    aturan peraturan regulasi | rule regulation
    edaran | circular
    ponsel gawai | phone smartphone mobile
    kunjungan berkunjung mengunjungi meninjau mendatangi | visit visited visiting
    penghargaan | award awarded
    juara pemenang | champion winner
    lomba kompetisi | competition contest
    olimpiade | olympiad
    medali | medal
    emas | gold
    perak | silver
    perunggu | bronze
    robot robotika | robot robotic robotics
    sains | science
    bahasa | language
    daerah | local regional
    sertifikasi | certification
    pengawas | supervisor inspector
    relawan | volunteer
    gempa | earthquake
    banjir | flood flooding
    bencana | disaster
    darurat | emergency temporary
    libur liburan | holiday
    pendaftaran | registration enrolment enrollment
    penerimaan | admission admissions
    zonasi | zoning
    kepala | head
    lulusan | graduate graduates
    kelulusan | graduation
    putus | dropout
    tahun | year
    bulan | month
    pekan | week
    hari | day
    pertama | first
    kedua | second
    tahap | phase stage
    mulai | starting start
    pemain | player
    pelatih | coach
    latihan | practice
    mingguan | weekly
    harian | daily
    pendidikan | education
    pembelajaran belajar | learning
    mengajar | teaching
    keluarga | family families
    kesehatan | health
    gizi | nutrition
    stunting | stunting
    jam | hour
    menit | minute
    kantin | canteen
    air | water
    bersih | clean
    listrik | electricity
    internet | internet
    sinyal | signal
    laptop | laptop
    komputer | computer
    dasar | primary elementary basic
    menengah | secondary
    melaporkan dilaporkan | reported reporting
    fokus berkonsentrasi | focus focused concentrate
    kota | city town
    uji | trial trialling trialled trials
    coba mencoba | try tried trying
    mengantuk | sleepy
    program | programme program programmes programs
    baru | new
    rumah | home house
    bermain | play playing
    istirahat beristirahat | rest
    akhir | end
    hapus menghapus dihapus | abolish abolished scrap scrapped
    meminta diminta | ask asked
    sumbangan donasi | donation donated
    rusak | damaged broken
    perbaikan memperbaiki | repair repairs repaired
    janji menjanjikan berjanji | promise promised
    hadir | attended attend
    ruang ruangan | room
    jalan | road
    jarak | distance
    """

  /// For each shingle number (by its stable hash; see `TextAnalyzer.shingleHashes`), the number of
  /// its concept, or -1 when the glossary does not list it.
  static func concepts(of shingleHashes: [UInt64]) -> [Int32] {
    shingleHashes.map { conceptOfHash[$0] ?? -1 }
  }

  /// The number of concepts the glossary has.
  static var conceptCount: Int { lines.count }

  private static let lines: [Substring] = text.split(separator: "\n").filter { $0.contains("|") }

  private static let conceptOfHash: [UInt64: Int32] = {
    var table: [UInt64: Int32] = [:]
    for (number, line) in lines.enumerated() {
      for word in line.split(whereSeparator: { $0 == " " || $0 == "|" }) {
        guard let form = AnalyzedDocument.shingleForm(String(word)) else { continue }
        var hasher = StableHasher()
        hasher.combine(String(form))
        table[hasher.value] = Int32(number)
      }
    }
    return table
  }()
}
