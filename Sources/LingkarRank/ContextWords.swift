/// Words that tell whether a post is about school at all, written by the Lingkar project from the
/// kinds of posts teachers publish on their own accounts (not from any evaluation set).
///
/// Teachers' blogs and social accounts carry much besides teaching: football results, recipes,
/// sermons, phone reviews, family news, promotions, elections. Such posts meet topic keywords by
/// accident ("latihan", "tes", "pelatihan digital", "AI"), so the ranker asks for positive evidence
/// that a post is about school before it gives a topic: a post whose everyday-life words outweigh
/// its school words goes to "Lainnya", and so does a post with no more school words than everyday
/// ones (often none of either) unless its own keywords, not only the examples it resembles, speak for
/// a topic. Words are matched as written (lower case) or with the commonest ending trimmed (`-nya`,
/// plural `-s`); inflected forms that matter are listed.
enum ContextWords {
  /// Words that place a post in school life.
  static let education: [String] = [
    // Indonesian
    "guru", "guru-guru", "murid", "murid-murid", "siswa", "siswi", "pelajar", "sekolah", "kelas", "mengajar",
    "pengajar",
    "diajar", "mengajarkan", "pembelajaran", "pendidikan", "pendidik", "kurikulum", "rapor", "ujian", "ulangan",
    "asesmen", "literasi", "numerasi", "pelajaran", "mapel", "modul", "rpp", "kombel", "mgmp", "kkg", "pengawas",
    "kemendikbud", "kemendikbudristek", "kemendikdasmen", "mendikdasmen", "disdik", "praktikum", "ekstrakurikuler",
    "ekskul", "semester", "sd", "sdn", "smp", "smpn", "sma", "sman", "smk", "smkn", "mts", "madrasah", "tk", "paud",
    "kepsek", "walas", "konselor", "perpustakaan", "pr", "peserta", "didik", "ajar", "pembelajar",
    "kelompok", "tugas", "soal", "rekan", "olimpiade", "osn", "projek",
    "p5", "gpk", "ppg", "pppk", "honorer", "pgri", "bos", "lks", "buku", "membaca", "menulis", "berhitung",
    // school life beyond lessons: the student council, scouts, ceremonies, the canteen, graduation
    "osis", "mpk", "pramuka", "upacara", "seragam", "kantin", "wisuda", "pentas", "ekstra", "wali", "pembina",
    // English
    "teacher", "teaching", "taught", "student", "pupil", "school", "class", "classroom", "lesson", "learner",
    "curriculum", "syllabus", "education", "educator", "headteacher", "principal", "kindergarten",
    "nursery", "preschool", "pre-k", "reception", "grade", "homework", "exam", "marking", "staffroom", "maths",
    "phonics", "literacy", "numeracy", "tutor", "safeguarding", "pedagogy", "senco", "iep", "inset", "department",
    "colleague", "worksheet", "reading", "writing", "parents", "governors", "ofsted",
    "classmate", "classmates", "assembly", "prefect", "prefects", "playground", "timetable", "graduation",
    // what teachers call their classes, subjects and school routines in their own posts
    "kids", "children", "child", "toddlers", "preschoolers", "playgroup", "teach", "teaches", "pupils", "parent",
    "staff", "lab", "science", "physics", "chemistry", "biology", "math", "algebra", "equations", "fractions",
    "fluency", "comprehension", "seating", "behaviour", "behavior", "detention", "counsellor", "counselor", "deputy",
    "eyfs", "ehcp", "cpd", "ect", "nqt", "trainee", "pgce", "academy", "gcse", "sats", "ks1", "ks2", "ks3", "ks4",
    "y7", "y8", "y9", "y10", "y11", "textbook", "plenary", "coursework", "rubric",
    "ngajar", "koreksi", "mengoreksi", "anak-anak", "siswa-siswi", "sentra", "atp", "ipas", "ipa", "ips",
    "matematika", "fisika", "kimia", "biologi", "eksperimen", "rubrik", "dapodik", "nuptk", "sertifikasi", "zonasi",
    "ppdb", "spmb", "mpls", "rombel", "kbm", "tendik", "ajaran", "konseling", "bimbingan", "wakasek",
  ]

  /// A word that names a school year when a number follows it ("Year 7", "grade 4", "four-year-olds"),
  /// and those numbers: `side` gives them these values, and `AnalyzedDocument` counts the pair as one
  /// school word (neither counts alone: "a year of this blog", "two of us").
  static let year: Int8 = 2
  static let yearNumber: Int8 = 3
  /// ("pre-K" is read as `pre` and `k`.)
  static let yearWords = ["year", "years", "grade", "grades", "yr", "pre"]
  static let yearNumbers = (1...13).flatMap { ["\($0)", "\($0)s"] } + ["olds", "k"]

  /// Words of what else teachers post about: sport, food, religion, politics, gadgets, family life,
  /// selling and promotions.
  static let everydayLife: [String] = [
    // sport
    "timnas", "pemain", "pelatih", "stadion", "gol", "pertandingan", "laga", "liga", "kiper", "penalti",
    "babak", "sepakbola", "futsal", "voli", "badminton", "motogp", "balapan", "persib", "persija", "persebaya",
    "arema", "suporter", "wasit", "football", "soccer", "striker", "midfield", "goalkeeper", "league", "squad",
    "referee", "cricket", "rugby", "marathon", "tennis", "arsenal", "liverpool", "chelsea", "goal", "stadium",
    "player", "fixture", "premier", "finis", "mandalika", "gbk",
    // food
    "resep", "memasak", "masakan", "sambal", "bumbu", "bawang", "cabai", "cabe", "santan", "goreng", "rendang",
    "soto", "bakso", "kue", "bolu", "nastar", "tepung", "lauk", "kuliner", "rujak", "recipe", "cooking", "cooked",
    "bake", "baked", "baking", "oven", "sourdough", "pasta", "ghee", "cumin", "curry", "dinner", "flour", "fryer",
    "feta", "nanas", "arsik", "cake", "cakes", "vegan", "birthday", "ultah", "restaurant", "resto",
    // religion
    "khutbah", "pengajian", "kajian", "ustaz", "ustazah", "ustadz", "masjid", "gereja", "sermon", "vicar", "church",
    "mosque", "sedekah", "umrah", "haji", "jamaah", "renungan", "ayat", "surah", "bible", "choir", "parish", "diwali",
    "christmas", "natal", "lebaran", "misa", "husnul", "khatimah", "almarhum", "berduka", "takziah", "wafat",
    "innalillahi", "syukuran", "tahlilan", "prodigal",
    // politics
    "pilkada", "pemilu", "pilpres", "caleg", "legislatif", "kampanye", "baliho", "partai", "dpr", "dprd", "tps",
    "pemilihan", "election", "parliament", "candidate", "turnout", "ballot", "politician", "democracy", "debat",
    "kelurahan", "lurah",
    // gadgets
    "smartphone", "kamera", "camera", "baterai", "battery", "charging", "unboxing", "spesifikasi", "chipset",
    "snapdragon", "iphone", "samsung", "galaxy", "pixel", "oneplus", "xiaomi", "oppo", "realme", "foldable",
    "smartwatch", "earbuds", "gadget", "thinkpad", "lenovo",
    // family and home
    "suami", "istri", "suamiku", "istriku", "mertua", "ipar", "menikah", "pernikahan", "melahirkan", "arisan", "mudik",
    "kucing", "anjing", "dog", "puppy", "wedding", "husband", "wife", "nephew", "niece", "in-laws", "allotment",
    "fence", "kulkas", "mogok", "hike", "tooth", "bungsu", "sulung", "ronda", "macet", "tol", "vlog",
    "mobil", "car", "pub", "teknisi", "tukang", "plumber", "renovasi", "konser", "concert",
    // selling and promotions
    "promo", "diskon", "discount", "jual", "dijual", "cod", "stok", "ongkir", "reseller", "dropship", "nego",
    "cicilan", "lowongan", "skincare", "gamis", "marketplace", "umkm", "pemasaran", "marketing", "jualan",
    "berjualan", "raffle",
  ]

  /// Per word (as matched), +1 for a school word, -1 for an everyday-life word, `year` and
  /// `yearNumber` for the parts of a school year's name.
  static let table: [String: Int8] = {
    var table: [String: Int8] = [:]
    for word in everydayLife { table[word] = -1 }
    for word in education { table[word] = 1 }
    for word in yearWords { table[word] = year }
    for word in yearNumbers { table[word] = yearNumber }
    return table
  }()

  /// A word's side: +1 school, -1 everyday life, 0 neither (or `year`, `yearNumber`).
  static func side(of word: String) -> Int8 {
    if let side = table[word] { return side }
    if let form = AnalyzedDocument.shingleForm(word), form.utf8.count != word.utf8.count {
      return table[String(form)] ?? 0
    }
    return 0
  }
}
