import Dispatch

/// Runs blocking work (libcurl, SQLite, bcrypt) on a global queue, off the server's event loops,
/// so that one slow fetch never holds up other teachers' pages.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    DispatchQueue.global().async {
      continuation.resume(with: Result { try work() })
    }
  }
}
