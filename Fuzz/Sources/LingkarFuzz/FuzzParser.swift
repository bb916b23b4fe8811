import LingkarParse

/// One fuzz input: parsed whole, then again through the streaming session in uneven pieces, so
/// chunk boundaries inside characters, references and CDATA get exercised too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? FeedParser.parse(bytes)
  let session = FeedParser.Session(baseURL: "https://guru.example/feed/", charset: size % 2 == 0 ? nil : "iso-8859-1")
  var offset = 0
  var piece = 1
  bytes.withUnsafeBytes { raw in
    while offset < raw.count {
      let end = min(raw.count, offset + piece)
      session.consume(UnsafeRawBufferPointer(rebasing: raw[offset..<end]))
      offset = end
      piece = piece * 3 % 17 + 1
    }
  }
  _ = try? session.finish()
  return 0
}

/// libFuzzer's driver; SwiftPM links executables with `main=<module>_main`, so forward that.
// swift-format-ignore: AlwaysUseLowerCamelCase
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("LingkarFuzz_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}
