internal import CQREncode

/// A QR code (built by libqrencode) as a grid of dark and light modules, and as SVG: the board's
/// way to take an article from the teachers'-room wall to a phone.
///
/// ```swift
/// let code = try QRCode(text: "https://guru.example/asesmen")
/// code.svg(size: 96)   // <svg ...><path d="M4 4h7v1h-7z..."/></svg>
/// ```
public struct QRCode: Sendable, Hashable {
  /// Modules per side, without the quiet zone.
  public let width: Int
  /// Row-major, `true` for dark.
  public let modules: [Bool]

  /// The error-correction level: `M` restores about 15 % of a damaged or dirty print, and keeps
  /// a typical article address at version 4-6 (33-41 modules), readable at 3 cm.
  public enum Level: Int32, Sendable {
    case low = 0, medium, quartile, high
  }

  public enum Failure: Error, Sendable, Hashable {
    /// The text is empty or longer than a QR code holds at this level (2,331 bytes at M).
    case doesNotFit(bytes: Int)
  }

  /// Encodes `text` (its UTF-8 bytes, 8-bit mode: an address is kept exactly as it is written).
  public init(text: String, level: Level = .medium) throws(Failure) {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty,
      let code = bytes.withUnsafeBufferPointer({
        CQREncode_encodeBytes($0.baseAddress, Int32(clamping: $0.count), level.rawValue)
      })
    else { throw .doesNotFit(bytes: bytes.count) }
    defer { CQREncode_free(code) }
    let width = Int(CQREncode_width(code))
    var modules = [Bool](repeating: false, count: width * width)
    for y in 0..<width {
      for x in 0..<width { modules[y * width + x] = CQREncode_isDark(code, Int32(x), Int32(y)) != 0 }
    }
    self.width = width
    self.modules = modules
  }

  public func isDark(x: Int, y: Int) -> Bool { modules[y * width + x] }

  /// Light modules kept around the symbol: the 4 the standard asks for, so a reader finds its edges.
  public static let quietZone = 4

  /// The `d` of one `<path>` drawing every dark module, in module units with the quiet zone added:
  /// each run of dark modules in a row is one rectangle (`M x y h n v 1 h -n z`), which keeps an
  /// article's code near 2 KB instead of one element per module.
  public var pathData: String {
    var out = ""
    out.reserveCapacity(width * width)
    for y in 0..<width {
      var x = 0
      while x < width {
        guard isDark(x: x, y: y) else {
          x += 1
          continue
        }
        let start = x
        while x < width, isDark(x: x, y: y) { x += 1 }
        out += "M\(start + Self.quietZone) \(y + Self.quietZone)h\(x - start)v1h-\(x - start)z"
      }
    }
    return out
  }

  /// The code as an inline SVG element, `size` CSS pixels a side (print scales it), black on white,
  /// crisp edges; `label` (plain text, escaped here) becomes its accessible name.
  public func svg(size: Int = 120, label: String? = nil) -> String {
    let side = width + 2 * Self.quietZone
    var attributes = "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(size)\" "
    attributes += "height=\"\(size)\" shape-rendering=\"crispEdges\""
    if let label { attributes += " role=\"img\" aria-label=\"\(Self.escape(label))\"" }
    return "<svg \(attributes)><rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"
      + "<path fill=\"#000\" d=\"\(pathData)\"/></svg>"
  }

  private static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
