import Testing

@testable import LingkarRank

struct WordTableTests {
  /// Words of every length around the table's 8- and 16-byte boundaries and its 255-byte length cap,
  /// words that differ only after their 16th byte or only in length, and enough words to make the
  /// table grow several times.
  static let words: [String] = {
    var words: [String] = []
    for length in [1, 2, 7, 8, 9, 15, 16, 17, 23, 24, 25, 254, 255, 256, 300] {
      words.append(String(repeating: "a", count: length))
      words.append(String(repeating: "a", count: length - 1) + "b")
      words.append("b" + String(repeating: "a", count: length - 1))
    }
    for index in 0..<5_000 { words.append("pembelajaran\(index)") }
    for index in 0..<500 { words.append("kata\(index)") }
    return words
  }()

  @Test("numbers each distinct word once, densely, in order of first sight, however long it is")
  func numbersWordsOnce() {
    var table = WordTable()
    var numbers: [String: Int] = [:]
    for (round, list) in [Self.words, Self.words.reversed(), Self.words].enumerated() {
      for word in list {
        var bytes = word
        let (number, added) = bytes.withUTF8 { table.number($0) }
        if let known = numbers[word] {
          #expect(number == known && !added, "round \(round): \(word.prefix(20))… (\(word.utf8.count) bytes)")
        } else {
          #expect(added && number == numbers.count, "\(word.prefix(20))… (\(word.utf8.count) bytes)")
          numbers[word] = number
        }
      }
    }
    #expect(table.count == Set(Self.words).count)
  }
}
