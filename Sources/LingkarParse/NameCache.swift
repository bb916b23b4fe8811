/// Remembers what was derived from a name libxml2 handed over. libxml2 interns names, prefixes
/// and namespace URIs in its dictionary for the whole parse, so the three pointers identify a
/// name; an open-addressing table on them avoids hashing strings for every element.
struct NameCache<Value> {
  private struct Slot {
    var local: UnsafeRawPointer?
    var prefix: UnsafeRawPointer?
    var uri: UnsafeRawPointer?
    var value: Value
  }

  private var slots: [Slot?] = Array(repeating: nil, count: 64)
  private var count = 0

  private func index(_ local: UnsafeRawPointer?, _ prefix: UnsafeRawPointer?, _ uri: UnsafeRawPointer?) -> Int {
    let mixed =
      UInt(bitPattern: local) &* 0x9E37_79B9_7F4A_7C15 ^ UInt(bitPattern: prefix) &* 31
      ^ UInt(bitPattern: uri) &* 131
    return Int(truncatingIfNeeded: mixed >> 7) & (slots.count - 1)
  }

  func value(_ local: UnsafeRawPointer?, _ prefix: UnsafeRawPointer?, _ uri: UnsafeRawPointer?) -> Value? {
    var position = index(local, prefix, uri)
    while let slot = slots[position] {
      if slot.local == local && slot.prefix == prefix && slot.uri == uri { return slot.value }
      position = (position + 1) & (slots.count - 1)
    }
    return nil
  }

  mutating func insert(
    _ value: Value, _ local: UnsafeRawPointer?, _ prefix: UnsafeRawPointer?, _ uri: UnsafeRawPointer?
  ) {
    if (count + 1) * 2 > slots.count { grow() }
    var position = index(local, prefix, uri)
    while let slot = slots[position] {
      if slot.local == local && slot.prefix == prefix && slot.uri == uri { break }
      position = (position + 1) & (slots.count - 1)
    }
    if slots[position] == nil { count += 1 }
    slots[position] = Slot(local: local, prefix: prefix, uri: uri, value: value)
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: nil, count: old.count * 2)
    count = 0
    for case let slot? in old { insert(slot.value, slot.local, slot.prefix, slot.uri) }
  }
}
