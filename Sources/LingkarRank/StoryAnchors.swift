import Foundation

/// The names, numbers and dates of a text, as hashes: what two outlets reporting the same event
/// share even when every other word differs ("Menteri Abdul Mu'ti meninjau SDN 2 Cibodas …" and
/// "Mendikdasmen Abdul Mu'ti mendatangi SDN 2 Cibodas …"), and what a post retelling an article in
/// another language keeps (places, people, institutions, figures).
///
/// - A name is a capitalized word (or an acronym) that does not open a sentence, lower-cased, of
///   at least three letters; honorifics (`Pak`, `Bu`, `Mr`) are not names.
/// - A number is read with its thousands separators in either language's habit (`1.250`, `1,250`)
///   and a following `ribu` / `thousand`, `juta` / `million` (`100 ribu` = `100,000`); numbers
///   below 10 say too little and are dropped. `31%` and `31 persen` are both 31. Numbers spelled
///   out in either language are numbers too (`dua belas` = `twelve` = 12, `tiga ratus lima puluh` =
///   350, `forty` = 40), so a post that writes out what an article gives in figures still meets it.
/// - Month and weekday names, Indonesian or English, are one anchor each (`November` = `Nov`).
/// - The parts of one date (`Minggu (29/11)`, `Sunday, 29 November`) are marked as such (`dateBit`):
///   the duplicate finder counts them as one anchor, since posts of one week share dates.
///
/// Bytes are scanned once; no string is made per word.
enum StoryAnchors {
  /// The distinct anchors of a title and the first `limit` bytes of a text, sorted.
  ///
  /// Titles are written in title case, so only a title's acronyms and numbers count. A capitalized
  /// word that opens a sentence is returned apart (`openers`): it is a name only if the period
  /// uses it as one elsewhere (see `names(_:)`).
  static func of(title: String, text: String, limit: Int) -> (anchors: [UInt64], openers: [UInt64]) {
    var scanner = Scanner()
    var title = title
    scanner.inTitle = true
    title.withUTF8 { scanner.scan($0) }
    scanner.inTitle = false
    var text = text
    text.withUTF8 { scanner.scan(UnsafeBufferPointer(rebasing: $0[..<min($0.count, limit)])) }
    return (unique(scanner.anchors), unique(scanner.openers))
  }

  /// Every item's anchors, with the sentence openers that the period uses as names mid-sentence.
  static func names(_ scanned: [(anchors: [UInt64], openers: [UInt64])]) -> [[UInt64]] {
    var known = Set<UInt64>()
    for item in scanned { known.formUnion(item.anchors) }
    return scanned.map { item in
      let extra = item.openers.filter { known.contains($0) }
      return extra.isEmpty ? item.anchors : unique(item.anchors + extra)
    }
  }

  private static func unique(_ values: [UInt64]) -> [UInt64] {
    var sorted = values
    sorted.sort()
    var result: [UInt64] = []
    result.reserveCapacity(sorted.count)
    for value in sorted where result.last != value { result.append(value) }
    return result
  }

  /// Words that are capitalized but name no one in particular (titles, pronouns, greetings).
  static let notNames: Set<UInt64> = Set(
    [
      "pak", "bapak", "ibu", "bu", "bunda", "kak", "mas", "mbak", "mr", "mrs", "ms", "miss", "dr", "the", "and", "saya",
      "kami", "kita", "this", "that", "our", "my", "its", "selamat", "terima", "kasih", "yang", "dan", "di", "ke",
      "dari",
      "for", "with", "but", "not", "one", "two", "three", "year", "grade", "kelas", "tahun", "sekolah", "school",
      "guru",
      "teacher", "https", "http", "www", "com", "id",
      // Words of institutions' names that every institution has.
      "dinas", "pendidikan", "kota", "kabupaten", "provinsi", "pemerintah", "pemkab", "pemkot", "pemprov",
      "kementerian", "menteri", "negeri", "universitas", "yayasan", "program", "nasional", "daerah", "kepala",
      "wakil", "balai", "badan", "direktorat", "jenderal", "ministry", "minister", "government", "office", "city",
      "province", "provincial", "district", "regency", "national", "university", "foundation", "department",
      "council", "state", "academy", "college", "primary", "secondary", "high", "public", "indonesia", "indonesian",
      // Kinds of school (`SMPN 1 Pekalongan`: the place and the number say which one).
      "sdn", "smp", "smpn", "sma", "sman", "smk", "smkn", "slb", "paud", "mts", "mtsn", "man",
    ].map { hash($0.utf8) })

  /// Month and weekday names (both languages) to one number each.
  static let calendar: [UInt64: UInt64] = {
    var table: [UInt64: UInt64] = [:]
    let months = [
      ["januari", "january", "jan"], ["februari", "february", "feb"], ["maret", "march", "mar"], ["april", "apr"],
      ["mei", "may"], ["juni", "june", "jun"], ["juli", "july", "jul"], ["agustus", "august", "agu", "aug"],
      ["september", "sep", "sept"], ["oktober", "october", "okt", "oct"], ["november", "nov"],
      ["desember", "december", "des", "dec"],
    ]
    let days = [
      ["senin", "monday"], ["selasa", "tuesday"], ["rabu", "wednesday"], ["kamis", "thursday"], ["jumat", "friday"],
      ["sabtu", "saturday"], ["minggu", "ahad", "sunday"],
    ]
    for (index, names) in months.enumerated() {
      for name in names { table[hash(name.utf8)] = spread(0x6D00 + UInt64(index)) | dateBit | monthBit }
    }
    for (index, names) in days.enumerated() {
      for name in names { table[hash(name.utf8)] = spread(0x6400 + UInt64(index)) | dateBit }
    }
    return table
  }()

  /// How a spelled-out number word adds to the number being read (see `Scanner.spell`).
  enum NumberWord {
    /// A value that starts a number or fills the last group: `lima`, `twelve`, `sepuluh`, `seribu`.
    case value(Double)
    /// English tens, which a following unit adds to: `forty` (`forty two`).
    case tens(Double)
    /// `belas` (+10), `puluh` (×10) and `ratus` / `hundred` (×100) after a unit; `seratus` (100).
    case teen, times10, times100, hundred
  }

  static let numberWords: [UInt64: NumberWord] = {
    var table: [UInt64: NumberWord] = [:]
    let indonesian = [
      "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas",
    ]
    let english = [
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    for (index, word) in indonesian.enumerated() { table[hash(word.utf8)] = .value(Double(index + 1)) }
    for (index, word) in english.enumerated() { table[hash(word.utf8)] = .value(Double(index + 1)) }
    for (index, word) in ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].enumerated() {
      table[hash(word.utf8)] = .tens(Double(20 + 10 * index))
    }
    table[hash("seribu".utf8)] = .value(1000)
    table[hash("belas".utf8)] = .teen
    table[hash("puluh".utf8)] = .times10
    table[hash("ratus".utf8)] = .times100
    table[hash("hundred".utf8)] = .times100
    table[hash("seratus".utf8)] = .hundred
    return table
  }()

  /// Per first letter (`a` = 0), a bit for each length (up to 15) that a number word has: most
  /// words are passed over without hashing them.
  static let numberWordShapes: [UInt16] = {
    var shapes = [UInt16](repeating: 0, count: 26)
    let words = [
      "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas", "seribu",
      "belas", "puluh", "ratus", "seratus", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
      "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
      "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    ]
    for word in words {
      guard let first = word.utf8.first else { continue }
      shapes[Int(first - 0x61)] |= 1 << UInt16(word.utf8.count)
    }
    return shapes
  }()

  static let multipliers: [UInt64: Double] = {
    var table: [UInt64: Double] = [:]
    for (names, value) in [
      (["ribu", "rb", "thousand"], 1e3), (["juta", "jt", "million"], 1e6), (["miliar", "billion"], 1e9),
    ] {
      for name in names { table[hash(name.utf8)] = value }
    }
    return table
  }()

  /// FNV-1a over lower-cased bytes.
  static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      value = (value ^ UInt64(lower)) &* 0x100_0000_01b3
    }
    return value & ~markBits
  }

  /// A number's anchor (kept apart from the words' hashes).
  static func numberAnchor(_ value: Double) -> UInt64 {
    var hasher = UInt64(bitPattern: Int64(value.rounded())) &* 0x9E37_79B9_7F4A_7C15
    hasher ^= 0x4E55_4D00
    return hasher & ~markBits | figureBit
  }

  /// A small code spread over all the bits (the duplicate finder buckets anchors by their high
  /// bits), marked as a figure.
  static func spread(_ code: UInt64) -> UInt64 {
    ((code &+ 0x632B_E59B_D9B4_E019) &* 0x9E37_79B9_7F4A_7C15) & ~markBits | figureBit
  }

  /// Set in the anchors of numbers and dates, clear in those of names.
  static let figureBit: UInt64 = 1 << 63
  /// Set in the anchors that are part of a date: weekdays, months, a day's number beside a month
  /// or in `29/11`, the year and month of an address's `/2026/12/`.
  static let dateBit: UInt64 = 1 << 62
  /// Set in months' anchors (a number right before or after one is a day).
  static let monthBit: UInt64 = 1 << 61
  /// The bits that say what an anchor is; the others are its hash.
  static let markBits = figureBit | dateBit | monthBit

  struct Scanner {
    /// A number waiting for a possible multiplier word after it.
    var pending: Double?
    /// Whether `pending` is a day or month of a date.
    var pendingIsDate = false
    /// Whether the last word read was a month (`November 29`: the number is a day).
    var afterMonth = false
    var inTitle = false
    var anchors: [UInt64] = []
    var openers: [UInt64] = []
    /// A number spelled out in words being read: the hundreds read so far and the last group.
    var spelling = false
    var spelledBase = 0.0
    var spelledGroup = 0.0
    var groupIsTens = false

    /// Ends a spelled-out number: it becomes the pending number (a multiplier may follow).
    mutating func endSpelling() {
      guard spelling else { return }
      spelling = false
      pending = spelledBase + spelledGroup
    }

    /// Reads one number word: it continues the number being read, starts one, or ends it (`belas` with
    /// nothing before it).
    mutating func spell(_ word: NumberWord) {
      switch word {
      case .value(let value):
        if spelling, spelledGroup == 0 || (groupIsTens && value < 10) {
          spelledGroup += value
          groupIsTens = false
          return
        }
        start(group: value, tens: false)
      case .tens(let value):
        if spelling, spelledGroup == 0 {
          spelledGroup = value
          groupIsTens = true
          return
        }
        start(group: value, tens: true)
      case .teen, .times10, .times100:
        guard spelling, spelledGroup > 0, spelledGroup < 10 else {
          endSpelling()
          return
        }
        switch word {
        case .teen: spelledGroup += 10
        case .times10:
          spelledGroup *= 10
          groupIsTens = true
        default:
          spelledBase += spelledGroup * 100
          spelledGroup = 0
        }
      case .hundred:
        start(group: 0, tens: false)
        spelledBase = 100
      }
    }

    private mutating func start(group: Double, tens: Bool) {
      endSpelling()
      flushNumber()
      spelling = true
      spelledBase = 0
      spelledGroup = group
      groupIsTens = tens
    }

    mutating func flushNumber() {
      if let value = pending, value >= 10 {
        anchors.append(StoryAnchors.numberAnchor(value) | (pendingIsDate ? StoryAnchors.dateBit : 0))
      }
      pending = nil
      pendingIsDate = false
    }

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
      pending = nil
      pendingIsDate = false
      afterMonth = false
      spelling = false
      var position = 0
      var sentenceStart = true
      let count = bytes.count
      func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
      }
      func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
      while position < count {
        let byte = bytes[position]
        if isDigit(byte) {
          endSpelling()
          // `29/11`: the number after a day's slash is the month.
          let monthOfDate = position > 0 && bytes[position - 1] == UInt8(ascii: "/") && pendingIsDate
          let dayAfterMonth = afterMonth
          afterMonth = false
          flushNumber()
          // Digits, with thousands separators ('.' or ',' followed by exactly three digits).
          var value = 0.0
          while true {
            while position < count, isDigit(bytes[position]) {
              value = value * 10 + Double(bytes[position] - 0x30)
              position += 1
            }
            let mark = position
            guard mark + 3 < count, bytes[mark] == UInt8(ascii: ".") || bytes[mark] == UInt8(ascii: ","),
              isDigit(bytes[mark + 1]), isDigit(bytes[mark + 2]), isDigit(bytes[mark + 3]),
              mark + 4 >= count || !isDigit(bytes[mark + 4])
            else { break }
            position = mark + 1
          }
          pending = value
          let slashFollows =
            position + 1 < count && bytes[position] == UInt8(ascii: "/") && isDigit(bytes[position + 1])
          // A day or a year before a slash (`29/11`, an address's `/2026/12/`), a day after a month.
          let year = value >= 1900 && value <= 2100
          pendingIsDate = monthOfDate || (slashFollows && (value <= 31 || year)) || (value <= 31 && dayAfterMonth)
          if position < count, bytes[position] == UInt8(ascii: "%") { flushNumber() }
          sentenceStart = false
          continue
        }
        if isLetter(byte) {
          let start = position
          while position < count,
            isLetter(bytes[position]) || bytes[position] == UInt8(ascii: "'") || isDigit(bytes[position])
          {
            position += 1
          }
          var end = position
          // A possessive `'s` is not part of the name.
          if end - start > 3, bytes[end - 1] == UInt8(ascii: "s"), bytes[end - 2] == UInt8(ascii: "'") { end -= 2 }
          let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
          let capital = byte >= 0x41 && byte <= 0x5A
          let opens = sentenceStart
          sentenceStart = false
          let letter = Int(byte | 0x20) - 0x61
          if letter >= 0, letter < 26, end - start < 16,
            StoryAnchors.numberWordShapes[letter] & (1 << UInt16(end - start)) != 0,
            let number = StoryAnchors.numberWords[StoryAnchors.hash(word)]
          {
            spell(number)
            continue
          }
          endSpelling()
          afterMonth = false
          // Most words are lower-case and follow no number: nothing to look up.
          guard capital || pending != nil else { continue }
          let value = StoryAnchors.hash(word)
          let calendar = capital ? StoryAnchors.calendar[value] : nil
          if let number = pending {
            if let factor = StoryAnchors.multipliers[value] {
              pending = number * factor
              flushNumber()
              continue
            }
            // `29 November`: the number is a day.
            if let calendar, calendar & StoryAnchors.monthBit != 0, number <= 31 { pendingIsDate = true }
            flushNumber()
          }
          if let calendar {
            anchors.append(calendar)
            afterMonth = calendar & StoryAnchors.monthBit != 0
            continue
          }
          guard capital, word.count >= 3, !StoryAnchors.notNames.contains(value) else { continue }
          let acronym = word.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
          if acronym || (!opens && !inTitle) {
            anchors.append(value)
          } else if opens && !inTitle {
            openers.append(value)
          }
          continue
        }
        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
          || byte == UInt8(ascii: ":") || byte == 0x0A || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "@")
        {
          sentenceStart = true
        }
        if byte != 0x20 && byte != UInt8(ascii: ",") && byte != UInt8(ascii: "(") && byte != UInt8(ascii: ")")
          && byte != UInt8(ascii: "-") && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "\"") && !sentenceStart
        {
          endSpelling()
          flushNumber()
        }
        position += 1
      }
      endSpelling()
      flushNumber()
    }
  }
}
