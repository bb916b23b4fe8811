/// A 64-bit FNV-1a hash that, unlike `Hasher`, gives the same value in every process,
/// so it can be stored and compared across runs.
public struct StableHasher: Sendable {
  private var state: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  public mutating func combine(_ text: String) {
    var text = text
    text.withUTF8 { add(contentsOf: $0) }  // contiguous (a bridged string is copied once)
    add(0xFF)  // separator: ("ab","c") and ("a","bc") differ
  }

  public mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
    let done: Void? = bytes.withContiguousStorageIfAvailable { add(contentsOf: $0) }
    if done == nil {
      for byte in bytes { add(byte) }
    }
  }

  /// The hot loop: over a buffer, with the state in a register.
  private mutating func add(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
    var hash = state
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    state = hash
  }

  private mutating func add(_ byte: UInt8) {
    state ^= UInt64(byte)
    state = state &* 0x0000_0100_0000_01B3
  }

  public var value: UInt64 { state }

  public var hexDigest: String {
    let hex = String(state, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
