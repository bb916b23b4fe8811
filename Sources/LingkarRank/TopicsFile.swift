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
            problem: Message(
              "errors.topics.prompts",
              ["topicID": .text(topic.id), "id": .number(promptsID.count), "en": .number(promptsEN.count)])))
      }
      promptsID = []
      promptsEN = []
      if requireLabels {
        for key in ["id", "en"] where labelLines[key] == nil {
          errors.append(
            TopicsFileError(
              file: file, line: currentLine,
              problem: Message("errors.topics.no-label", ["topicID": .text(topic.id), "key": .text(key)])))
        }
      }
      if topic.keywords.isEmpty {
        errors.append(
          TopicsFileError(
            file: file, line: currentLine, problem: Message("errors.topics.no-keywords", ["topicID": .text(topic.id)])))
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
          errors.append(TopicsFileError(file: file, line: number, problem: Message("errors.topics.header")))
          continue
        }
        let id = String(line.dropFirst().dropLast().trimmingSpaces())
        if let problem = idProblem(id) {
          errors.append(TopicsFileError(file: file, line: number, problem: problem))
          continue
        }
        if let first = seen[id] {
          errors.append(
            TopicsFileError(
              file: file, line: number,
              problem: Message("errors.topics.id-twice", ["topicID": .text(id), "lineNumber": .number(first)])))
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
          TopicsFileError(file: file, line: number, problem: Message("errors.topics.no-colon")))
        continue
      }
      guard current != nil else {
        errors.append(
          TopicsFileError(file: file, line: number, problem: Message("errors.topics.outside")))
        continue
      }
      let key = line[..<colon].trimmingSpaces().lowercased()
      let value = String(line[line.index(after: colon)...].trimmingSpaces())
      switch key {
      case "id", "en":
        if let first = labelLines[key] {
          errors.append(
            TopicsFileError(
              file: file, line: number,
              problem: Message("errors.topics.label-twice", ["key": .text(key), "lineNumber": .number(first)])))
        } else if value.isEmpty {
          errors.append(
            TopicsFileError(
              file: file, line: number, problem: Message("errors.topics.label-empty", ["key": .text(key)])))
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
          case .failure(let problem): errors.append(TopicsFileError(file: file, line: number, problem: problem))
          }
        }
      case "q-id", "q-en":
        if value.isEmpty {
          errors.append(
            TopicsFileError(
              file: file, line: number, problem: Message("errors.topics.prompt-empty", ["key": .text(key)])))
        } else if key == "q-id" {
          promptsID.append(value)
        } else {
          promptsEN.append(value)
        }
      default:
        errors.append(
          TopicsFileError(
            file: file, line: number, problem: Message("errors.topics.unknown-key", ["key": .text(key)])))
      }
    }
    finish()
    if topics.isEmpty && errors.isEmpty {
      errors.append(TopicsFileError(file: file, line: max(1, lines.count), problem: Message("errors.topics.none")))
    }
    return (TopicsFile(topics: topics), errors)
  }

  enum KeywordResult { case success(TopicKeyword), failure(Message) }

  static func keyword(_ entry: Substring) -> KeywordResult {
    var text = entry
    var weight = 1
    if let equals = entry.lastIndex(of: "=") {
      let number = entry[entry.index(after: equals)...].trimmingSpaces()
      guard let value = Int(number), (1...5).contains(value) else {
        return .failure(Message("errors.topics.weight", ["keyword": .text(String(entry))]))
      }
      weight = value
      text = entry[..<equals].trimmingSpaces()
    }
    guard !text.isEmpty else { return .failure(Message("errors.topics.keyword-empty")) }
    guard !Tokenizer.tokens(String(text)).isEmpty else {
      return .failure(Message("errors.topics.keyword-letters", ["keyword": .text(String(text))]))
    }
    return .success(TopicKeyword(text: text.lowercased(), weight: weight))
  }

  static func idProblem(_ id: String) -> Message? {
    if id.isEmpty { return Message("errors.topics.id-empty") }
    if id == "none" { return Message("errors.topics.id-none") }
    let allowed = id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    return allowed ? nil : Message("errors.topics.id-letters", ["topicID": .text(id)])
  }
}
