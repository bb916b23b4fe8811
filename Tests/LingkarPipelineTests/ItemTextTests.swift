import Testing

@testable import LingkarPipeline

struct ItemTextTests {
  @Test("content becomes plain text: inline tags join, blocks separate, scripts go, references are decoded")
  func plainContent() {
    let text = ItemText().plain(
      summary: nil,
      content: "<p>Kuri<b>kulum</b> Merdeka &amp; P5&hellip;</p><p>Caf&eacute; literasi</p><script>alert(1)</script>")
    #expect(text == "Kurikulum Merdeka & P5… Café literasi")
  }

  @Test("an address Mastodon splits over spans stays whole, so the ranker can follow it")
  func mastodonLink() {
    let content = """
      <p>Tulisan baru <a href="https://matematikaasyik.blogspot.com/2024/06/peluang.html"><span class="invisible">https://</span>\
      <span class="ellipsis">matematikaasyik.blogspot.com/2</span><span class="invisible">024/06/peluang.html</span></a></p>
      """
    #expect(
      ItemText().plain(summary: nil, content: content).hasSuffix(
        "https://matematikaasyik.blogspot.com/2024/06/peluang.html"))
  }

  @Test("content that starts with the summary replaces it; other content follows it; only the start is read")
  func summaryAndContent() {
    let text = ItemText()
    #expect(
      text.plain(summary: "Rubrik presentasi", content: "<p>Rubrik presentasi untuk kelas 9.</p>")
        == "Rubrik presentasi untuk kelas 9.")
    #expect(text.plain(summary: "Ringkasan.", content: "<div>Isi tulisan.</div>") == "Ringkasan.\nIsi tulisan.")
    let long = "<p>" + String(repeating: "kata ", count: 2_000) + "</p>"
    #expect(text.plain(summary: nil, content: long).count == ItemText.contentLimit)
  }
}
