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
  /// Stories remembered per bucket, and checks per item per bucket: huge buckets of near-identical
  /// items collapse into one story after a few checks, so the work per item stays bounded.
  var storiesPerBucket = 8
  var checksPerMember = 4
  /// Two items' words are compared only when their signatures agree in at least this share of the
  /// least Jaccard similarity that could make them the same story (the expected agreement is the
  /// similarity itself; with 64 slots, 0.7 of it loses about 1 % of true pairs at the threshold and
  /// fewer above it).
  var signatureMargin = 0.7
  /// Slots in a signature: the first `bands × rowsPerBand` make the buckets, all of them estimate
  /// the similarity.
  var signatureWidth = 64
  /// The most items one story may gather (see `union` in `groups`).
  var largestStory = 16

  /// Group number for each item (items alone get their own).
  func groups(documents: [AnalyzedDocument], links: [String?], sources: [String] = []) -> [Int] {
    guard !documents.isEmpty else { return [] }
    // The person behind each source, numbered (-1: not known).
    var handleNumbers: [String: Int] = [:]
    // Sources repeat (many items per feed): each distinct source is read once.
    var handleOfSource: [String: Int] = [:]
    let handles = sources.map { source -> Int in
      if let known = handleOfSource[source] { return known }
      var number = -1
      if let handle = SourceHandle.of(source) {
        if let known = handleNumbers[handle] {
          number = known
        } else {
          number = handleNumbers.count
          handleNumbers[handle] = number
        }
      }
      handleOfSource[source] = number
      return number
    }
    var parent = Array(documents.indices)
    var size = [Int](repeating: 1, count: documents.count)
    func find(_ item: Int) -> Int {
      var item = item
      while parent[item] != item {
        parent[item] = parent[parent[item]]
        item = parent[item]
      }
      return item
    }
    /// Joins two stories unless together they would pass `largestStory`: a real story is posted in
    /// a handful of places, while a chain of "similar" items that keeps growing is templated text,
    /// and one group of thousands would also make every digest list quadratic in size.
    @discardableResult
    func union(_ first: Int, _ second: Int) -> Bool {
      let (a, b) = (find(first), find(second))
      guard a != b else { return true }
      guard size[a] + size[b] <= largestStory else { return false }
      let (root, child) = (min(a, b), max(a, b))
      parent[child] = root
      size[root] += size[child]
      return true
    }

    var byLink: [String: Int] = [:]
    for (index, link) in links.enumerated() {
      guard let link, !link.isEmpty else { continue }
      if let first = byLink[link] { union(first, index) } else { byLink[link] = index }
    }

    // Texts with the same word set are the same story outright; only the first is hashed.
    var byWords: [UInt64: [Int]] = [:]
    var candidates: [Int] = []
    for (index, document) in documents.enumerated() where document.shingles.count >= 3 {
      let fingerprint = document.shingles.reduce(UInt64(document.shingles.count)) { mix($0 ^ $1) }
      if let same = byWords[fingerprint]?.first(where: { documents[$0].shingles == document.shingles }) {
        union(same, index)
      } else {
        byWords[fingerprint, default: []].append(index)
        candidates.append(index)
      }
    }

    // Band keys of every candidate, sorted, so each bucket is a run of equal keys.
    // Each entry is a band key in the high bits and the item in the low `itemBits` bits, so sorting
    // plain integers groups the buckets (keys that differ only in their low bits share a bucket:
    // a rare extra candidate, checked like any other).
    let itemBits = max(1, (documents.count - 1).bitWidth - (documents.count - 1).leadingZeroBitCount)
    let itemMask: UInt64 = (1 << UInt64(itemBits)) - 1
    var entries: [UInt64] = []
    entries.reserveCapacity(candidates.count * bands)
    let width = max(signatureWidth, bands * rowsPerBand)
    var signature = [UInt64](repeating: .max, count: width)
    var signatures = [UInt64](repeating: 0, count: candidates.count * width)
    var signatureOf = [Int](repeating: -1, count: documents.count)
    for (ordinal, index) in candidates.enumerated() {
      minHash(documents[index].shingles, into: &signature)
      signatureOf[index] = ordinal * width
      for slot in 0..<width { signatures[ordinal * width + slot] = signature[slot] }
      for band in 0..<bands {
        var key = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
        for row in 0..<rowsPerBand { key = mix(key ^ signature[band * rowsPerBand + row]) }
        entries.append((key & ~itemMask) | UInt64(index))
      }
    }
    IntegerSort.sort(&entries)

    let sizes = documents.map(\.shingles.count)
    /// Whether two signatures agree in at least `wanted` slots (a branch-free count the compiler can
    /// vectorize).
    func agrees(_ first: Int, _ second: Int, atLeast wanted: Int) -> Bool {
      signatures.withUnsafeBufferPointer { slots in
        guard let base = slots.baseAddress else { return false }
        let (a, b) = (UnsafeRawPointer(base + first), UnsafeRawPointer(base + second))
        // Eight slots at a time, then the rest one by one.
        var agreeing = SIMD8<UInt64>(repeating: 0)
        let one = SIMD8<UInt64>(repeating: 1)
        var offset = 0
        while offset + 8 <= width {
          let x = a.loadUnaligned(fromByteOffset: offset * 8, as: SIMD8<UInt64>.self)
          let y = b.loadUnaligned(fromByteOffset: offset * 8, as: SIMD8<UInt64>.self)
          agreeing &+= one & SIMD8<UInt64>(truncatingIfNeeded: SIMD8<Int64>(repeating: 0).replacing(with: -1, where: x .== y))
          offset += 8
        }
        var total = Int(agreeing.wrappedSum())
        while offset < width {
          total &+= base[first + offset] == base[second + offset] ? 1 : 0
          offset += 1
        }
        return total >= wanted
      }
    }

    // In each bucket, a member is checked once against one member of each story already met there
    // (not against every member), at most `storiesPerBucket` stories and `checksPerMember` checks.
    var stories: [Int] = []
    var different = Set<Int>()
    var start = 0
    while start < entries.count {
      var end = start + 1
      while end < entries.count, entries[end] & ~itemMask == entries[start] & ~itemMask { end += 1 }
      defer { start = end }
      guard end - start > 1 else { continue }
      stories.removeAll(keepingCapacity: true)
      for position in start..<end {
        let item = Int(entries[position] & itemMask)
        var root = find(item)
        var checks = 0
        var joined = false
        for story in stories {
          let storyRoot = find(story)
          if storyRoot == root {
            joined = true
            continue
          }
          guard checks < checksPerMember else { break }
          checks += 1
          // Two stories too large to join stay apart whatever the texts say: nothing to compare.
          guard size[storyRoot] + size[root] <= largestStory else { continue }
          // The signatures agree in about the Jaccard share of their slots: far too few agreeing
          // slots rule a pair out without comparing the word sets.
          let sameAuthor = story < handles.count && item < handles.count && handles[story] >= 0
            && handles[story] == handles[item]
          let needed = leastJaccard(sizes[story], sizes[item], sameAuthor: sameAuthor)
          let wanted = Int((signatureMargin * needed * Double(width)).rounded(.up))
          guard agrees(signatureOf[story], signatureOf[item], atLeast: wanted) else { continue }
          // Pairs that share several buckets are compared once.
          let pair = min(story, item) * documents.count + max(story, item)
          if different.contains(pair) { continue }
          if isSameStory(documents[story].shingles, documents[item].shingles, sameAuthor: sameAuthor) {
            if union(story, item) {
              root = find(item)
              joined = true
            }
          } else {
            different.insert(pair)
          }
        }
        if !joined, stories.count < storiesPerBucket { stories.append(item) }
      }
    }
    return documents.indices.map(find)
  }

  /// The least Jaccard similarity of two word sets of these sizes that `isSameStory` can accept.
  func leastJaccard(_ first: Int, _ second: Int, sameAuthor: Bool) -> Double {
    var least = sameAuthor ? min(jaccardThreshold, sameAuthorJaccardThreshold) : jaccardThreshold
    let (smaller, larger) = (Double(min(first, second)), Double(max(first, second)))
    if Int(smaller) >= minimumWordsForContainment {
      let shared = containmentThreshold * smaller
      least = min(least, shared / (smaller + larger - shared))
    }
    return least
  }

  func isSameStory(_ first: [UInt64], _ second: [UInt64], sameAuthor: Bool = false) -> Bool {
    // The fewest shared words that could pass any of the tests below: the merge stops as soon as the
    // smaller set has missed too many words to reach it (most candidates fail within a few words).
    let (a, b) = (Double(first.count), Double(second.count))
    let jaccardNeeded = sameAuthor ? min(jaccardThreshold, sameAuthorJaccardThreshold) : jaccardThreshold
    var least = jaccardNeeded * (a + b) / (1 + jaccardNeeded)
    if min(first.count, second.count) >= minimumWordsForContainment {
      least = min(least, containmentThreshold * min(a, b))
    }
    guard let shared = Self.intersectionCount(first, second, atLeast: least - 1e-9) else { return false }
    let union = first.count + second.count - shared
    guard union > 0 else { return false }
    let jaccard = Double(shared) / Double(union)
    if jaccard >= jaccardThreshold || (sameAuthor && jaccard >= sameAuthorJaccardThreshold) { return true }
    let smaller = min(first.count, second.count)
    return smaller >= minimumWordsForContainment && Double(shared) / Double(smaller) >= containmentThreshold
  }

  /// The size of the intersection of two sorted sets, or nil as soon as it is sure to stay below `least`.
  static func intersectionCount(_ first: [UInt64], _ second: [UInt64], atLeast least: Double) -> Int? {
    let (small, large) = first.count <= second.count ? (first, second) : (second, first)
    return small.withUnsafeBufferPointer { small in
      large.withUnsafeBufferPointer { large in
        var (i, j, count, missed) = (0, 0, 0, 0)
        while i < small.count && j < large.count {
          if small[i] == large[j] {
            count += 1
            i += 1
            j += 1
          } else if small[i] < large[j] {
            missed += 1
            if Double(small.count - missed) < least { return nil }
            i += 1
          } else {
            j += 1
          }
        }
        return Double(count) < least ? nil : count
      }
    }
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
    var signature = [UInt64](repeating: .max, count: max(signatureWidth, bands * rowsPerBand))
    minHash(shingles, into: &signature)
    return signature
  }

  /// The MinHash signature by one-permutation hashing: each shingle is hashed once, falls into one
  /// slot by its high bits and keeps that slot's least low bits; an empty slot borrows the next filled
  /// slot's value (rotation densification, Shrivastava and Li 2014). Two signatures agree in about the
  /// Jaccard share of their slots.
  func minHash(_ shingles: [UInt64], into signature: inout [UInt64]) {
    let empty = UInt64.max
    signature.withUnsafeMutableBufferPointer { slots in
      let width = UInt64(slots.count)
      for index in slots.indices { slots[index] = empty }
      for shingle in shingles {
        let hash = mix(shingle)
        let slot = Int(((hash >> 32) &* width) >> 32)
        let value = hash & 0xFFFF_FFFF
        if value < slots[slot] { slots[slot] = value }
      }
      guard let filled = slots.firstIndex(where: { $0 != empty }) else { return }
      // Walk backwards from a filled slot, so each empty slot sees the next filled one.
      var next = slots[filled]
      var distance: UInt64 = 0
      for step in 1...slots.count {
        let index = (filled - step + slots.count) % slots.count
        if slots[index] == empty {
          distance += 1
          slots[index] = (next &+ distance &* 0x9E37_79B9_7F4A_7C15) | 0x1_0000_0000
        } else {
          next = slots[index]
          distance = 0
        }
      }
    }
  }

  /// SplitMix64's finalizer: a fast, well-spread 64-bit mix.
  func mix(_ input: UInt64) -> UInt64 {
    var z = input &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
