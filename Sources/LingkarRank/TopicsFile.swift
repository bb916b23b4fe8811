import LingkarModel

/// The topic taxonomy read from a `topics.txt` text (format described at the top of the default
/// file): `[id]` headers, then `id:`, `en:` and `kw:` lines; keywords separated by `;`, each with an
/// optional `=N` weight (1...5); optional discussion prompts, one a line, as `q-id:` and `q-en:` lines
/// paired in order.
public struct TopicsFile: Sendable, Equatable {
  public var topics: [Topic]

  public init(topics: [Topic]) {
    self.topics = topics
  }

  /// The built-in copy of the default taxonomy, used when there is no `topics.txt`.
  public static let builtIn: TopicsFile = {
    do {
      return try parse(WordLists.defaultTopicsText, file: "default-topics.txt")
    } catch {
      preconditionFailure("the built-in topics file does not parse: \(error)")
    }
  }()

  /// Parses a topics file; every problem found is returned (the first one is thrown).
  public static func parse(_ text: String, file: String = "topics.txt") throws(TopicsFileError) -> TopicsFile {
    let (result, errors) = parseCollectingErrors(text, file: file, requireLabels: true)
    if let first = errors.first { throw first }
    return result
  }

  /// Parses a file and returns all the problems found, so a facilitator sees every bad line at once.
  public static func parseCollectingErrors(
    _ text: String, file: String = "topics.txt", requireLabels: Bool = true
  ) -> (TopicsFile, [TopicsFileError]) {
    var topics: [Topic] = []
    var errors: [TopicsFileError] = []
    var seen: [String: Int] = [:]
    var current: Topic?
    var currentLine = 0
    var labelLines: [String: Int] = [:]
    var promptsID: [String] = []
    var promptsEN: [String] = []

    func finish() {
      guard var topic = current else { return }
      if promptsID.count == promptsEN.count {
        topic.prompts = zip(promptsID, promptsEN).map { BilingualText(id: $0, en: $1) }
      } else {
        errors.append(
          TopicsFileError(
            file: file, line: currentLine,
            message: "topic [\(topic.id)] has \(promptsID.count) 'q-id:' and \(promptsEN.count) 'q-en:' prompts; "
              + "write each prompt in both languages, in the same order"))
      }
      promptsID = []
      promptsEN = []
      if requireLabels {
        for key in ["id", "en"] where labelLines[key] == nil {
          errors.append(
            TopicsFileError(file: file, line: currentLine, message: "topic [\(topic.id)] has no '\(key):' label"))
        }
      }
      if topic.keywords.isEmpty {
        errors.append(
          TopicsFileError(file: file, line: currentLine, message: "topic [\(topic.id)] has no keywords ('kw:' lines)"))
      }
      topics.append(topic)
      current = nil
    }

    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (offset, rawLine) in lines.enumerated() {
      let number = offset + 1
      let line = rawLine.trimmingSpaces()
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasPrefix("[") {
        finish()
        guard line.hasSuffix("]") else {
          errors.append(TopicsFileError(file: file, line: number, message: "a topic header must look like [topic-id]"))
          continue
        }
        let id = String(line.dropFirst().dropLast().trimmingSpaces())
        if let problem = idProblem(id) {
          errors.append(TopicsFileError(file: file, line: number, message: problem))
          continue
        }
        if let first = seen[id] {
          errors.append(
            TopicsFileError(file: file, line: number, message: "topic id '\(id)' already used on line \(first)"))
          continue
        }
        seen[id] = number
        current = Topic(id: id, labelID: "", labelEN: "", keywords: [])
        currentLine = number
        labelLines = [:]
        continue
      }
      guard let colon = line.firstIndex(of: ":") else {
        errors.append(
          TopicsFileError(file: file, line: number, message: "expected 'id:', 'en:' or 'kw:' (or a [topic-id] header)"))
        continue
      }
      guard current != nil else {
        errors.append(
          TopicsFileError(file: file, line: number, message: "a line outside any topic; start one with [topic-id]"))
        continue
      }
      let key = line[..<colon].trimmingSpaces().lowercased()
      let value = String(line[line.index(after: colon)...].trimmingSpaces())
      switch key {
      case "id", "en":
        if let first = labelLines[key] {
          errors.append(
            TopicsFileError(
              file: file, line: number, message: "a second '\(key):' label (the first is on line \(first))"))
        } else if value.isEmpty {
          errors.append(TopicsFileError(file: file, line: number, message: "the '\(key):' label is empty"))
        } else {
          labelLines[key] = number
          if key == "id" { current?.labelID = value } else { current?.labelEN = value }
        }
      case "kw":
        for piece in value.split(separator: ";") {
          let entry = piece.trimmingSpaces()
          if entry.isEmpty { continue }
          switch keyword(entry) {
          case .success(let keyword): current?.keywords.append(keyword)
          case .failure(let message): errors.append(TopicsFileError(file: file, line: number, message: message))
          }
        }
      case "q-id", "q-en":
        if value.isEmpty {
          errors.append(TopicsFileError(file: file, line: number, message: "the '\(key):' prompt is empty"))
        } else if key == "q-id" {
          promptsID.append(value)
        } else {
          promptsEN.append(value)
        }
      default:
        errors.append(
          TopicsFileError(file: file, line: number, message: "unknown key '\(key)'; expected id, en, kw, q-id or q-en"))
      }
    }
    finish()
    if topics.isEmpty && errors.isEmpty {
      errors.append(TopicsFileError(file: file, line: max(1, lines.count), message: "no topics defined"))
    }
    return (TopicsFile(topics: topics), errors)
  }

  enum KeywordResult { case success(TopicKeyword), failure(String) }

  static func keyword(_ entry: Substring) -> KeywordResult {
    var text = entry
    var weight = 1
    if let equals = entry.lastIndex(of: "=") {
      let number = entry[entry.index(after: equals)...].trimmingSpaces()
      guard let value = Int(number), (1...5).contains(value) else {
        return .failure("keyword '\(entry)': the weight after '=' must be a whole number from 1 to 5")
      }
      weight = value
      text = entry[..<equals].trimmingSpaces()
    }
    guard !text.isEmpty else { return .failure("an empty keyword before '='") }
    guard !Tokenizer.tokens(String(text)).isEmpty else {
      return .failure("keyword '\(text)' has no letters or digits")
    }
    return .success(TopicKeyword(text: text.lowercased(), weight: weight))
  }

  static func idProblem(_ id: String) -> String? {
    if id.isEmpty { return "a topic id is empty" }
    if id == "none" { return "'none' is reserved (it labels items without a topic)" }
    let allowed = id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    return allowed ? nil : "topic id '\(id)' may only hold lower-case letters, digits and '-'"
  }
}
