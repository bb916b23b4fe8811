import Foundation

/// Numbers distinct words given as UTF-8 bytes, without making a `String` for a word already seen:
/// an open-addressing hash table whose slots hold the word's first 16 bytes, so a word that short
/// (nearly all of them) is found with one read of one cache line. Longer words keep the rest of
/// their bytes in an arena. Numbers are dense, in order of first sight.
struct WordTable {
  /// The bytes after the 16th of each word, and where each word's part starts and how long it is.
  private var arena: [UInt8] = []
  private var restStart: [Int] = []
  private var restCount: [Int] = []
  private var hashes: [UInt64] = []
  /// Four words per slot: the tag (the high 24 bits of the word's hash, its length in the next 8
  /// bits, capped at 255) above the word number + 1 (0: an empty slot), its first eight bytes, the
  /// next eight (zero-padded), and nothing (so a slot fills half a cache line). The capacity is a
  /// power of two, at most half full.
  private var slots: [UInt64] = []
  private var capacity = 0

  /// A table with nothing allocated yet.
  static let empty = WordTable()

  var count: Int { hashes.count }

  /// The number of `word`, if it is in the table.
  func find(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
    guard capacity > 0 else { return nil }
    return probe(word).found
  }

  /// The number of `word`, and whether it was added now.
  mutating func number(_ word: UnsafeBufferPointer<UInt8>) -> (number: Int, added: Bool) {
    if capacity == 0 {
      capacity = 1024
      slots = Array(repeating: 0, count: 4 * capacity)
    }
    let (found, slot, hash, head) = probe(word)
    if let found { return (found, false) }
    let (first, second) = head
    let tag = Self.tag(hash, length: word.count)
    let number = hashes.count
    restStart.append(arena.count)
    restCount.append(max(0, word.count - 16))
    if word.count > 16 { arena.append(contentsOf: UnsafeBufferPointer(rebasing: word[16...])) }
    hashes.append(hash)
    slots[4 * slot] = tag | UInt64(number + 1)
    slots[4 * slot + 1] = first
    slots[4 * slot + 2] = second
    if hashes.count * 2 > capacity { grow() }
    return (number, true)
  }

  /// Where `word` is, or the empty slot where it would go, with its hash and first 16 bytes.
  private func probe(_ word: UnsafeBufferPointer<UInt8>) -> (
    found: Int?, slot: Int, hash: UInt64, head: (UInt64, UInt64)
  ) {
    let (first, second) = Self.head(word)
    let hash = Self.hash(word, first, second)
    let tag = Self.tag(hash, length: word.count)
    let mask = capacity - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    return slots.withUnsafeBufferPointer { slots in
      while true {
        let entry = slots[4 * slot]
        if entry == 0 { return (nil, slot, hash, (first, second)) }
        if entry & 0xFFFF_FFFF_0000_0000 == tag, slots[4 * slot + 1] == first, slots[4 * slot + 2] == second {
          let candidate = Int(entry & 0xFFFF_FFFF) - 1
          if word.count <= 16 || restMatches(candidate, word) { return (candidate, slot, hash, (first, second)) }
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// Whether the bytes of `word` after the 16th are those of word `candidate`.
  private func restMatches(_ candidate: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
    let (start, count) = (restStart[candidate], restCount[candidate])
    guard count == word.count - 16 else { return false }
    return arena[start..<(start + count)].elementsEqual(UnsafeBufferPointer(rebasing: word[16...]))
  }

  private mutating func grow() {
    let old = slots
    capacity *= 2
    slots = Array(repeating: 0, count: 4 * capacity)
    let mask = capacity - 1
    for index in stride(from: 0, to: old.count, by: 4) where old[index] != 0 {
      let number = Int(old[index] & 0xFFFF_FFFF) - 1
      var slot = Int(truncatingIfNeeded: hashes[number]) & mask
      while slots[4 * slot] != 0 { slot = (slot + 1) & mask }
      for offset in 0..<3 { slots[4 * slot + offset] = old[index + offset] }
    }
  }

  /// The word's first sixteen bytes as two words, zero-padded.
  static func head(_ word: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
    guard let base = word.baseAddress else { return (0, 0) }
    let raw = UnsafeRawPointer(base)
    if word.count >= 16 {
      return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }
    if word.count >= 8 { return (raw.loadUnaligned(as: UInt64.self), tail(word, from: 8)) }
    return (tail(word, from: 0), 0)
  }

  /// The bytes of `word` from `offset` to its end (fewer than eight), zero-padded.
  static func tail(_ word: UnsafeBufferPointer<UInt8>, from offset: Int) -> UInt64 {
    var tail: UInt64 = 0
    for index in offset..<word.count { tail |= UInt64(word[index]) << UInt64(8 * (index - offset)) }
    return tail
  }

  static func tag(_ hash: UInt64, length: Int) -> UInt64 {
    (hash & 0xFFFF_FF00_0000_0000) | (UInt64(min(length, 255)) << 32)
  }

  /// The word's bytes (its head already read) multiplied and mixed, so the low bits (the slot) are
  /// well spread.
  static func hash(_ word: UnsafeBufferPointer<UInt8>, _ first: UInt64, _ second: UInt64) -> UInt64 {
    var value = UInt64(word.count) &* 0x9E37_79B9_7F4A_7C15
    value = (value ^ first) &* 0xFF51_AFD7_ED55_8CCD
    value ^= value >> 32
    value = (value ^ second) &* 0xC4CE_B9FE_1A85_EC53
    value ^= value >> 29
    if word.count > 16, let base = word.baseAddress {
      let raw = UnsafeRawPointer(base)
      var offset = 16
      while offset + 8 <= word.count {
        value = (value ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 32
        offset += 8
      }
      value = (value ^ tail(word, from: offset)) &* 0xC4CE_B9FE_1A85_EC53
    }
    value ^= value >> 33
    value = value &* 0xFF51_AFD7_ED55_8CCD
    return value ^ (value >> 33)
  }
}
