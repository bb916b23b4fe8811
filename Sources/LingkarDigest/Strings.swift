public import LingkarModel

/// Every word Lingkar itself writes, in Indonesian and in English: one table, chosen by `--lang`.
///
/// Item texts (titles, summaries, authors) are never translated; they keep their own `lang`.
public struct Strings: Sendable {
  public let language: DigestLanguage

  // The page.
  let digestTitle: String
  let documentTitle: @Sendable (_ range: String) -> String
  let itemsAndSources: @Sendable (_ items: Int, _ sources: Int) -> String
  let periodLabel: String
  let skipLink: String
  let generatedBy: @Sendable (_ when: String) -> String
  let archiveLink: String

  // Suggestions.
  let suggestedHeading: String
  let suggestedIntro: String
  let noSuggestions: String
  let why: @Sendable (_ items: Int, _ sources: Int) -> String
  let scoreLabel: String
  let breakdownHeading: String
  let relevance: String
  let distinctSources: String
  let sourcesAtCap: @Sendable (_ count: Int) -> String
  let recency: String
  let engagement: String
  let novelty: String
  let noveltyDamped: String
  /// "damped: discussed 2 weeks ago", from the days since the topic was last discussed (negative:
  /// picked for a meeting still to come).
  let noveltyDampedSince: @Sendable (_ days: Int) -> String
  let readingsHeading: String
  let promptsHeading: String

  // Trends.
  let trendFirst: String
  let trendNew: String
  let trendRising: @Sendable (_ mean: String, _ periods: Int) -> String
  let trendSteady: @Sendable (_ mean: String, _ periods: Int) -> String
  let trendFalling: @Sendable (_ mean: String, _ periods: Int) -> String

  // Topics and items.
  let allTopicsHeading: String
  let noTopics: String
  let itemCount: @Sendable (_ count: Int) -> String
  let otherHeading: String
  let otherIntro: String
  let untitled: String
  let noDate: String
  let by: String
  let comments: @Sendable (_ count: Int) -> String
  let languageID: String
  let languageEN: String
  let languageMixed: String
  let alsoPostedBy: String
  let matched: String
  let andMore: @Sendable (_ count: Int) -> String

  // Feeds needing attention.
  let attentionHeading: String
  let attentionNone: String
  let failed: @Sendable (_ reason: String) -> String
  let failedNoReason: String
  let gone: String
  let moved: String
  let movedAction: String
  let silent: @Sendable (_ days: Int) -> String
  /// A skipped line of the feeds file: its place (`feeds.txt:4`) and why.
  let badLine: @Sendable (_ location: String, _ reason: String) -> String

  // The chart.
  let chartHeading: String
  let chartCaption: @Sendable (_ periods: Int) -> String
  let chartSeries: @Sendable (_ label: String, _ counts: String) -> String
  let chartPeriod: @Sendable (_ end: String, _ count: Int) -> String

  // The archive and the Atom feed.
  let archiveTitle: String
  let archiveIntro: String
  let archiveEmpty: String
  let archiveTopTopics: String
  let feedTitle: String
  let feedEntryTitle: @Sendable (_ range: String) -> String

  // The meeting agenda and the book club.
  let agendaTitle: String
  let agendaDocumentTitle: @Sendable (_ date: String) -> String
  let facilitatorLabel: String
  let agendaTopicsHeading: String
  let agendaNoTopics: String
  let agendaNoReadings: String
  let notesHeading: String
  let followUpHeading: String
  let bookClubHeading: String
  let chapterLine: @Sendable (_ number: Int, _ title: String) -> String
  let chapterSession: @Sendable (_ date: String) -> String
  let chapterLedBy: @Sendable (_ name: String) -> String
  let chapterThemes: String
  let chapterRelated: String
  let chapterNoRelated: String
  /// The digest's book-club section.
  let fortnightChapterHeading: String
  let readingsFrom: @Sendable (_ range: String) -> String
  let carriedOver: String

  // Dates and numbers.
  let weekdays: [String]
  let months: [String]
  let shortMonths: [String]
  let decimalSeparator: String

  /// The table for `language`.
  public static func `for`(_ language: DigestLanguage) -> Strings {
    switch language {
    case .id: indonesian
    case .en: english
    }
  }

  static let indonesian = Strings(
    language: .id,
    digestTitle: "Digest Lingkar",
    documentTitle: { "Digest Lingkar, \($0)" },
    itemsAndSources: { "\($0) tulisan baru dari \($1) sumber" },
    periodLabel: "Periode",
    skipLink: "Langsung ke usulan diskusi",
    generatedBy: { "Dibuat oleh Lingkar, \($0)." },
    archiveLink: "Semua digest",
    suggestedHeading: "Usulan untuk diskusi",
    suggestedIntro: "Topik yang paling banyak dibicarakan dua minggu ini, dengan bacaan dan pertanyaan pemantik.",
    noSuggestions: "Periode ini belum ada topik yang cukup menonjol untuk diusulkan.",
    why: { "\($0) tulisan dari \($1) sumber berbeda" },
    scoreLabel: "Skor",
    breakdownHeading: "Rincian skor",
    relevance: "Relevansi",
    distinctSources: "Sumber berbeda",
    sourcesAtCap: { "\($0) mencapai batas per sumber" },
    recency: "Kebaruan tulisan",
    engagement: "Keterlibatan (komentar)",
    novelty: "Kebaruan topik",
    noveltyDamped: "diredam: baru dibahas di pertemuan",
    noveltyDampedSince: { days in
      days < 0
        ? "diredam: sudah dipilih untuk pertemuan berikutnya"
        : days < 7 ? "diredam: dibahas minggu ini" : "diredam: dibahas \(days / 7) minggu lalu"
    },
    readingsHeading: "Bacaan terbaik",
    promptsHeading: "Pertanyaan pemantik",
    trendFirst: "digest pertama, belum ada pembanding",
    trendNew: "baru muncul periode ini",
    trendRising: { "naik dari rata-rata \($0) tulisan dalam \($1) periode sebelumnya" },
    trendSteady: { "stabil (rata-rata \($0) tulisan dalam \($1) periode sebelumnya)" },
    trendFalling: { "turun dari rata-rata \($0) tulisan dalam \($1) periode sebelumnya" },
    allTopicsHeading: "Semua topik",
    noTopics: "Tidak ada tulisan bertopik pada periode ini.",
    itemCount: { "\($0) tulisan" },
    otherHeading: "Lainnya",
    otherIntro: "Tulisan yang tidak cocok dengan topik mana pun.",
    untitled: "(tanpa judul)",
    noDate: "tanpa tanggal",
    by: "oleh",
    comments: { "\($0) komentar" },
    languageID: "Bahasa Indonesia",
    languageEN: "Bahasa Inggris",
    languageMixed: "Campuran Indonesia–Inggris",
    alsoPostedBy: "Juga dibagikan oleh",
    matched: "Kata kunci",
    andMore: { "… dan \($0) tulisan lainnya" },
    attentionHeading: "Umpan yang perlu diperiksa",
    attentionNone: "Semua umpan terbaca dengan baik.",
    failed: { "Gagal dibaca: \($0)" },
    failedNoReason: "Gagal dibaca",
    gone: "Sudah dihapus oleh pemiliknya (HTTP 410); tidak diambil lagi",
    moved: "Pindah ke alamat baru",
    movedAction: "perbarui feeds.txt",
    silent: { "Tidak ada tulisan baru selama \($0) hari" },
    badLine: { "\($0): baris ini dilewati (\($1)); perbaiki di feeds.txt" },
    chartHeading: "Volume per topik",
    chartCaption: { "Jumlah tulisan per topik dalam \($0) periode terakhir (batang paling kanan: periode ini)." },
    chartSeries: { "\($0): \($1) tulisan per periode, dari yang terlama" },
    chartPeriod: { "Periode sampai \($0): \($1) tulisan" },
    archiveTitle: "Arsip digest Lingkar",
    archiveIntro: "Semua digest yang pernah dibuat, yang terbaru di atas.",
    archiveEmpty: "Belum ada digest.",
    archiveTopTopics: "Usulan topik",
    feedTitle: "Digest Lingkar",
    feedEntryTitle: { "Digest Lingkar, \($0)" },
    agendaTitle: "Agenda pertemuan guru",
    agendaDocumentTitle: { "Agenda pertemuan guru, \($0)" },
    facilitatorLabel: "Fasilitator",
    agendaTopicsHeading: "Topik diskusi",
    agendaNoTopics: "Belum ada topik yang dipilih untuk pertemuan ini (pilih dengan: lingkar topics pick).",
    agendaNoReadings: "Tidak ada tulisan baru tentang topik ini pada periode bacaan.",
    notesHeading: "Catatan",
    followUpHeading: "Kesepakatan dan tindak lanjut",
    bookClubHeading: "Klub buku",
    chapterLine: { "Bab \($0): \($1)" },
    chapterSession: { "Sesi \($0)" },
    chapterLedBy: { "dipandu oleh \($0)" },
    chapterThemes: "Tema",
    chapterRelated: "Tulisan terkait tema bab ini",
    chapterNoRelated: "Periode ini tidak ada tulisan yang terkait dengan tema bab ini.",
    fortnightChapterHeading: "Klub buku: bab dua minggu ini",
    readingsFrom: { "Bacaan diambil dari tulisan \($0)." },
    carriedOver: "Dibawa dari usulan sebelumnya: belum dipilih di pertemuan terakhir.",
    weekdays: ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
    months: [
      "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
      "November", "Desember",
    ],
    shortMonths: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
    decimalSeparator: ","
  )

  static let english = Strings(
    language: .en,
    digestTitle: "Lingkar digest",
    documentTitle: { "Lingkar digest, \($0)" },
    itemsAndSources: { "\($0) new \($0 == 1 ? "item" : "items") from \($1) \($1 == 1 ? "source" : "sources")" },
    periodLabel: "Period",
    skipLink: "Skip to the suggestions",
    generatedBy: { "Made by Lingkar, \($0)." },
    archiveLink: "All digests",
    suggestedHeading: "Suggested for discussion",
    suggestedIntro: "The topics most written about this fortnight, with readings and questions to start from.",
    noSuggestions: "No topic stood out enough this period to suggest it.",
    why: { "\($0) \($0 == 1 ? "item" : "items") from \($1) distinct \($1 == 1 ? "source" : "sources")" },
    scoreLabel: "Score",
    breakdownHeading: "Score breakdown",
    relevance: "Relevance",
    distinctSources: "Distinct sources",
    sourcesAtCap: { "\($0) at the per-source cap" },
    recency: "Recency",
    engagement: "Engagement (comments)",
    novelty: "Novelty",
    noveltyDamped: "damped: discussed at a recent meeting",
    noveltyDampedSince: { days in
      days < 0
        ? "damped: already picked for the coming meeting"
        : days < 7
          ? "damped: discussed this week"
          : days < 14 ? "damped: discussed 1 week ago" : "damped: discussed \(days / 7) weeks ago"
    },
    readingsHeading: "Best readings",
    promptsHeading: "Discussion prompts",
    trendFirst: "first digest, nothing to compare with yet",
    trendNew: "new this period",
    trendRising: { "up from an average of \($0) items over the previous \($1) \($1 == 1 ? "period" : "periods")" },
    trendSteady: { "steady (average \($0) items over the previous \($1) \($1 == 1 ? "period" : "periods"))" },
    trendFalling: { "down from an average of \($0) items over the previous \($1) \($1 == 1 ? "period" : "periods")" },
    allTopicsHeading: "All topics",
    noTopics: "No item fitted a topic this period.",
    itemCount: { "\($0) \($0 == 1 ? "item" : "items")" },
    otherHeading: "Other",
    otherIntro: "Items that fit no topic.",
    untitled: "(untitled)",
    noDate: "no date",
    by: "by",
    comments: { "\($0) \($0 == 1 ? "comment" : "comments")" },
    languageID: "Indonesian",
    languageEN: "English",
    languageMixed: "Indonesian–English",
    alsoPostedBy: "Also posted by",
    matched: "Keywords",
    andMore: { "… and \($0) more" },
    attentionHeading: "Feeds needing attention",
    attentionNone: "Every feed was read without problems.",
    failed: { "Could not be read: \($0)" },
    failedNoReason: "Could not be read",
    gone: "Removed by its owner (HTTP 410); no longer fetched",
    moved: "Moved to a new address",
    movedAction: "update feeds.txt",
    silent: { "No new items for \($0) days" },
    badLine: { "\($0): this line was skipped (\($1)); fix it in feeds.txt" },
    chartHeading: "Volume per topic",
    chartCaption: {
      "Items per topic over the last \($0) \($0 == 1 ? "period" : "periods") (rightmost bar: this period)."
    },
    chartSeries: { "\($0): \($1) items per period, oldest first" },
    chartPeriod: { "Period ending \($0): \($1) \($1 == 1 ? "item" : "items")" },
    archiveTitle: "Lingkar digest archive",
    archiveIntro: "Every digest so far, newest first.",
    archiveEmpty: "No digests yet.",
    archiveTopTopics: "Suggested topics",
    feedTitle: "Lingkar digests",
    feedEntryTitle: { "Lingkar digest, \($0)" },
    agendaTitle: "Teachers' meeting agenda",
    agendaDocumentTitle: { "Teachers' meeting agenda, \($0)" },
    facilitatorLabel: "Facilitator",
    agendaTopicsHeading: "Topics for discussion",
    agendaNoTopics: "No topic has been picked for this meeting yet (pick with: lingkar topics pick).",
    agendaNoReadings: "No new items on this topic in the reading period.",
    notesHeading: "Notes",
    followUpHeading: "Agreements and follow-up",
    bookClubHeading: "Book club",
    chapterLine: { "Chapter \($0): \($1)" },
    chapterSession: { "Session on \($0)" },
    chapterLedBy: { "led by \($0)" },
    chapterThemes: "Themes",
    chapterRelated: "Items related to the chapter's themes",
    chapterNoRelated: "No item this period relates to the chapter's themes.",
    fortnightChapterHeading: "Book club: this fortnight's chapter",
    readingsFrom: { "Readings are taken from the items of \($0)." },
    carriedOver: "Carried over: suggested last time, not picked at the last meeting.",
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    months: [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December",
    ],
    shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    decimalSeparator: "."
  )
}
