/// The English (Porter2) stemmer, written from Martin Porter's published description of the
/// "English" Snowball algorithm: special words, R1/R2 regions, steps 0, 1a, 1b, 1c, 2, 3, 4 and 5.
public struct EnglishStemmer: Sendable {
  public init() {}

  public func stem(_ input: String) -> String {
    guard input.utf8.count > 2, input.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x27 }) else {
      return input
    }
    if let special = Self.exceptions[input] { return special }
    var word = Array(input.utf8)
    if word.first == Self.apostrophe { word.removeFirst() }
    // Mark y as a consonant (Y) at the start and after a vowel.
    for index in word.indices where word[index] == Self.y {
      if index == 0 || Self.isVowel(word[index - 1]) { word[index] = Self.capitalY }
    }
    var stemmer = Work(word: word)
    stemmer.step0()
    if let special = Self.afterStep1a[String(decoding: stemmer.step1a(), as: UTF8.self)] { return special }
    stemmer.step1b()
    stemmer.step1c()
    stemmer.step2()
    stemmer.step3()
    stemmer.step4()
    stemmer.step5()
    let result = stemmer.word.map { $0 == Self.capitalY ? Self.y : $0 }
    return String(decoding: result, as: UTF8.self)
  }

  static let apostrophe = UInt8(ascii: "'")
  static let y = UInt8(ascii: "y")
  static let capitalY = UInt8(ascii: "Y")

  static func isVowel(_ letter: UInt8) -> Bool { "aeiouy".utf8.contains(letter) }

  static let exceptions: [String: String] = [
    "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
    "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl", "sky": "sky",
    "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
  ]
  static let afterStep1a: [String: String] = [
    "inning": "inning", "outing": "outing", "canning": "canning", "herring": "herring",
    "earring": "earring", "proceed": "proceed", "exceed": "exceed", "succeed": "succeed",
  ]

  /// The word being stemmed with its regions.
  struct Work {
    var word: [UInt8]
    let r1: Int
    let r2: Int

    init(word: [UInt8]) {
      self.word = word
      let special = ["gener", "commun", "arsen"].map { Array($0.utf8) }
      if let prefix = special.first(where: { word.starts(with: $0) }) {
        r1 = prefix.count
      } else {
        r1 = Work.region(after: 0, in: word)
      }
      r2 = Work.region(after: r1, in: word)
    }

    /// The position after the first non-vowel that follows a vowel, at or after `start`.
    static func region(after start: Int, in word: [UInt8]) -> Int {
      var index = start + 1
      while index < word.count {
        if !EnglishStemmer.isVowel(word[index]) && EnglishStemmer.isVowel(word[index - 1]) { return index + 1 }
        index += 1
      }
      return word.count
    }

    func ends(_ suffix: String) -> Bool {
      word.count >= suffix.utf8.count && word.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }
    func inR1(_ suffix: String) -> Bool { word.count - suffix.utf8.count >= r1 }
    func inR2(_ suffix: String) -> Bool { word.count - suffix.utf8.count >= r2 }
    mutating func replace(_ suffix: String, with replacement: String) {
      word.removeLast(suffix.utf8.count)
      word.append(contentsOf: replacement.utf8)
    }
    func containsVowel(before count: Int) -> Bool { word.prefix(count).contains(where: EnglishStemmer.isVowel) }

    /// A short syllable ends the word up to `end`: (C)VC with the last C not w, x or Y, or a vowel and
    /// a consonant at the start of the word.
    func endsWithShortSyllable(_ end: Int) -> Bool {
      guard end >= 2 else { return false }
      let last = word[end - 1]
      let middle = word[end - 2]
      if end == 2 { return EnglishStemmer.isVowel(middle) && !EnglishStemmer.isVowel(last) }
      let first = word[end - 3]
      return !EnglishStemmer.isVowel(first) && EnglishStemmer.isVowel(middle) && !EnglishStemmer.isVowel(last)
        && !"wxY".utf8.contains(last)
    }
    var isShort: Bool { r1 >= word.count && endsWithShortSyllable(word.count) }

    mutating func step0() {
      for suffix in ["'s'", "'s", "'"] where ends(suffix) {
        word.removeLast(suffix.utf8.count)
        return
      }
    }

    mutating func step1a() -> [UInt8] {
      if ends("sses") {
        replace("sses", with: "ss")
      } else if ends("ied") || ends("ies") {
        replace(String(decoding: word.suffix(3), as: UTF8.self), with: word.count > 4 ? "i" : "ie")
      } else if ends("us") || ends("ss") {
        // unchanged
      } else if ends("s"), containsVowel(before: word.count - 2) {
        word.removeLast()
      }
      return word
    }

    mutating func step1b() {
      for suffix in ["eedly", "eed"] where ends(suffix) {
        if inR1(suffix) { replace(suffix, with: "ee") }
        return
      }
      for suffix in ["ingly", "edly", "ing", "ed"] where ends(suffix) {
        let stemLength = word.count - suffix.utf8.count
        guard containsVowel(before: stemLength) else { return }
        word.removeLast(suffix.utf8.count)
        if ends("at") || ends("bl") || ends("iz") {
          word.append(UInt8(ascii: "e"))
        } else if let last = word.last, word.count >= 2, word[word.count - 2] == last,
          "bdfgmnprt".utf8.contains(last)
        {
          word.removeLast()
        } else if isShort {
          word.append(UInt8(ascii: "e"))
        }
        return
      }
    }

    mutating func step1c() {
      guard word.count > 2, let last = word.last, last == UInt8(ascii: "y") || last == EnglishStemmer.capitalY,
        !EnglishStemmer.isVowel(word[word.count - 2])
      else { return }
      word[word.count - 1] = UInt8(ascii: "i")
    }

    static let step2Table: [(String, String)] = [
      ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
      ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"),
      ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"), ("enci", "ence"),
      ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"), ("bli", "ble"),
      ("ogi", "og"), ("li", ""),
    ]

    mutating func step2() {
      for (suffix, replacement) in Self.step2Table where ends(suffix) {
        guard inR1(suffix) else { return }
        if suffix == "ogi" {
          if word.count >= 4, word[word.count - 4] == UInt8(ascii: "l") { replace(suffix, with: replacement) }
        } else if suffix == "li" {
          if word.count >= 3, "cdeghkmnrt".utf8.contains(word[word.count - 3]) { replace(suffix, with: replacement) }
        } else {
          replace(suffix, with: replacement)
        }
        return
      }
    }

    static let step3Table: [(String, String)] = [
      ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
      ("ative", ""), ("ical", "ic"), ("ness", ""), ("ful", ""),
    ]

    mutating func step3() {
      for (suffix, replacement) in Self.step3Table where ends(suffix) {
        guard inR1(suffix) else { return }
        if suffix == "ative" {
          if inR2(suffix) { replace(suffix, with: replacement) }
        } else {
          replace(suffix, with: replacement)
        }
        return
      }
    }

    static let step4Suffixes = [
      "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
      "ion", "al", "er", "ic",
    ]

    mutating func step4() {
      for suffix in Self.step4Suffixes where ends(suffix) {
        guard inR2(suffix) else { return }
        if suffix == "ion" {
          let before = word.count - 4
          if before >= 0, word[before] == UInt8(ascii: "s") || word[before] == UInt8(ascii: "t") { word.removeLast(3) }
        } else {
          word.removeLast(suffix.utf8.count)
        }
        return
      }
    }

    mutating func step5() {
      if ends("e") {
        if inR2("e") || (inR1("e") && !endsWithShortSyllable(word.count - 1)) { word.removeLast() }
      } else if ends("l"), inR2("l"), word.count >= 2, word[word.count - 2] == UInt8(ascii: "l") {
        word.removeLast()
      }
    }
  }
}
