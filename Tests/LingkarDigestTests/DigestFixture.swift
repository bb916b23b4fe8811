import Foundation
import LingkarModel
import Testing

/// A realistic fortnight: Indonesian and English items from blogs, social accounts, a YouTube
/// channel and a news site; a story posted on Mastodon and Bluesky and a news story in two feeds;
/// items with no topic; a moved, a failed, a gone and a silent feed; four periods of history.
enum DigestFixture {
  static let wib = 7 * 3600

  static func date(_ text: String) -> Date {
    // `2026-11-24 12:40` in UTC.
    let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap { Int($0) }
    var components = DateComponents()
    (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
    (components.hour, components.minute) = (parts.count > 3 ? parts[3] : 0, parts.count > 4 ? parts[4] : 0)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    // Used where nothing can throw (static fixtures): a text that is not a date fails the test instead.
    guard let date = calendar.date(from: components) else {
      Issue.record("not a fixture date: \(text)")
      return Date(timeIntervalSince1970: 0)
    }
    return date
  }

  static let feeds: [DigestFeed] = [
    DigestFeed(
      url: "https://gurukreatif.example/feed/", title: "Guru Kreatif", status: .ok, lastItem: date("2026-11-24 12:40")),
    DigestFeed(
      url: "https://teachingnotes.example/feed", title: "Teaching Notes", status: .notModified,
      lastItem: date("2026-11-27 09:30")),
    DigestFeed(
      url: "https://guru.social.example/@busari.rss", title: "Sari Wulandari", status: .ok,
      lastItem: date("2026-11-27 01:10")),
    DigestFeed(
      url: "https://bsky.app/profile/pakguru.bsky.example/rss", title: "Pak Guru Bayu", status: .ok,
      lastItem: date("2026-11-26 03:00")),
    DigestFeed(
      url: "https://jurnalpendidikan.example/feed.json", title: "Jurnal Pendidikan Nusantara", status: .ok,
      lastItem: date("2026-11-26 02:00")),
    DigestFeed(
      url: "https://sekolahpenggerak.test/warta/feed.rdf", title: "Warta Sekolah Penggerak", status: .ok,
      lastItem: date("2026-11-25 05:00")),
    DigestFeed(
      url: "https://www.youtube.com/feeds/videos.xml?channel_id=UCkelasinspirasi", title: "Kelas Inspirasi",
      status: .ok, lastItem: date("2026-11-23 10:00")),
    DigestFeed(
      url: "https://medium.example/feed/classroom-practice", title: "Classroom Practice", status: .ok,
      lastItem: date("2026-11-21 16:00")),
    DigestFeed(
      url: "http://literasianak.test/rss.xml", title: "Literasi Anak - Catatan Pegiat Baca", status: .moved,
      movedTo: "https://literasianak.example/feed/", lastItem: date("2026-11-20 04:00")),
    DigestFeed(
      url: "http://infoguru.test/feed/", title: "Info Guru & Sekolah", status: .failed,
      error: "unreadable feed: the XML breaks off at line 41 (mismatched tag)", lastItem: date("2026-10-30 02:00")),
    DigestFeed(
      url: "https://edtechweekly.example/feed.atom", title: "EdTech Weekly", status: .gone, error: "gone (HTTP 410)"),
    DigestFeed(
      url: "https://blogsekolah.example/rss", title: "Blog SMPN 2 Ciamis", status: .notModified,
      lastItem: date("2026-08-02 06:00")),
  ]

  static func item(
    _ key: String, feed: Int, title: String?, link: String?, author: String? = nil, published: String?, lang: String,
    summary: String, comments: Int? = nil, topics: [(String, Double, [String])] = [], duplicates: [String] = []
  ) -> DigestItem {
    DigestItem(
      key: key, entryID: link, feedURL: feeds[feed].url, feedTitle: feeds[feed].title, title: title, link: link,
      author: author, published: published.map(date), language: lang, summary: summary, comments: comments,
      topics: topics.map { ItemTopicMatch(topicID: $0.0, score: $0.1, matched: $0.2) }, duplicates: duplicates)
  }

  static let items: [DigestItem] = [
    item(
      "gk-2318", feed: 0, title: "Exit Ticket Tiga Pertanyaan: Asesmen Formatif Lima Menit di Akhir Pelajaran",
      link: "https://gurukreatif.example/2026/11/24/exit-ticket-tiga-pertanyaan/", author: "Rini Handayani",
      published: "2026-11-24 12:40", lang: "id",
      summary:
        "Lima menit sebelum bel, murid menulis jawaban tiga pertanyaan di sobekan kertas. Dari situ saya tahu siapa yang sudah paham dan siapa yang perlu saya temani besok. Kertasnya saya pilah jadi tiga tumpukan: sudah paham, hampir, dan belum. Exit ticket tidak dinilai dan tidak masuk rapor.",
      comments: 12,
      topics: [
        ("assessment", 0.92, ["asesmen formatif", "umpan balik", "rapor"]),
        ("pedagogy", 0.31, ["strategi pembelajaran"]),
      ]),
    item(
      "tn-ai-feedback", feed: 1, title: "Using AI to draft feedback — and where I stop",
      link: "https://teachingnotes.example/p/using-ai-to-draft-feedback", author: "Hannah Whitfield",
      published: "2026-11-27 09:30", lang: "en",
      summary:
        "Report season plus a stack of 120 Year 9 persuasive essays meant I finally tried what half my staffroom has been quietly doing: using an AI assistant to help draft written feedback. I wrote the rubric myself, marked each essay myself, and only then pasted my notes.",
      comments: 31, topics: [("assessment", 0.81, ["feedback", "rubric"]), ("digital", 0.74, ["ai", "chatgpt"])]),
    item(
      "sari-113582", feed: 2, title: nil, link: "https://guru.social.example/@busari/113582907733104518",
      published: "2026-11-27 01:10", lang: "mixed",
      summary:
        "Coba pakai Gemini untuk bikin draf modul ajar IPAS kelas 4. Kerangkanya rapi, tapi tujuan pembelajarannya ngawur dan tidak sesuai capaian pembelajaran fase B. Jadi AI untuk kerangka, guru untuk isinya 😅 #AI #KurikulumMerdeka",
      comments: 4,
      topics: [
        ("digital", 0.77, ["gemini", "ai"]),
        ("curriculum", 0.69, ["modul ajar", "capaian pembelajaran", "tujuan pembelajaran"]),
      ],
      duplicates: ["bayu-3lkt7"]),
    item(
      "bayu-3lkt7", feed: 3, title: nil, link: "https://bsky.app/profile/pakguru.bsky.example/post/3lkt7wq2mzc2a",
      published: "2026-11-27 02:05", lang: "mixed",
      summary:
        "Bu Sari: Coba pakai Gemini untuk bikin draf modul ajar IPAS kelas 4. Kerangkanya rapi, tapi tujuan pembelajarannya ngawur. Jadi AI untuk kerangka, guru untuk isinya.",
      topics: [("digital", 0.71, ["gemini", "ai"]), ("curriculum", 0.62, ["modul ajar", "tujuan pembelajaran"])],
      duplicates: ["sari-113582"]),
    item(
      "jpn-asesmen-2026", feed: 4, title: "Hasil Asesmen Nasional 2026: Literasi Membaik, Numerasi Masih Tertinggal",
      link: "https://jurnalpendidikan.example/berita/hasil-asesmen-nasional-2026", author: "Redaksi",
      published: "2026-11-26 02:00", lang: "id",
      summary:
        "Rapor Pendidikan 2026 menunjukkan kemampuan literasi membaca murid SD naik di 61 persen kabupaten, sementara numerasi stagnan. Kementerian meminta sekolah memakai data rapor pendidikan untuk perencanaan berbasis data.",
      topics: [
        ("literacy", 0.88, ["literasi", "numerasi", "literasi membaca"]),
        ("assessment", 0.66, ["asesmen nasional", "rapor pendidikan"]),
      ],
      duplicates: ["sp-asesmen-2026"]),
    item(
      "sp-asesmen-2026", feed: 5, title: "Rapor Pendidikan 2026: literasi naik, numerasi jalan di tempat",
      link: "https://sekolahpenggerak.test/warta/2026/11/rapor-pendidikan-2026", published: "2026-11-26 06:30",
      lang: "id",
      summary:
        "Ringkasan hasil Asesmen Nasional 2026 dari Jurnal Pendidikan Nusantara, dengan catatan untuk kepala sekolah penggerak.",
      topics: [("literacy", 0.8, ["literasi", "numerasi"]), ("assessment", 0.6, ["asesmen nasional"])],
      duplicates: ["jpn-asesmen-2026"]),
    item(
      "gk-2290", feed: 0, title: "Pojok Baca Kelas 4 dari Kardus Bekas dan Sumbangan Wali Murid",
      link: "https://gurukreatif.example/2026/11/17/pojok-baca-kelas-4-dari-kardus-bekas/", author: "Rini Handayani",
      published: "2026-11-17 08:15", lang: "id",
      summary:
        "Rak dari kardus air mineral, bantal dari kain perca, dan 43 buku sumbangan wali murid. Dua minggu berjalan, murid yang biasanya berlarian saat istirahat kini antre membaca.",
      comments: 7, topics: [("literacy", 0.9, ["pojok baca", "membaca"]), ("parents", 0.45, ["wali murid"])]),
    item(
      "sari-113571", feed: 2, title: nil, link: "https://guru.social.example/@busari/113571245880219934",
      published: "2026-11-24 23:50", lang: "en",
      summary:
        "Parent volunteers turned up this morning to help re-shelve our school library — six mums, two dads and one very enthusiastic grandma. Community partnership at its best. #parents",
      comments: 2,
      topics: [("parents", 0.86, ["parents", "volunteers", "partnership"]), ("literacy", 0.4, ["school library"])]),
    item(
      "sp-parenting", feed: 5, title: "Kelas Parenting Bulanan SDN 3 Sukamaju Diminati Ayah",
      link: "https://sekolahpenggerak.test/warta/2026/11/kelas-parenting-sdn-3", published: "2026-11-19 03:00",
      lang: "id",
      summary:
        "Setiap Sabtu pertama, komite sekolah dan paguyuban kelas mengadakan kelas parenting. Bulan ini, separuh pesertanya ayah.",
      topics: [("parents", 0.9, ["parenting", "komite sekolah", "paguyuban kelas"])]),
    item(
      "bayu-3lkqn", feed: 3, title: nil, link: "https://bsky.app/profile/pakguru.bsky.example/post/3lkqn5hd4vs2k",
      published: "2026-11-25 11:20", lang: "id",
      summary:
        "Rapat komite sekolah tadi akhirnya membahas rincian dana BOS secara terbuka di depan wali murid. Kepala sekolah menayangkan anggarannya di proyektor, baris per baris.",
      topics: [
        ("parents", 0.72, ["komite sekolah", "wali murid"]), ("leadership", 0.58, ["kepala sekolah", "dana bos"]),
      ]),
    item(
      "tn-phone-ban", feed: 1, title: "The phone ban, six weeks in",
      link: "https://teachingnotes.example/p/the-phone-ban-six-weeks-in", author: "Hannah Whitfield",
      published: "2026-11-20 09:30", lang: "en",
      summary:
        "Six weeks after our school locked phones away from 8:30 to 3:10, lunchtimes are louder, corridors are calmer, and two of my quietest Year 8s have started a chess club.",
      comments: 18, topics: [("classroom", 0.84, ["phone ban", "behaviour"]), ("wellbeing", 0.5, ["wellbeing"])]),
    item(
      "ki-icebreak", feed: 6, title: "Ice Breaking 5 Menit untuk Kelas yang Ramai Setelah Istirahat",
      link: "https://www.youtube.com/watch?v=Qx7k2LmPa9s", author: "Kelas Inspirasi", published: "2026-11-23 10:00",
      lang: "id",
      summary:
        "Tiga permainan singkat untuk menenangkan kelas setelah jam istirahat: tepuk konsentrasi, hitung mundur berbisik, dan patung diam.",
      topics: [("classroom", 0.79, ["ramai", "pengelolaan kelas"])]),
    item(
      "cp-restorative", feed: 7, title: "Restorative Conversations After a Playground Fight",
      link: "https://medium.example/classroom-practice/restorative-conversations-after-a-playground-fight-91c2e4a",
      author: "Dana Okafor", published: "2026-11-21 16:00", lang: "en",
      summary:
        "Instead of detention, the two boys sat down with me and answered five questions: what happened, what were you thinking, who was affected, what do you need, what happens next.",
      comments: 9,
      topics: [("classroom", 0.81, ["restorative practice", "behavior"]), ("wellbeing", 0.43, ["bullying"])]),
    item(
      "la-resensi", feed: 8, title: "Resensi Buku: \"Kelas yang Mendengarkan\" - Bacaan Wajib untuk Klub Buku Guru",
      link: "http://literasianak.test/artikel/resensi-kelas-yang-mendengarkan.html", author: "Dewi Lestari",
      published: "2026-11-20 04:00", lang: "id",
      summary:
        "Buku tipis ini mengajak guru berhenti sejenak dan benar-benar mendengarkan murid. Cocok dibedah bab demi bab di klub buku guru.",
      topics: [("reading-club", 0.91, ["resensi buku", "klub buku"])]),
    item(
      "ki-gunung", feed: 6, title: "Eksperimen Sains Sederhana: Gunung Meletus dari Soda Kue dan Cuka | IPAS Kelas 5",
      link: "https://www.youtube.com/watch?v=Vb3n8TqR1eY", author: "Kelas Inspirasi", published: "2026-11-18 10:00",
      lang: "id",
      summary: "Percobaan reaksi asam-basa yang aman untuk kelas 5, lengkap dengan lembar pengamatan.",
      topics: [("stem", 0.86, ["eksperimen", "sains", "ipas"])]),
    item(
      "sari-113540", feed: 2, title: nil, link: "https://guru.social.example/@busari/113540022519863207",
      published: "2026-11-16 13:05", lang: "id",
      summary: "Selamat Hari Guru untuk semua rekan di grup ini. Terima kasih sudah saling menguatkan.", comments: 3),
    item(
      "cp-lunch", feed: 7, title: "What I Pack for a Ten-Hour School Day",
      link: "https://medium.example/classroom-practice/what-i-pack-5e1d",
      author: "Dana Okafor", published: nil, lang: "en",
      summary: "A thermos, two apples, a spare shirt, and the good whiteboard markers I hide from everyone."),
  ]

  static let topics: [DigestTopic] = [
    DigestTopic(
      id: "assessment", label: BilingualText(id: "Asesmen dan Umpan Balik", en: "Assessment and Feedback"),
      score: 3.412,
      breakdown: TopicScoreBreakdown(
        relevance: 3.05, capped: 2.31, sources: 4, sourcesAtCap: 0, recency: 0.88, engagement: 1.21, spread: 1.48,
        novelty: 1),
      items: ["gk-2318", "tn-ai-feedback", "jpn-asesmen-2026"]),
    DigestTopic(
      id: "parents",
      label: BilingualText(id: "Orang Tua, Keluarga dan Masyarakat", en: "Parents, Families and Community"),
      score: 2.874,
      breakdown: TopicScoreBreakdown(
        relevance: 2.93, capped: 2.02, sources: 4, sourcesAtCap: 0, recency: 0.8, engagement: 1.05, spread: 1.42,
        novelty: 1),
      items: ["sp-parenting", "sari-113571", "bayu-3lkqn", "gk-2290"]),
    DigestTopic(
      id: "classroom",
      label: BilingualText(id: "Pengelolaan Kelas dan Perilaku Siswa", en: "Classroom Management and Behaviour"),
      score: 2.5,
      breakdown: TopicScoreBreakdown(
        relevance: 2.44, capped: 2.13, sources: 3, sourcesAtCap: 0, recency: 0.74, engagement: 1.18, spread: 1.35,
        novelty: 0.87),
      items: ["tn-phone-ban", "cp-restorative", "ki-icebreak"]),
    DigestTopic(
      id: "digital", label: BilingualText(id: "Pembelajaran Digital dan TIK", en: "Digital Learning and ICT"),
      score: 2.101,
      breakdown: TopicScoreBreakdown(
        relevance: 1.51, capped: 1.46, sources: 3, sourcesAtCap: 1, recency: 0.97, engagement: 1.22, spread: 1.44,
        novelty: 1),
      items: ["tn-ai-feedback", "sari-113582"]),
    DigestTopic(
      id: "literacy", label: BilingualText(id: "Literasi dan Numerasi Siswa", en: "Student Literacy and Numeracy"),
      score: 1.95,
      breakdown: TopicScoreBreakdown(
        relevance: 2.58, capped: 1.6, sources: 3, sourcesAtCap: 0, recency: 0.71, engagement: 1.06, spread: 1.3,
        novelty: 0.5),
      items: ["jpn-asesmen-2026", "gk-2290"]),
    DigestTopic(
      id: "curriculum",
      label: BilingualText(
        id: "Kurikulum Merdeka dan Perencanaan Pembelajaran", en: "Curriculum (Kurikulum Merdeka) and Lesson Planning"),
      score: 0.9,
      breakdown: TopicScoreBreakdown(
        relevance: 0.69, capped: 0.66, sources: 2, sourcesAtCap: 0, recency: 0.97, engagement: 1.02, spread: 1.2,
        novelty: 1),
      items: ["sari-113582"]),
    DigestTopic(
      id: "reading-club",
      label: BilingualText(
        id: "Klub Buku dan Bacaan Profesional Guru", en: "Teacher Book Clubs and Professional Reading"), score: 0.71,
      breakdown: TopicScoreBreakdown(
        relevance: 0.91, capped: 0.64, sources: 1, sourcesAtCap: 0, recency: 0.7, engagement: 1, spread: 1, novelty: 1),
      items: ["la-resensi"]),
    DigestTopic(
      id: "stem", label: BilingualText(id: "STEM, Sains dan Matematika", en: "STEM, Science and Mathematics Teaching"),
      score: 0.62,
      breakdown: TopicScoreBreakdown(
        relevance: 0.86, capped: 0.55, sources: 1, sourcesAtCap: 0, recency: 0.64, engagement: 1, spread: 1, novelty: 1),
      items: ["ki-gunung"]),
  ]

  static let suggestions: [TopicSuggestion] = [
    TopicSuggestion(
      topicID: "assessment", readings: ["gk-2318", "tn-ai-feedback", "jpn-asesmen-2026"],
      prompts: [
        BilingualText(
          id: "Asesmen formatif apa yang paling sering kita pakai minggu ini, dan apa yang kita ubah karenanya?",
          en: "Which formative check did we use most this week, and what did we change because of it?"),
        BilingualText(
          id: "Di mana batas kita memakai AI untuk menulis umpan balik kepada murid?",
          en: "Where do we draw the line on using AI to write feedback to students?"),
        BilingualText(
          id: "Apa yang bisa dibaca dari rapor pendidikan sekolah kita untuk semester depan?",
          en: "What can our school's Rapor Pendidikan tell us for next semester?"),
      ]),
    TopicSuggestion(
      topicID: "parents", readings: ["sp-parenting", "sari-113571", "bayu-3lkqn"],
      prompts: [
        BilingualText(
          id: "Kegiatan apa yang membuat orang tua datang ke sekolah bukan hanya saat ada masalah?",
          en: "What brings parents into school for something other than a problem?"),
        BilingualText(
          id: "Informasi apa yang perlu kita buka kepada komite sekolah?",
          en: "What should we share openly with the school committee?"),
      ]),
    TopicSuggestion(
      topicID: "classroom", readings: ["tn-phone-ban", "ki-icebreak", "cp-restorative"],
      prompts: [
        BilingualText(
          id: "Perlukah kita punya aturan telepon genggam yang sama untuk semua kelas?",
          en: "Should we have one phone rule for every class?"),
        BilingualText(
          id: "Apa yang kita lakukan sesudah murid berkelahi, selain menghukum?",
          en: "What do we do after a fight, besides punishing?"),
      ]),
  ]

  static let volume = VolumeHistory(
    periodEnds: [date("2026-10-18"), date("2026-11-01"), date("2026-11-15"), date("2026-11-29")],
    series: [
      .init(topicID: "assessment", counts: [2, 1, 2, 3]),
      .init(topicID: "parents", counts: [0, 0, 0, 4]),
      .init(topicID: "classroom", counts: [3, 4, 2, 3]),
      .init(topicID: "digital", counts: [5, 6, 4, 2]),
      .init(topicID: "literacy", counts: [6, 5, 7, 2]),
      .init(topicID: "curriculum", counts: [4, 3, 2, 1]),
      .init(topicID: "reading-club", counts: [1, 0, 1, 1]),
      .init(topicID: "stem", counts: [2, 2, 1, 1]),
    ])

  static func digest(_ language: DigestLanguage) -> Digest {
    var digest = Digest(
      period: DigestPeriod(from: date("2026-11-15"), to: date("2026-11-29"), generated: date("2026-11-29")),
      language: language, utcOffset: wib, suggestions: suggestions, topics: topics,
      other: ["sari-113540", "cp-lunch"], items: items, feeds: feeds, volume: volume, bookClub: bookClub)
    digest.nextMeeting = CalendarDay(date("2026-12-03"))
    return digest
  }

  /// The digest with only the items written in `language` (and the feeds' failure reasons, which
  /// Lingkar does not write in words here, left out), for the check that Lingkar's own words are all
  /// of one language: whatever English remains in an Indonesian digest is Lingkar's.
  static func monolingual(_ language: DigestLanguage) -> Digest {
    var digest = digest(language)
    let kept = Set(digest.items.filter { $0.language == language.rawValue }.map(\.key))
    digest.items = digest.items.filter { kept.contains($0.key) }
    digest.topics = digest.topics.map { topic in
      var topic = topic
      topic.items = topic.items.filter(kept.contains)
      return topic
    }
    digest.suggestions = digest.suggestions.map { suggestion in
      var suggestion = suggestion
      suggestion.readings = suggestion.readings.filter(kept.contains)
      return suggestion
    }
    digest.other = digest.other.filter(kept.contains)
    digest.feeds = digest.feeds.map { feed in
      var feed = feed
      feed.error = nil
      return feed
    }
    if language == .en, var club = digest.bookClub {
      club.bookTitle = "The Listening Classroom"
      club.chapterTitle = "Listening before Judging"
      club.themes = ["listening", "restorative"]
      club.related = club.related.filter { kept.contains($0.key) }
      digest.bookClub = club
    } else if var club = digest.bookClub {
      club.related = club.related.filter { kept.contains($0.key) }
      digest.bookClub = club
    }
    return digest
  }

  /// This fortnight's chapter of the book club, with markup in the author to check the escaping.
  static let bookClub = DigestBookClub(
    bookTitle: "Kelas yang Mendengarkan", bookAuthor: "Dewi <i>Lestari</i> & Tim", chapterNumber: 3,
    chapterTitle: "Mendengar sebelum Menilai", themes: ["mendengarkan", "percakapan restoratif", "restorative"],
    date: CalendarDay(date("2026-12-03")), leader: "Bu Ratna",
    related: [
      DigestChapterItem(key: "la-resensi", score: 2.4137, matched: ["mendengarkan"]),
      DigestChapterItem(key: "cp-restorative", score: 1.25, matched: ["restorative", "Conversations"]),
    ])
}
