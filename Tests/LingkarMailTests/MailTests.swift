import Foundation
import LingkarModel
import LingkarTestSupport
import Testing

@testable import LingkarMail

@Suite("Mail: MIME and SMTP")
struct MailTests {
  static let text = """
    *Digest Lingkar*
    15–29 November 2026
    .this line starts with a dot
    .
    ..two dots
    A long line: \(String(repeating: "kata-kata panjang ", count: 12))end
    Tanda sama dengan = dan emoji 📚 tetap utuh.
    """
  static let html = """
    <!DOCTYPE html>
    <html lang="id"><head><meta charset="utf-8" /><title>Digest Lingkar</title></head>
    <body><p class="lead">\(String(repeating: "Asesmen formatif — umpan balik ", count: 8))</p>
    .a dot line in HTML
    </body></html>
    """

  static func message(to: [MailAddress]) -> MailMessage {
    MailMessage(
      from: MailAddress(name: "Lingkar · SMP Négeri 3", address: "lingkar@contoh.sch.id"), to: to,
      subject: "Digest Lingkar, 15–29 November 2026 · Asesmen & Literasi — ringkasan dua mingguan untuk para guru",
      text: text, html: html, date: Date(timeIntervalSince1970: 1_796_000_000), utcOffset: 7 * 3600)
  }

  static func settings(_ url: String, tls: MailSettings.TLS = .try) -> MailSettings {
    MailSettings(
      url: url, from: MailAddress(address: "lingkar@contoh.sch.id"), to: [MailAddress(address: "guru@contoh.sch.id")],
      tls: tls, timeoutSeconds: 20)
  }

  @Test("delivers one multipart/alternative message to a local SMTP sink, both parts and every header intact")
  func delivers() throws {
    let sink = try SMTPSink()
    defer { sink.stop() }
    let to = [
      MailAddress(name: "Bu Sari Wulandarí", address: "sari@contoh.sch.id"),
      MailAddress(name: "Guru \"SMPN 3\"", address: "guru@contoh.sch.id"),
    ]
    try SMTPSender(settings: Self.settings(sink.url)).send(Self.message(to: to))
    let got = try sink.message(1)
    #expect(got["rcpt_tos"] as? [String] == ["sari@contoh.sch.id", "guru@contoh.sch.id"])
    #expect(got["mail_from"] as? String == "lingkar@contoh.sch.id")
    #expect(got["ehlo"] as? String == "contoh.sch.id")
    #expect(got["subject"] as? String == Self.message(to: to).subject)
    #expect(got["from_name"] as? String == "Lingkar · SMP Négeri 3")
    let names = (got["to"] as? [[String: String]])?.map { $0["name"] ?? "" }
    #expect(names == ["Bu Sari Wulandarí", "Guru \"SMPN 3\""])
    #expect(got["content_type"] as? String == "multipart/alternative")
    #expect(got["date"] as? Bool == true)
    #expect((got["message_id"] as? String)?.hasSuffix("@contoh.sch.id>") == true)
    #expect(got["mime_version"] as? String == "1.0")
    let parts = got["parts"] as? [[String: Any]] ?? []
    #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"])
    #expect(parts.map { $0["charset"] as? String } == ["utf-8", "utf-8"])
    // The bodies decode back to exactly what was sent (in MIME's canonical CRLF lines), dot lines included.
    func body(_ part: [String: Any]?) -> String? {
      (part?["body"] as? String)?.replacingOccurrences(of: "\r\n", with: "\n")
    }
    #expect(body(parts.first) == Self.text + "\n")
    #expect(body(parts.last) == Self.html + "\n")
    // On the wire: 7-bit, CRLF only, no line longer than 78 characters.
    #expect(got["ascii_only"] as? Bool == true)
    #expect(got["bare_lf"] as? Int == 0)
    #expect((got["longest_line"] as? Int ?? 999) <= 78)
  }

  @Test("a line of a single dot does not end the message early: libcurl dot-stuffs it")
  func dotStuffing() throws {
    let sink = try SMTPSink()
    defer { sink.stop() }
    try SMTPSender(settings: Self.settings(sink.url)).send(Self.message(to: [MailAddress(address: "a@contoh.sch.id")]))
    let raw = try sink.raw(1)
    #expect(raw.contains("\r\n.\r\n..two dots\r\n"))
    #expect(raw.contains("\r\n.this line starts with a dot\r\n"))
    #expect(raw.hasSuffix("--\r\n"))
  }

  @Test("a refused connection is reported in plain words, with curl's detail")
  func refused() throws {
    let port = try Self.closedPort()
    #expect {
      try SMTPSender(settings: Self.settings("smtp://127.0.0.1:\(port)")).send(
        Self.message(to: [MailAddress(address: "a@b.c")]))
    } throws: { error in
      guard case .smtp(let code, let message, _) = error as? MailError else { return false }
      return code == 7 && message.text(in: .en).hasPrefix("could not connect to the mail server 127.0.0.1:\(port)")
    }
  }

  @Test("with tls: required, a server without STARTTLS gets nothing")
  func requiredTLS() throws {
    let sink = try SMTPSink()
    defer { sink.stop() }
    #expect {
      try SMTPSender(settings: Self.settings(sink.url, tls: .required)).send(
        Self.message(to: [MailAddress(address: "a@b.c")]))
    } throws: { error in
      (error as? MailError)?.message.text(in: .en).contains("offers no STARTTLS") == true
    }
    #expect(!FileManager.default.fileExists(atPath: sink.directory + "/1.eml"))
  }

  @Test("quoted-printable keeps lines within 76 characters and never splits an escape")
  func quotedPrintable() {
    let encoded = MIMEWriter.quotedPrintable(String(repeating: "é=", count: 60) + "\nend \n")
    let lines = encoded.components(separatedBy: "\r\n")
    #expect(lines.allSatisfy { $0.utf8.count <= 76 })
    #expect(lines.allSatisfy { !$0.dropLast().hasSuffix("=") || $0.hasSuffix("=") })
    #expect(encoded.contains("end=20\r\n"))
    #expect(!encoded.contains("\n") || encoded.replacingOccurrences(of: "\r\n", with: "").contains("\n") == false)
  }

  @Test("the EHLO domain comes from the sender when the URL has no path")
  func ehloDomain() {
    #expect(
      SMTPSender.url("smtp://mail.example:587", domain: "contoh.sch.id") == "smtp://mail.example:587/contoh.sch.id")
    #expect(
      SMTPSender.url("smtp://mail.example:587/", domain: "contoh.sch.id") == "smtp://mail.example:587/contoh.sch.id")
    #expect(SMTPSender.url("smtps://mail.example/host.example", domain: "x") == "smtps://mail.example/host.example")
  }

  /// A port nothing listens on: bound to find it free, then closed.
  static func closedPort() throws -> Int {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}

@Suite("Mail: the password never goes out in clear")
struct MailCredentialTests {
  static func settings(_ url: String, tls: MailSettings.TLS) -> MailSettings {
    MailSettings(
      url: url, from: MailAddress(address: "lingkar@contoh.sch.id"), to: [MailAddress(address: "guru@contoh.sch.id")],
      tls: tls, timeoutSeconds: 20)
  }

  static let message = MailMessage(
    from: MailAddress(address: "lingkar@contoh.sch.id"), to: [MailAddress(address: "guru@contoh.sch.id")],
    subject: "Digest", text: "Halo", html: "<p>Halo</p>", date: Date(timeIntervalSince1970: 1_796_000_000), utcOffset: 0
  )

  @Test(
    "with a password and tls: try, a server that offers no STARTTLS or refuses it with 454 gets no AUTH and no message",
    arguments: [["--auth"], ["--auth", "--starttls-refused"]])
  func noClearTextPassword(options: [String]) throws {
    let sink = try SMTPSink(options: options)
    defer { sink.stop() }
    let sender = SMTPSender(settings: Self.settings(sink.url, tls: .try), user: "lingkar", password: "rahasia")
    #expect(sender.tlsRequired)
    #expect {
      try sender.send(Self.message)
    } throws: { error in
      let text = (error as? MailError)?.message.text(in: .en) ?? ""
      return text.contains("offers no STARTTLS") && text.contains("never sends the mail password in clear text")
    }
    #expect(sink.authAttempts.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: sink.directory + "/1.eml"))
  }

  @Test("without a password, tls: try still delivers over a server without STARTTLS (the sink itself is no lie)")
  func tryWithoutPassword() throws {
    let sink = try SMTPSink(options: ["--auth"])
    defer { sink.stop() }
    try SMTPSender(settings: Self.settings(sink.url, tls: .try)).send(Self.message)
    #expect(try sink.message(1)["subject"] as? String == "Digest")
    #expect(sink.authAttempts.isEmpty)
  }
}
