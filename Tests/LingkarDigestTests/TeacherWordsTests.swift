import Foundation
import LingkarDigest
import LingkarModel
import LingkarTestSupport
import Testing

/// What teachers read: one language at a time, reasons in words, whole words as evidence, and a
/// short message a group will read.
@Suite("The digest in a teacher's words")
struct TeacherWordsTests {
  /// The words a person reads on a page: no style sheet, no tags, numeric references decoded.
  static func visibleText(_ html: String) -> String {
    var text = html
    while let start = text.range(of: "<style>"),
      let end = text.range(of: "</style>", range: start.upperBound..<text.endIndex)
    {
      text.removeSubrange(start.lowerBound..<end.upperBound)
    }
    var result = ""
    var inTag = false
    for character in text {
      if character == "<" {
        inTag = true
      } else if character == ">" {
        inTag = false
        result += " "
      } else if !inTag {
        result.append(character)
      }
    }
    var decoded = ""
    var rest = Substring(result)
    while let amp = rest.range(of: "&#") {
      decoded += rest[..<amp.lowerBound]
      let after = rest[amp.upperBound...]
      guard let semicolon = after.firstIndex(of: ";"), let value = UInt32(after[..<semicolon]),
        let scalar = Unicode.Scalar(value)
      else {
        decoded += "&#"
        rest = after
        continue
      }
      decoded.append(Character(scalar))
      rest = after[after.index(after: semicolon)...]
    }
    return decoded + rest
  }

  /// Every text the digest and the agenda give a teacher in `language`.
  static func outputs(_ language: DigestLanguage) -> [(name: String, text: String)] {
    let digest = DigestFixture.monolingual(language)
    var agenda = AgendaFixture.agenda(language)
    agenda.chapter = nil
    agenda.topics = agenda.topics.map { topic in
      var topic = topic
      topic.readings = topic.readings.filter { $0.language == language.rawValue }
      return topic
    }
    var mailText = TextRenderer()
    mailText.includeAttention = false
    var mailHTML = HTMLRenderer()
    mailHTML.includeAttention = false
    return [
      ("digest.html", visibleText(HTMLRenderer().render(digest))),
      ("digest.md", MarkdownRenderer().render(digest)),
      ("digest.txt", ShortTextRenderer(fullDigestLink: "https://sekolah.example/lingkar/digest.html").render(digest)),
      ("digest-full.txt", TextRenderer().render(digest)),
      ("agenda.html", visibleText(AgendaHTMLRenderer().render(agenda))),
      ("agenda.md", AgendaMarkdownRenderer().render(agenda)),
      ("mail text", mailText.render(digest)),
      ("mail html", visibleText(mailHTML.render(digest))),
      ("mail to the facilitator", AttentionRenderer().text(digest)),
    ]
  }

  @Test("an Indonesian digest, agenda and mail hold no English word of Lingkar's")
  func indonesianOnly() {
    for (name, text) in Self.outputs(.id) {
      #expect(LanguageCheck.englishWords(in: text).isEmpty, "\(name): \(LanguageCheck.englishWords(in: text))")
    }
  }

  @Test("an English digest, agenda and mail hold no Indonesian word of Lingkar's")
  func englishOnly() {
    for (name, text) in Self.outputs(.en) {
      #expect(LanguageCheck.indonesianWords(in: text).isEmpty, "\(name): \(LanguageCheck.indonesianWords(in: text))")
    }
  }

  @Test("a suggestion says why in words; its numbers are only in the folded detail and digest.json")
  func reasonsInWords() throws {
    let html = HTMLRenderer().render(DigestFixture.digest(.id))
    let suggestions = try #require(html.range(of: "<section id=\"suggested\""))
    let end = try #require(html.range(of: "</section>", range: suggestions.upperBound..<html.endIndex))
    let section = String(html[suggestions.lowerBound..<end.upperBound])
    #expect(section.contains("Dibahas dalam 4 tulisan dari 4 sumber, sama seperti biasanya."))
    #expect(section.contains("Dibahas dalam 4 tulisan dari 4 sumber, baru muncul kali ini."))
    #expect(section.contains("<details class=\"ranking\">\n<summary>Bagaimana peringkat ini dihitung</summary>"))
    // Outside the folded detail, no score.
    var folded = section
    while let open = folded.range(of: "<details"), let close = folded.range(of: "</details>") {
      folded.removeSubrange(open.lowerBound..<close.upperBound)
    }
    #expect(!folded.contains("Skor"))
    #expect(!folded.contains("3,4"))
    for text in [
      MarkdownRenderer().render(DigestFixture.digest(.id)), TextRenderer().render(DigestFixture.digest(.id)),
    ] {
      #expect(!text.contains("Skor"))
      #expect(!text.contains("3,4"))
      #expect(text.contains("Dibahas dalam 4 tulisan dari 4 sumber, baru muncul kali ini."))
    }
    #expect(MarkdownRenderer().render(DigestFixture.digest(.en)).contains("Discussed in 4 posts from 4 sources"))
    #expect(JSONRenderer().render(DigestFixture.digest(.id)).contains("\"relevance\""))
  }

  @Test("the short message is at most 15 lines: three topics with a reading each, the meeting and the link")
  func shortMessage() {
    for language in DigestLanguage.allCases {
      let link = "https://sekolah.example/lingkar/2026-11-29/digest.html"
      let text = ShortTextRenderer(fullDigestLink: link).render(DigestFixture.digest(language))
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      #expect(lines.count <= 15, "\(lines.count) lines")
      #expect(lines.filter { $0.hasPrefix("*1. ") || $0.hasPrefix("*2. ") || $0.hasPrefix("*3. ") }.count == 3)
      #expect(lines.contains("https://gurukreatif.example/2026/11/24/exit-ticket-tiga-pertanyaan/"))
      #expect(lines.last.map(String.init) == link)
      #expect(text.contains(language == .id ? "Kamis, 3 Desember 2026" : "Thursday, 3 December 2026"))
      #expect(!text.contains("EdTech Weekly"))  // no feeds needing attention in a group
    }
  }

  @Test("the mail's pages leave the feeds needing attention out; the facilitator's message lists them")
  func attentionForTheFacilitatorOnly() {
    let digest = DigestFixture.digest(.id)
    var text = TextRenderer()
    text.includeAttention = false
    var html = HTMLRenderer()
    html.includeAttention = false
    for page in [text.render(digest), html.render(digest)] {
      #expect(!page.contains("Sumber yang perlu diperiksa"))
      #expect(!page.contains("edtechweekly.example"))
    }
    #expect(TextRenderer().render(digest).contains("Sumber yang perlu diperiksa"))
    let facilitator = AttentionRenderer().text(digest)
    #expect(facilitator.contains("https://edtechweekly.example/feed.atom"))
    #expect(facilitator.contains("https://literasianak.example/feed/"))
    #expect(AttentionRenderer().subject(digest) == "Lingkar: sumber yang perlu diperiksa, 15–29 November 2026")
  }
}
