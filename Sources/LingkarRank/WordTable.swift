import Foundation

/// Numbers distinct words given as UTF-8 bytes, without making a `String` for a word already seen:
/// an open-addressing hash table over a byte arena. Numbers are dense, in order of first sight.
struct WordTable {
  private var arena: [UInt8] = []
  private var starts: [Int] = []
  private var hashes: [UInt64] = []
  /// Per slot, the high half of the word's hash (a tag, so most probes that miss read nothing else)
  /// above the word number + 1 (0: empty); the capacity is a power of two, at most half full.
  private var slots: [UInt64] = []

  /// A table with nothing allocated yet.
  static let empty = WordTable()

  var count: Int { starts.count }

  /// The number of `word`, and whether it was added now.
  mutating func number(_ word: UnsafeBufferPointer<UInt8>) -> (number: Int, added: Bool) {
    if slots.isEmpty { slots = Array(repeating: 0, count: 1024) }
    let hash = Self.hash(word)
    let mask = slots.count - 1
    let tag = hash & 0xFFFF_FFFF_0000_0000
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      if entry & 0xFFFF_FFFF_0000_0000 == tag {
        let candidate = Int(entry & 0xFFFF_FFFF) - 1
        if matches(candidate, word) { return (candidate, false) }
      }
      slot = (slot + 1) & mask
    }
    let number = starts.count
    starts.append(arena.count)
    arena.append(contentsOf: word)
    hashes.append(hash)
    slots[slot] = tag | UInt64(number + 1)
    if starts.count * 2 > slots.count { grow() }
    return (number, true)
  }

  private func matches(_ candidate: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[candidate]
    let end = candidate + 1 < starts.count ? starts[candidate + 1] : arena.count
    guard end - start == word.count else { return false }
    return arena.withUnsafeBufferPointer { stored in
      guard let wordBase = word.baseAddress, let storedBase = stored.baseAddress else { return word.isEmpty }
      // Words are short: compared eight bytes at a time in place, without a call.
      let (stored, given) = (UnsafeRawPointer(storedBase + start), UnsafeRawPointer(wordBase))
      var offset = 0
      while offset + 8 <= word.count {
        if stored.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
          != given.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        {
          return false
        }
        offset += 8
      }
      while offset < word.count {
        if stored.load(fromByteOffset: offset, as: UInt8.self) != given.load(fromByteOffset: offset, as: UInt8.self) {
          return false
        }
        offset += 1
      }
      return true
    }
  }

  private mutating func grow() {
    var larger = [UInt64](repeating: 0, count: slots.count * 2)
    let mask = larger.count - 1
    for (number, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while larger[slot] != 0 { slot = (slot + 1) & mask }
      larger[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(number + 1)
    }
    slots = larger
  }

  /// The bytes read eight at a time, multiplied and mixed, so the low bits (the slot) are well spread.
  static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var value = UInt64(word.count) &* 0x9E37_79B9_7F4A_7C15
    guard let base = word.baseAddress else { return value }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= word.count {
      value = (value ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      value ^= value >> 32
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < word.count {
      tail |= UInt64(word[offset]) << shift
      shift += 8
      offset += 1
    }
    value = (value ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    value ^= value >> 33
    value = value &* 0xFF51_AFD7_ED55_8CCD
    return value ^ (value >> 33)
  }
}
