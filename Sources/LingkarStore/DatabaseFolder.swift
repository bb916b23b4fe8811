import Foundation

/// The folder a database lives in, checked before the lock file or the database is opened: a
/// mistyped `--db /missing/dir/x.db` otherwise surfaces as "cannot create the lock file" or as
/// SQLite's "unable to open database file", neither of which names what to fix.
enum DatabaseFolder {
  /// Throws `.folderMissing` when the folder that would hold `path` does not exist. A path without
  /// a folder (the working directory), SQLite's `:memory:` and `file:` URIs are left to SQLite.
  static func require(_ path: String) throws(StoreError) {
    guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file:") else { return }
    let folder = (path as NSString).deletingLastPathComponent
    guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
    throw .folderMissing(folder: folder)
  }
}
