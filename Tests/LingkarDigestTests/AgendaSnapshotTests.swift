import Foundation
import LingkarDigest
import LingkarModel
import Testing

/// The meeting handout: two picked topics from the digest fixture's items, and the book club.
enum AgendaFixture {
  static func agenda(_ language: DigestLanguage, chapter: Bool = true) -> Agenda {
    let digest = DigestFixture.digest(language)
    func items(_ keys: [String]) -> [DigestItem] { keys.compactMap { digest.item($0) } }
    let assessment = BilingualText(id: "Asesmen dan Umpan Balik", en: "Assessment and Feedback")
    let classroom = BilingualText(id: "Pengelolaan Kelas dan Perilaku Siswa", en: "Classroom Management and Behaviour")
    let prompts = [
      BilingualText(id: "Apa yang sudah kita coba?", en: "What have we tried?"),
      BilingualText(
        id: "Satu hal apa yang akan kita coba sebelum pertemuan berikutnya?", en: "What one thing will we try next?"),
    ]
    let book = BookChapter(
      number: 3, title: "Dialog sebagai praktik kebebasan",
      keywords: [ChapterKeyword(text: "dialog", weight: 2), ChapterKeyword(text: "diskusi kelas")],
      date: CalendarDay(DigestFixture.date("2026-12-10")), leader: "Bu Rina <& Pak Budi>")
    return Agenda(
      meeting: CalendarDay(DigestFixture.date("2026-12-03")), language: language, utcOffset: DigestFixture.wib,
      generated: DigestFixture.date("2026-12-01T07:00:00Z"), readingsFrom: DigestFixture.date("2026-11-18T17:00:00Z"),
      schoolName: "SMP Negeri 3 Contoh", facilitator: "Bu Sari Wulandari", time: "14.00", place: "Ruang guru",
      topics: [
        AgendaTopic(
          id: "assessment", label: assessment, readings: items(["gk-2318", "tn-ai-feedback", "jpn-asesmen-2026"]),
          prompts: prompts),
        AgendaTopic(id: "classroom", label: classroom, readings: [], prompts: prompts),
      ],
      chapter: chapter
        ? AgendaChapter(
          bookTitle: "Pedagogi Kaum Tertindas", bookAuthor: "Paulo Freire", chapter: book,
          related: items(["cp-restorative"]))
        : nil)
  }
}

@Suite("The meeting agenda against its golden files")
struct AgendaSnapshotTests {
  @Test("the agenda page matches its golden file in both languages")
  func html() {
    assertSnapshot(AgendaHTMLRenderer().render(AgendaFixture.agenda(.id)), named: "agenda.id.html")
    assertSnapshot(AgendaHTMLRenderer().render(AgendaFixture.agenda(.en)), named: "agenda.en.html")
  }

  @Test("the Markdown agenda matches its golden file in both languages")
  func markdown() {
    assertSnapshot(AgendaMarkdownRenderer().render(AgendaFixture.agenda(.id)), named: "agenda.id.md")
    assertSnapshot(AgendaMarkdownRenderer().render(AgendaFixture.agenda(.en)), named: "agenda.en.md")
  }

  @Test("an agenda with no topic picked yet says how to pick them")
  func empty() {
    var agenda = AgendaFixture.agenda(.en, chapter: false)
    agenda.topics = []
    assertSnapshot(AgendaHTMLRenderer().render(agenda), named: "agenda-empty.en.html")
  }

  @Test("the agenda page is well-formed XML with every feed value escaped")
  func wellFormed() {
    for language in DigestLanguage.allCases {
      let page = StrictMarkup(AgendaHTMLRenderer().render(AgendaFixture.agenda(language)))
      #expect(page.error == nil, "\(page.error ?? "")")
      #expect(page.text.contains("Bu Rina <& Pak Budi>"))
    }
  }
}
