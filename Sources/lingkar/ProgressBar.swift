import Foundation
import LingkarModel

/// A one-line progress bar on stderr (feeds done / total), only when stderr is a terminal.
/// Problems printed while it shows clear the line first, so the two never mix.
final class ProgressBar {
  private let enabled: Bool
  private var shown = false
  private var lastDrawn = -1

  init(enabled: Bool) { self.enabled = enabled }

  func update(done: Int, total: Int) {
    guard enabled, total > 0 else { return }
    let width = 30
    let filled = done * width / total
    guard filled != lastDrawn || done == total else { return }
    lastDrawn = filled
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    Output.control("\r[\(bar)] " + Words.text("cli.progress", ["done": .number(done), "total": .number(total)]))
    shown = true
  }

  func print(_ line: String) {
    if shown { Output.control("\r\u{1B}[K") }
    Output.error(line + "\n")
    if shown { lastDrawn = -1 }
  }

  func finish() {
    if shown { Output.control("\r\u{1B}[K") }
    shown = false
  }
}
