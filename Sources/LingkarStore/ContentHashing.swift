import LingkarModel

/// Something strings can be fed into for a content digest: the current and the legacy hasher.
protocol ContentHashing {
  mutating func combine(_ text: String)
}

extension ContentHasher: ContentHashing {}
extension StableHasher: ContentHashing {}
