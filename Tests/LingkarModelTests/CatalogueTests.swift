import Foundation
import LingkarModel
import LingkarTestSupport
import Testing

@Suite struct CatalogueTests {
  /// The catalogue's source files, read from the checkout (what the binary embeds).
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Sources/LingkarModel/Resources/messages").standardized

  static func files() throws -> [(area: String, language: String, text: String)] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }
    return try names.sorted().map { name in
      let parts = name.split(separator: ".")
      return (
        String(parts[0]), String(parts[1]),
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      )
    }
  }

  /// `{name}` and `{name|one|other}` placeholders of a template, by name.
  static func placeholders(_ template: String) -> Set<String> {
    var names: Set<String> = []
    var rest = Substring(template.replacingOccurrences(of: "{{", with: "").replacingOccurrences(of: "}}", with: ""))
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      let inside = rest[rest.index(after: open)..<close]
      names.insert(String(inside.split(separator: "|", omittingEmptySubsequences: false)[0]))
      rest = rest[rest.index(after: close)...]
    }
    return names
  }

  @Test func everyKeyIsInBothLanguagesWithTheSamePlaceholders() throws {
    let files = try Self.files()
    #expect(files.count >= 2)
    var byArea: [String: [String: [String: String]]] = [:]
    var seen: [String: String] = [:]
    for file in files {
      let parsed = Catalogue.parse(file.text)
      #expect(parsed.problems.isEmpty, "\(file.area).\(file.language).txt: \(parsed.problems)")
      var entries: [String: String] = [:]
      for (key, template) in parsed.pairs {
        #expect(entries[key] == nil, "\(key) twice in \(file.area).\(file.language).txt")
        #expect(!template.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) is empty in \(file.language)")
        let place = "\(file.area).\(file.language)"
        if let other = seen["\(file.language)/\(key)"] { Issue.record("\(key) in both \(other) and \(place)") }
        seen["\(file.language)/\(key)"] = place
        entries[key] = template
      }
      byArea[file.area, default: [:]][file.language] = entries
    }
    for (area, languages) in byArea {
      let indonesian = languages["id"] ?? [:]
      let english = languages["en"] ?? [:]
      for key in Set(indonesian.keys).subtracting(english.keys).sorted() {
        Issue.record("\(key) is in \(area).id.txt but missing from \(area).en.txt")
      }
      for key in Set(english.keys).subtracting(indonesian.keys).sorted() {
        Issue.record("\(key) is in \(area).en.txt but missing from \(area).id.txt")
      }
      for (key, template) in indonesian {
        guard let englishTemplate = english[key] else { continue }
        #expect(
          Self.placeholders(template) == Self.placeholders(englishTemplate),
          "\(key): placeholders differ between id and en")
      }
    }
    // What the binary embeds is what the files say.
    for file in files {
      let catalogue = Catalogue.for(file.language == "id" ? .id : .en)
      for (key, _) in Catalogue.parse(file.text).pairs { #expect(catalogue.has(key), "\(key) not embedded") }
    }
  }

  @Test func indonesianSentencesHaveNoEnglishWordsAndTheReverse() throws {
    for file in try Self.files() {
      for (key, template) in Catalogue.parse(file.text).pairs {
        let words = file.language == "id" ? Self.english(in: template) : Self.indonesian(in: template)
        #expect(words.isEmpty, "\(file.area).\(file.language).txt \(key): \(words)")
      }
    }
  }

  static func english(in text: String) -> [String] { LanguageCheck.englishWords(in: text) }
  static func indonesian(in text: String) -> [String] { LanguageCheck.indonesianWords(in: text) }

  @Test func fillsPlaceholdersPluralsAndNestedMessages() {
    let english = Catalogue(
      language: .en,
      entries: [
        "items": "{count} new {count|item|items} from {source}", "failed": "could not read {feed}: {reason}",
        "reason": "HTTP {status}", "braces": "{{literal}} {missing}",
      ])
    #expect(english.text("items", ["count": 1, "source": "a"]) == "1 new item from a")
    #expect(english.text("items", ["count": 3, "source": "b"]) == "3 new items from b")
    let nested = Message("failed", ["feed": "x.xml", "reason": .message(Message("reason", ["status": 404]))])
    #expect(english.render(nested) == "could not read x.xml: HTTP 404")
    #expect(english.text("braces") == "{literal} {missing}")
    #expect(english.text("nope", ["a": 1]) == "nope a=1")
    #expect(english.render(.verbatim("as typed {x}")) == "as typed {x}")
  }

  @Test func readsContinuationsEscapesAndComments() {
    let parsed = Catalogue.parse(
      """
      # comment
      a = first\\nsecond
      b = one
        two
      c =  kept space
      broken line
      """)
    #expect(parsed.pairs.map(\.key) == ["a", "b", "c"])
    #expect(parsed.pairs[0].template == "first\nsecond")
    #expect(parsed.pairs[1].template == "one two")
    #expect(parsed.pairs[2].template == " kept space")
    #expect(parsed.problems.count == 1)
  }
}
