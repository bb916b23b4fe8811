public import LingkarModel

/// Each topic's item count over the last periods as small inline SVG bar charts, one row per
/// topic: no JavaScript, a `<title>` on every chart and bar, and the counts in words for screen
/// readers and for print.
public struct VolumeChart: Sendable {
  public var barWidth = 12
  public var gap = 4
  public var height = 36

  public init() {}

  /// The chart as an HTML `<figure>`, or nil when the history has nothing to show.
  public func render(_ digest: Digest, strings: Strings, idPrefix: String = "chart") -> String? {
    let history = digest.volume
    let rows = history.series.filter { $0.counts.contains { $0 > 0 } }
    guard !rows.isEmpty, !history.periodEnds.isEmpty else { return nil }
    let periods = history.periodEnds.count
    let peak = max(1, rows.flatMap(\.counts).max() ?? 1)
    let width = periods * barWidth + (periods - 1) * gap
    var html = "<figure class=\"chart\">\n"
    html += "<figcaption>\(Escaping.html(strings.chartCaption(periods)))</figcaption>\n"
    html += "<ul class=\"chart-rows\">\n"
    for (rowIndex, row) in rows.enumerated() {
      let label = digest.topic(row.topicID)?.label.text(in: strings.language) ?? row.topicID
      let counts = Array(row.counts.suffix(periods))
      let padded = Array(repeating: 0, count: periods - counts.count) + counts
      let titleID = "\(idPrefix)-\(rowIndex + 1)"
      let summary = strings.chartSeries(label, padded.map(String.init).joined(separator: ", "))
      html += "<li><span class=\"chart-label\">\(Escaping.html(label))</span>"
      html += "<svg class=\"spark\" role=\"img\" aria-labelledby=\"\(titleID)\" width=\"\(width)\" height=\"\(height)\""
      html += " viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
      html += "<title id=\"\(titleID)\">\(Escaping.html(summary))</title>"
      html += "<line x1=\"0\" y1=\"\(height - 1)\" x2=\"\(width)\" y2=\"\(height - 1)\" class=\"base\"/>"
      for (index, count) in padded.enumerated() {
        let barHeight = count == 0 ? 0 : max(2, (count * (height - 2) + peak - 1) / peak)
        let x = index * (barWidth + gap)
        let end = strings.shortDate(history.periodEnds[index], utcOffset: digest.utcOffset)
        let current = index == periods - 1 ? " class=\"now\"" : ""
        html +=
          "<rect x=\"\(x)\" y=\"\(height - 1 - barHeight)\" width=\"\(barWidth)\" height=\"\(barHeight)\"\(current)>"
        html += "<title>\(Escaping.html(strings.chartPeriod(end, count)))</title></rect>"
      }
      html += "</svg><span class=\"chart-now\">\(padded.last ?? 0)</span></li>\n"
    }
    html += "</ul>\n</figure>\n"
    return html
  }
}
