public import Foundation

#if canImport(Glibc)
  public import Glibc
#endif

/// Reads the files a person names (the feeds file, `lingkar.yaml`, `topics.txt`) without ever
/// blocking: a FIFO, a device or a folder given by mistake would otherwise wait for a writer for
/// ever (with the run lock held) or fail in a way that says nothing. The path is opened with
/// `O_NONBLOCK` (so opening a FIFO does not wait) and judged through the descriptor (`fstat`), so
/// the file judged is the file read.
public enum RegularFile {
  /// Why a file was not read.
  public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path names something that is not a regular file; `what` says what it is (`kind`).
    case notRegular(path: String, what: String)
    /// The file could not be opened or read; `reason` is the system's (English) words, for developers.
    case unreadable(path: String, reason: String)

    /// What is wrong, for people.
    public var message: Message {
      switch self {
      case .notRegular(let path, let what):
        Message("errors.file.not-regular", ["path": .text(path), "kind": .message(RegularFile.kindMessage(what))])
      case .unreadable(let path, _): Message("errors.file.unreadable", ["path": .text(path)])
      }
    }

    public var description: String { message.description }
  }

  /// A `kind` in words: "a folder", "a pipe (FIFO)", ...
  public static func kindMessage(_ kind: String) -> Message {
    ["folder", "pipe", "socket"].contains(kind)
      ? Message("errors.file.kind.\(kind)") : Message("errors.file.kind.device")
  }

  /// The bytes of the regular file at `path`; nil when nothing is there.
  public static func read(_ path: String) throws(Problem) -> Data? {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      if errno == ENOENT { return nil }
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    if let what = kind(info.st_mode) { throw .notRegular(path: path, what: what) }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count == 0 { break }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      data.append(contentsOf: buffer[0..<count])
    }
    return data
  }

  /// Nil for a regular file; otherwise what the path names: `folder`, `pipe`, `socket` or `device`
  /// (`kindMessage` says it in words).
  public static func kind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFDIR: "folder"
    case S_IFIFO: "pipe"
    case S_IFSOCK: "socket"
    default: "device"
    }
  }
}
