import Testing

@testable import LingkarModel

/// The byte-level fast path must give exactly what URLComponents gives.
@Suite("CanonicalLink")
struct CanonicalLinkTests {
  static let links = [
    "https://guru0000.blog.example/2025/10/27/post-99/", "https://contoh.example/materi/95131",
    "HTTP://Guru.Example/p/1?utm_source=rss&x=1#c", "http://a.example", "http://a.example?x=1",
    "http://a.example:80/x", "https://a.example:443/x", "http://a.example:8080/x", "http://a.example:0080/x",
    "http://a.example:/x", "http://a.example:99999/x", "http://a.example:65535", "https://a.example/x?utm_medium=a",
    "https://a.example/x?UTM_Campaign=b&keep=1&utm_x", "https://a.example/x?a&b=&c=d", "https://a.example/x?",
    "https://a.example/x?a&&b", "https://a.example/x?&a", "https://a.example/x?a=b=c", "https://a.example/x?=b",
    "https://a.example/x?a=b#", "https://a.example/x#frag?x", "https://a.example/x#a#b", "https://a.example/x#a b",
    "https://a.example/x y", " https://a.example/x ", "https://user@a.example/x", "https://a.example/%7Ex",
    "https://a.example/x?q=%20", "https://a.example/x?q=a+b", "https://xn--bcher-kva.example/",
    "https://bücher.example/", "https://-a.example/", "https://a-.example/", "https://a..example/",
    "https://a.example./", "https://.a.example/", "https://a_b.example/", "https://127.0.0.1:8765/f/1.xml",
    "https://[::1]/x", "mailto:a@b", "ftp://a.example/", "https:/a.example", "https:///x", "http://", "",
    "https://a.example/x;p?y=1", "https://a.example/x/./y/../z", "https://a.example//x", "https://a.example/x:y",
    "https://a.example/x?u=http://b/c", "https://a.example/~user/", "HTTPS://A.EXAMPLE/ABC?Q=UPPER#F",
    "https://guru.example/@guru0002/111000000000020000", "https://a.example/p!$'()*+,;=x:@/?q=1",
    "https://a.example/x@y?a@b=1", "https://a.example/x#@f", "https://a.example/x?utm_=1", "https://a.example/x?utm=1",
    "https://a.example/x?utm_a=1&utm_b=2",
  ]

  @Test("the fast path agrees with URLComponents", arguments: links)
  func agrees(link: String) {
    #expect(CanonicalLink.of(link) == CanonicalLink.throughComponents(link))
  }

  @Test("host lower-cased, https, default port, fragment and utm_* gone")
  func canonical() {
    #expect(CanonicalLink.of("http://A.example:80/x?utm_medium=a&k=1#f") == "https://a.example/x?k=1")
    #expect(CanonicalLink.of("http://a.example") == "https://a.example/")
  }
}
