import Foundation
public import LingkarModel

/// The bundled sample feeds (`demo/feeds/`), read offline.
public enum SampleFeeds {
  /// What one sample feed gave.
  public struct Report: Sendable {
    public var file: String
    public var document: FeedDocument?
    public var problem: String?
  }

  /// The folder with the samples: `demo/feeds` under the working directory, else next to the
  /// package the executable was built in, else where the package installs them.
  public static func locate(from executablePath: String) -> String? {
    var candidates = [FileManager.default.currentDirectoryPath + "/demo/feeds"]
    var url = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<5 {
      candidates.append(url.appendingPathComponent("demo/feeds").path)
      // Installed: /usr/bin/lingkar reads /usr/share/lingkar/demo/feeds (the Debian package's place).
      candidates.append(url.appendingPathComponent("share/lingkar/demo/feeds").path)
      url.deleteLastPathComponent()
    }
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
  }

  /// Parses every sample, in file-name order.
  public static func read(directory: String) -> [Report] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { name in
      let path = directory + "/" + name
      do {
        return Report(file: name, document: try FeedFile.parse(path: path), problem: nil)
      } catch {
        return Report(file: name, document: nil, problem: (error as? FeedFile.Failure)?.message ?? "\(error)")
      }
    }
  }
}
