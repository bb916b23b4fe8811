import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore

/// Who may do what (docs/web.md, "Roles").
enum Role: String, Codable, Sendable, CaseIterable {
  case teacher
  case facilitator
}

/// What a session remembers: the role and name given at login, the form token bound to it, and
/// when its expiry was last pushed back (so an active session lasts, without a write per page).
struct WebSession: Codable, Sendable, Equatable {
  var role: Role
  var name: String
  /// The hidden `csrf` field every changing form must carry.
  var csrf: String
  var refreshed: Date
  /// `?lang=` remembered for the following pages.
  var language: String?

  static func token() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<24).map { _ in UInt8.random(in: 0...255, using: &generator) }
    return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }
}

/// The request context: the session, and the client's address for the login limit.
struct WebContext: RequestContext, SessionRequestContext, RemoteAddressRequestContext {
  var coreContext: CoreRequestContextStorage
  let sessions: SessionContext<WebSession>
  let remoteAddress: SocketAddress?

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    sessions = .init()
    remoteAddress = source.channel.remoteAddress
  }

  var session: WebSession? { sessions.session }
}
