import LingkarModel
import Testing

/// Stored hashes and item keys depend on these exact values: they must never change.
@Suite("StableHasher")
struct StableHasherTests {
  @Test("FNV-1a 64 with a 0xFF separator after each string, the same in every process")
  func knownValues() {
    #expect(StableHasher().hexDigest == "cbf29ce484222325")
    var empty = StableHasher()
    empty.combine("")
    #expect(empty.hexDigest == "af64724c8602eb6e")
    var hello = StableHasher()
    hello.combine("hello")
    #expect(hello.hexDigest == "a9bd73cca220c59c")
    var text = StableHasher()
    text.combine("guru ✏️ é")
    text.combine("")
    #expect(text.hexDigest == "45c88fafd148c335")
  }

  @Test("bytes hash like the same text without its separator")
  func bytes() {
    var fromBytes = StableHasher()
    fromBytes.combine(bytes: Array("hello".utf8) + [0xFF])
    var fromLazyBytes = StableHasher()
    fromLazyBytes.combine(bytes: "hello".utf8.lazy.map { $0 } + [0xFF])
    #expect(fromBytes.hexDigest == "a9bd73cca220c59c")
    #expect(fromLazyBytes.hexDigest == "a9bd73cca220c59c")
  }
}
