/// Numbers distinct words given as UTF-8 bytes, without making a `String` for a word already seen:
/// an open-addressing hash table over a byte arena. Numbers are dense, in order of first sight.
struct WordTable {
  private var arena: [UInt8] = []
  private var starts: [Int] = []
  private var hashes: [UInt64] = []
  /// Word number + 1 per slot (0: empty); the capacity is a power of two, at most half full.
  private var slots: [Int32] = Array(repeating: 0, count: 1024)

  var count: Int { starts.count }

  /// The number of `word`, and whether it was added now.
  mutating func number(_ word: UnsafeBufferPointer<UInt8>) -> (number: Int, added: Bool) {
    let hash = Self.hash(word)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = Int(slots[slot])
      if entry == 0 { break }
      let candidate = entry - 1
      if hashes[candidate] == hash, matches(candidate, word) { return (candidate, false) }
      slot = (slot + 1) & mask
    }
    let number = starts.count
    starts.append(arena.count)
    arena.append(contentsOf: word)
    hashes.append(hash)
    slots[slot] = Int32(number + 1)
    if starts.count * 2 > slots.count { grow() }
    return (number, true)
  }

  private func matches(_ candidate: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[candidate]
    let end = candidate + 1 < starts.count ? starts[candidate + 1] : arena.count
    guard end - start == word.count else { return false }
    for offset in 0..<word.count where arena[start + offset] != word[offset] { return false }
    return true
  }

  private mutating func grow() {
    var larger = [Int32](repeating: 0, count: slots.count * 2)
    let mask = larger.count - 1
    for (number, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while larger[slot] != 0 { slot = (slot + 1) & mask }
      larger[slot] = Int32(number + 1)
    }
    slots = larger
  }

  /// FNV-1a over the bytes, then a final mix so the low bits (the slot) are well spread.
  static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in word { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    value ^= value >> 33
    value = value &* 0xFF51_AFD7_ED55_8CCD
    return value ^ (value >> 33)
  }
}
