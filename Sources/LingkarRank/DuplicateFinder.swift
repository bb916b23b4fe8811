import Foundation

/// Groups items that are the same story: the same canonical link, a text that gives another item's
/// link, or texts whose content words overlap enough (reposts, cross-posts on Mastodon and Bluesky,
/// light rephrasings).
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
  /// Anchors (names, numbers, dates; `StoryAnchors`) shared by more than this many items of the
  /// period say nothing about one story (a school's own name, the year, a weekday).
  var anchorCommonLimit = 12
  /// Two items are one story when they share at least this many anchors…
  var minimumSharedAnchors = 3
  /// …which make at least this share of the smaller item's anchor weight (each anchor weighs its
  /// rarity in the period)…
  var anchorShare = 0.5
  /// With one anchor fewer than `minimumSharedAnchors`, or no number or date among them, the word
  /// sets must overlap this much.
  var anchorJaccard = 0.3
  /// Items in different languages sharing one anchor fewer (a number or date among them) are one
  /// story when the shared anchors make this share of the anchor weight of each of them (a short
  /// post naming "WhatsApp" and "forty" is not the retelling of a long article that names both
  /// among much else).
  var crossLanguageShare = 0.6
  /// …and were published within this many seconds of each other (when both dates are known).
  var anchorWindow: Double = 4 * 86_400
  /// Rephrasings told in other words (see `joinByRareWords`): words that at most this many items of
  /// the period use are rare…
  var rareWordLimit = 3
  /// …two items sharing at least this many rare words (or glossary concepts)…
  var minimumSharedRareWords = 3
  /// …are one story when their word sets, each word weighed by its rarity in the period (IDF),
  /// overlap this much (weighted Jaccard similarity)…
  var rareWordJaccard = 0.3
  /// …or this much when they also name one person, place or institution that few items of the
  /// period name (at most `anchorCommonLimit`).
  var rareWordJaccardWithName = 0.25

  /// Group number for each item (items alone get their own). `shingleHashes` gives a stable hash
  /// for each shingle number found in the documents.
  /// `anchors`: each item's `StoryAnchors` (empty: not used); `dates`: each item's publication time
  /// in seconds, when known.
  func groups(
    documents: [AnalyzedDocument], shingleHashes: [UInt64], links: [String?],
    sources: SourceNumbers = SourceNumbers([]),
    anchors: [[UInt64]] = [], dates: [Double?] = []
  ) -> [Int] {
    guard !documents.isEmpty else { return [] }
    // Keeps the documents' shingles alive for as long as `words` hands out pointers into them.
    let words = ShingleSets(documents)
    return withExtendedLifetime(words) {
      // Each shingle's hash mixed once here, not at every occurrence.
      groups(
        documents: documents, words: words, mixed: shingleHashes.map(mix), links: links, sources: sources,
        anchors: anchors, dates: dates,
        concepts: anchors.count == documents.count ? StoryGlossary.concepts(of: shingleHashes) : [])
    }
  }

  private func groups(
    documents: [AnalyzedDocument], words: ShingleSets, mixed: [UInt64], links: [String?], sources: SourceNumbers,
    anchors: [[UInt64]], dates: [Double?], concepts: [Int32]
  ) -> [Int] {
    // The person behind each item's source, numbered (-1: not known); each distinct source is read once.
    var handleNumbers: [String: Int] = [:]
    let handleOfSource = sources.names.map { name -> Int in
      guard let handle = SourceHandle.of(name) else { return -1 }
      let number = handleNumbers[handle] ?? handleNumbers.count
      handleNumbers[handle] = number
      return number
    }
    let handles = sources.ofItem.map { handleOfSource[$0] }
    var stories = StoryForest(count: documents.count, largestStory: largestStory)

    // Items with the same link are one story. Links are numbered by the word table (a hash over
    // their bytes, cheaper than hashing a `String`): the first item with each link, by number.
    var linkNumbers = WordTable()
    var firstWithLink: [Int] = []
    for (index, link) in links.enumerated() {
      guard var link, !link.isEmpty else { continue }
      let (number, added) = link.withUTF8 { linkNumbers.number($0) }
      if added { firstWithLink.append(index) } else { stories.union(firstWithLink[number], index) }
    }
    // An item whose text gives another item's link shares that item's story (a post that shares a
    // blog post).
    for (index, document) in documents.enumerated() {
      for var mention in document.mentions {
        if let number = mention.withUTF8({ linkNumbers.find($0) }) { stories.union(firstWithLink[number], index) }
      }
    }

    var overlap = Overlap(shingleCount: mixed.count)

    // Texts with the same word set are the same story outright; only the first is hashed.
    var byWords: [UInt64: [Int]] = [:]
    var candidates: [Int] = []
    for index in documents.indices where words.count(index) >= 3 {
      var fingerprint = UInt64(words.count(index))
      for shingle in words.set(index) { fingerprint &+= mixed[Int(shingle)] }
      let same = byWords[fingerprint]?.first { other in
        words.count(other) == words.count(index)
          && overlap.shared(words.set(other), words.set(index), atLeast: Double(words.count(index))) != nil
      }
      if let same {
        stories.union(same, index)
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
    // Signatures keep the low 8 bits of each slot (b-bit MinHash, Li and König 2010): two different
    // slot values agree by chance once in 256 (a quarter of a slot in 64, against the tens that make
    // a candidate), and a signature fills one cache line. They only rule pairs out; the word sets
    // decide.
    var signatures = [UInt8](repeating: 0, count: candidates.count * width)
    var signatureOf = [Int](repeating: -1, count: documents.count)
    for (ordinal, index) in candidates.enumerated() {
      minHash(words.set(index), mixed: mixed, into: &signature)
      signatureOf[index] = ordinal * width
      for slot in 0..<width { signatures[ordinal * width + slot] = UInt8(truncatingIfNeeded: signature[slot]) }
      for band in 0..<bands {
        var key = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
        for row in 0..<rowsPerBand { key = mix(key ^ signature[band * rowsPerBand + row]) }
        entries.append((key & ~itemMask) | UInt64(index))
      }
    }
    IntegerSort.sort(&entries)

    /// Whether two signatures agree in at least `wanted` slots: eight slots at a time in a 64-bit
    /// word. A lane of `a ^ b` is zero where the slots agree; the top bit of each lane of
    /// `((x & low) + low) | x` is set exactly where it is not, and a multiplication sums those bits.
    func agrees(_ first: Int, _ second: Int, atLeast wanted: Double) -> Bool {
      signatures.withUnsafeBufferPointer { slots in
        guard let base = slots.baseAddress else { return false }
        let (a, b) = (UnsafeRawPointer(base + first), UnsafeRawPointer(base + second))
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var differing = 0
        var offset = 0
        while offset + 8 <= width {
          let x =
            a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            ^ b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
          let lanes = ((((x & low) &+ low) | x) >> 7) & 0x0101_0101_0101_0101
          differing &+= Int(truncatingIfNeeded: (lanes &* 0x0101_0101_0101_0101) >> 56)
          offset += 8
        }
        var agreeing = offset - differing
        while offset < width {
          agreeing &+= base[first + offset] == base[second + offset] ? 1 : 0
          offset += 1
        }
        return Double(agreeing) >= wanted
      }
    }

    // In each bucket, a member is checked once against one member of each story already met there
    // (not against every member), at most `storiesPerBucket` stories and `checksPerMember` checks.
    // The items that stand for the stories met so far in a bucket.
    var met: [Int] = []
    var different = Set<Int>()
    var start = 0
    while start < entries.count {
      var end = start + 1
      while end < entries.count, entries[end] & ~itemMask == entries[start] & ~itemMask { end += 1 }
      defer { start = end }
      guard end - start > 1 else { continue }
      met.removeAll(keepingCapacity: true)
      for position in start..<end {
        let item = Int(entries[position] & itemMask)
        var root = stories.find(item)
        var checks = 0
        var joined = false
        for story in met {
          let storyRoot = stories.find(story)
          if storyRoot == root {
            joined = true
            continue
          }
          guard checks < checksPerMember else { break }
          checks += 1
          // Two stories too large to join stay apart whatever the texts say: nothing to compare.
          guard stories.size(storyRoot) + stories.size(root) <= largestStory else { continue }
          // The signatures agree in about the Jaccard share of their slots: far too few agreeing
          // slots rule a pair out without comparing the word sets.
          let sameAuthor =
            story < handles.count && item < handles.count && handles[story] >= 0
            && handles[story] == handles[item]
          let needed = leastJaccard(words.count(story), words.count(item), sameAuthor: sameAuthor)
          guard agrees(signatureOf[story], signatureOf[item], atLeast: signatureMargin * needed * Double(width)) else {
            continue
          }
          // Pairs that share several buckets are compared once.
          let pair = min(story, item) * documents.count + max(story, item)
          if different.contains(pair) { continue }
          if isSameStory(words.set(story), words.set(item), sameAuthor: sameAuthor, overlap: &overlap) {
            if stories.union(story, item) {
              root = stories.find(item)
              joined = true
            }
          } else {
            different.insert(pair)
          }
        }
        if !joined, met.count < storiesPerBucket { met.append(item) }
      }
    }
    if anchors.count == documents.count {
      joinByRareWords(concepts, words: words, anchors: anchors, dates: dates, stories: &stories)
      let crossLanguage = { (a: Int, b: Int) -> Bool in
        let (first, second) = (documents[a].language, documents[b].language)
        return (first == .id && second == .en) || (first == .en && second == .id)
      }
      joinByAnchors(anchors, dates: dates, stories: &stories, crossLanguage: crossLanguage) { a, b in
        let (first, second) = (words.set(a), words.set(b))
        guard !first.isEmpty, !second.isEmpty else { return 0 }
        let shared = overlap.shared(first, second, atLeast: 0) ?? 0
        return Double(shared) / Double(first.count + second.count - shared)
      }
    }
    return documents.indices.map { stories.find($0) }
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

  /// Whether two sets of shingle numbers (each without repeats) are the same story.
  func isSameStory(
    _ first: UnsafeBufferPointer<UInt32>, _ second: UnsafeBufferPointer<UInt32>, sameAuthor: Bool,
    overlap: inout Overlap
  ) -> Bool {
    // The fewest shared words that could pass any of the tests below: counting stops as soon as the
    // smaller set has missed too many words to reach it (most candidates fail within a few words).
    let (a, b) = (Double(first.count), Double(second.count))
    let jaccardNeeded = sameAuthor ? min(jaccardThreshold, sameAuthorJaccardThreshold) : jaccardThreshold
    var least = jaccardNeeded * (a + b) / (1 + jaccardNeeded)
    if min(first.count, second.count) >= minimumWordsForContainment {
      least = min(least, containmentThreshold * min(a, b))
    }
    guard let shared = overlap.shared(first, second, atLeast: least - 1e-9) else { return false }
    let union = first.count + second.count - shared
    guard union > 0 else { return false }
    let jaccard = Double(shared) / Double(union)
    if jaccard >= jaccardThreshold || (sameAuthor && jaccard >= sameAuthorJaccardThreshold) { return true }
    let smaller = min(first.count, second.count)
    return smaller >= minimumWordsForContainment && Double(shared) / Double(smaller) >= containmentThreshold
  }

  /// The MinHash signature by one-permutation hashing (`mixed`: each shingle number's mixed hash):
  /// each shingle falls into one slot by its high bits and keeps that slot's least low bits; an empty
  /// slot borrows the next filled slot's value (rotation densification, Shrivastava and Li 2014). Two
  /// signatures agree in about the Jaccard share of their slots.
  func minHash(_ shingles: UnsafeBufferPointer<UInt32>, mixed: [UInt64], into signature: inout [UInt64]) {
    let empty = UInt64.max
    signature.withUnsafeMutableBufferPointer { slots in
      let width = UInt64(slots.count)
      for index in slots.indices { slots[index] = empty }
      for shingle in shingles {
        let hash = mixed[Int(shingle)]
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

  /// Every document's shingle numbers, laid out in one block of memory it owns.
  final class ShingleSets {
    private let values: UnsafeMutableBufferPointer<UInt32>
    private let starts: [Int]

    init(_ documents: [AnalyzedDocument]) {
      var starts = [0]
      starts.reserveCapacity(documents.count + 1)
      for document in documents { starts.append(starts[starts.count - 1] + document.shingles.count) }
      values = .allocate(capacity: max(1, starts[starts.count - 1]))
      for (index, document) in documents.enumerated() {
        _ = UnsafeMutableBufferPointer(rebasing: values[starts[index]..<starts[index + 1]]).initialize(
          from: document.shingles)
      }
      self.starts = starts
    }

    deinit { values.deallocate() }

    func count(_ document: Int) -> Int { starts[document + 1] - starts[document] }

    /// The number of documents.
    var documentCount: Int { starts.count - 1 }

    /// The document's shingles, valid while this object lives.
    func set(_ document: Int) -> UnsafeBufferPointer<UInt32> {
      UnsafeBufferPointer(rebasing: values[starts[document]..<starts[document + 1]])
    }
  }

  /// Counts the shingles two sets share by marking one set in a table indexed by shingle number (no
  /// sorting, no hashing).
  struct Overlap {
    private var marks: [UInt32]
    private var round: UInt32 = 0

    init(shingleCount: Int) { marks = Array(repeating: 0, count: shingleCount) }

    /// The number of shared shingles, or nil as soon as it is sure to stay below `least`.
    mutating func shared(
      _ first: UnsafeBufferPointer<UInt32>, _ second: UnsafeBufferPointer<UInt32>, atLeast least: Double
    ) -> Int? {
      let (small, large) = first.count <= second.count ? (first, second) : (second, first)
      if Double(small.count) < least { return nil }
      round &+= 1
      if round == 0 {
        for index in marks.indices { marks[index] = 0 }
        round = 1
      }
      let current = round
      return marks.withUnsafeMutableBufferPointer { marks in
        for shingle in large { marks[Int(shingle)] = current }
        var (count, missed) = (0, 0)
        for shingle in small {
          if marks[Int(shingle)] == current {
            count += 1
          } else {
            missed += 1
            if Double(small.count - missed) < least { return nil }
          }
        }
        return Double(count) < least ? nil : count
      }
    }
  }
}
