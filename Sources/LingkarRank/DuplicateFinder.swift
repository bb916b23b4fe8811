/// Groups items that are the same story: the same canonical link, or texts whose content words
/// overlap enough (reposts, cross-posts on Mastodon and Bluesky, light rephrasings).
///
/// Candidates come from MinHash signatures banded for locality-sensitive hashing (any shared band
/// makes a pair a candidate), so a period of tens of thousands of items is not compared pairwise; each
/// candidate is then checked on the exact word sets. Groups are closed transitively (union–find), so
/// "is a duplicate of" is symmetric.
struct DuplicateFinder {
  /// Jaccard similarity of the content-word sets at or above which two texts are the same story.
  var jaccardThreshold = 0.5
  /// Or: the smaller text's words are this much contained in the larger one (a truncated cross-post)…
  var containmentThreshold = 0.8
  /// …when the smaller text has at least this many content words.
  var minimumWordsForContainment = 8
  /// Jaccard similarity enough when both items come from the same person (cross-posts get edited).
  var sameAuthorJaccardThreshold = 0.25
  var bands = 20
  var rowsPerBand = 2

  /// Group number for each item (items alone get their own).
  func groups(documents: [AnalyzedDocument], links: [String?], sources: [String] = []) -> [Int] {
    let handles = sources.map(SourceHandle.of)
    var parent = Array(documents.indices)
    func find(_ item: Int) -> Int {
      var item = item
      while parent[item] != item {
        parent[item] = parent[parent[item]]
        item = parent[item]
      }
      return item
    }
    func union(_ first: Int, _ second: Int) {
      let (a, b) = (find(first), find(second))
      if a != b { parent[max(a, b)] = min(a, b) }
    }

    var byLink: [String: Int] = [:]
    for (index, link) in links.enumerated() {
      guard let link, !link.isEmpty else { continue }
      if let first = byLink[link] { union(first, index) } else { byLink[link] = index }
    }

    var buckets: [UInt64: [Int]] = [:]
    for (index, document) in documents.enumerated() where document.shingles.count >= 3 {
      let signature = minHash(document.shingles)
      for band in 0..<bands {
        var hasher = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
        for row in 0..<rowsPerBand { hasher = mix(hasher ^ signature[band * rowsPerBand + row]) }
        buckets[hasher, default: []].append(index)
      }
    }
    var checked = Set<Int>()
    for key in buckets.keys.sorted() {
      guard let members = buckets[key], members.count > 1, members.count <= 64 else { continue }
      for i in 0..<members.count {
        for j in (i + 1)..<members.count {
          let (a, b) = (members[i], members[j])
          if find(a) == find(b) { continue }
          guard checked.insert(a * documents.count + b).inserted else { continue }
          let sameAuthor = a < handles.count && b < handles.count && handles[a] != nil && handles[a] == handles[b]
          if isSameStory(documents[a].shingles, documents[b].shingles, sameAuthor: sameAuthor) { union(a, b) }
        }
      }
    }
    return documents.indices.map(find)
  }

  func isSameStory(_ first: [UInt64], _ second: [UInt64], sameAuthor: Bool = false) -> Bool {
    let shared = Self.intersectionCount(first, second)
    let union = first.count + second.count - shared
    guard union > 0 else { return false }
    let jaccard = Double(shared) / Double(union)
    if jaccard >= jaccardThreshold || (sameAuthor && jaccard >= sameAuthorJaccardThreshold) { return true }
    let smaller = min(first.count, second.count)
    return smaller >= minimumWordsForContainment && Double(shared) / Double(smaller) >= containmentThreshold
  }

  static func intersectionCount(_ first: [UInt64], _ second: [UInt64]) -> Int {
    var (i, j, count) = (0, 0, 0)
    while i < first.count && j < second.count {
      if first[i] == second[j] {
        count += 1
        i += 1
        j += 1
      } else if first[i] < second[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return count
  }

  func minHash(_ shingles: [UInt64]) -> [UInt64] {
    var signature = [UInt64](repeating: .max, count: bands * rowsPerBand)
    for shingle in shingles {
      for index in signature.indices {
        let value = mix(shingle &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        if value < signature[index] { signature[index] = value }
      }
    }
    return signature
  }

  /// SplitMix64's finalizer: a fast, well-spread 64-bit mix.
  func mix(_ input: UInt64) -> UInt64 {
    var z = input &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
