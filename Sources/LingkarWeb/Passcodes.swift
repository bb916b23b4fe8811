public import Foundation
import HummingbirdBcrypt
public import LingkarModel
import LingkarPipeline

/// The roles' passcodes: bcrypt hashes in the database, never the passcode itself.
public enum Passcodes {
  /// The role names `lingkar passcode set` takes.
  public static let roles = Role.allCases.map(\.rawValue)

  /// Hashes `passcode` and stores it for `role` in the database at `databasePath`.
  public static func set(role: String, passcode: String, databasePath: String, cost: UInt8 = 12)
    throws(LingkarFailure)
  {
    guard Role(rawValue: role) != nil else {
      throw LingkarFailure(Message("web.passcode.role", ["role": .text(role)]), kind: .badUsage)
    }
    guard passcode.count >= 6 else {
      throw LingkarFailure(Message("web.passcode.short"), kind: .badUsage)
    }
    let hash = Bcrypt.hash(passcode, cost: cost)
    try WebStore(path: databasePath).setPasscodeHash(role: role, hash: hash)
  }

  /// The role whose passcode `passcode` is, if any (a facilitator's passcode is tried first).
  static func role(of passcode: String, hashes: [String: String]) -> Role? {
    for role in [Role.facilitator, .teacher] {
      if let hash = hashes[role.rawValue], Bcrypt.verify(passcode, hash: hash) { return role }
    }
    return nil
  }
}
