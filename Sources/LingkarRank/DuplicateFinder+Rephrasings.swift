import Foundation

/// The two joins that find one story told in other words: through shared rare words (read as
/// glossary concepts) and through shared anchors (names, numbers, dates).
extension DuplicateFinder {
  /// Joins the items that tell one story in other words, the same language or not: two outlets
  /// reporting one visit, a post retelling an article. Each item's words are read as glossary
  /// concepts where the glossary lists them (`StoryGlossary`: `murid` and `pupils` are one, so are
  /// `koding` and `coding`), the others as themselves; two items that share at least
  /// `minimumSharedRareWords` rare ones (used by at most `rareWordLimit` items of the period) are
  /// one story when, each word weighed by its rarity (IDF), their sets overlap `rareWordJaccard`,
  /// and they were published within `anchorWindow`.
  ///
  /// The words that make a story (names of places, what happened) are rare in a period; those of
  /// templated text recur in many items and are never rare, so templates do not chain. Pairs are
  /// found through the short lists of items of each rare word: no pairwise comparison.
  /// `concepts`: each shingle number's glossary concept (-1: none).
  func joinByRareWords(
    _ concepts: [Int32], words: ShingleSets, anchors: [[UInt64]], dates: [Double?], stories: inout StoryForest
  ) {
    let count = words.documentCount
    guard count > 1 else { return }
    // How many items name each name (figures are not names).
    var nameFrequency: [UInt64: Int] = [:]
    for list in anchors {
      for anchor in list where anchor & StoryAnchors.figureBit == 0 { nameFrequency[anchor, default: 0] += 1 }
    }
    /// Whether two items name a name few items of the period name (the lists are sorted).
    func shareRareName(_ a: Int, _ b: Int) -> Bool {
      guard a < anchors.count, b < anchors.count else { return false }
      let (first, second) = (anchors[a], anchors[b])
      var (i, j) = (0, 0)
      while i < first.count, j < second.count {
        if first[i] < second[j] {
          i += 1
        } else if first[i] > second[j] {
          j += 1
        } else {
          if first[i] & StoryAnchors.figureBit == 0, nameFrequency[first[i], default: 0] <= anchorCommonLimit {
            return true
          }
          (i, j) = (i + 1, j + 1)
        }
      }
      return false
    }
    let shingleCount = concepts.count
    // Each item's terms: its shingles, each listed word read as its concept (numbered after the
    // shingles), without repeats; laid out flat.
    var termStart = [Int](repeating: 0, count: count + 1)
    var terms: [UInt32] = []
    var stamp = [Int32](repeating: -1, count: shingleCount + StoryGlossary.conceptCount)
    for item in 0..<count {
      for shingle in words.set(item) {
        let concept = Int(shingle) < shingleCount ? concepts[Int(shingle)] : -1
        let term = concept >= 0 ? shingleCount + Int(concept) : Int(shingle)
        guard stamp[term] != Int32(item) else { continue }
        stamp[term] = Int32(item)
        terms.append(UInt32(term))
      }
      termStart[item + 1] = terms.count
    }
    // How many items use each term, and the items of each rare one (flat, by term).
    var frequency = [Int32](repeating: 0, count: stamp.count)
    for term in terms { frequency[Int(term)] += 1 }
    var postingStart = [Int32](repeating: 0, count: stamp.count + 1)
    for term in 0..<stamp.count where frequency[term] >= 2 && frequency[term] <= rareWordLimit {
      postingStart[term + 1] = frequency[term]
    }
    for term in 0..<stamp.count { postingStart[term + 1] += postingStart[term] }
    guard postingStart[stamp.count] > 0 else { return }
    var postings = [Int32](repeating: 0, count: Int(postingStart[stamp.count]))
    var filled = postingStart
    for item in 0..<count {
      for term in terms[termStart[item]..<termStart[item + 1]] where filled[Int(term)] < postingStart[Int(term) + 1] {
        postings[Int(filled[Int(term)])] = Int32(item)
        filled[Int(term)] += 1
      }
    }
    let weight = frequency.map { $0 > 0 ? log(Double(count + 1) / Double($0)) : 0 }
    var total = [Double](repeating: 0, count: count)
    for item in 0..<count {
      for term in terms[termStart[item]..<termStart[item + 1]] { total[item] += weight[Int(term)] }
    }
    var shared = [Int32](repeating: 0, count: count)
    var touched: [Int] = []
    var marks = [Int32](repeating: -1, count: stamp.count)
    for a in 0..<count {
      for term in terms[termStart[a]..<termStart[a + 1]] {
        let term = Int(term)
        for position in Int(postingStart[term])..<Int(postingStart[term + 1]) {
          let b = Int(postings[position])
          guard b > a else { continue }
          if shared[b] == 0 { touched.append(b) }
          shared[b] += 1
        }
      }
      guard !touched.isEmpty else { continue }
      touched.sort()
      var marked = false
      for b in touched {
        defer { shared[b] = 0 }
        guard shared[b] >= minimumSharedRareWords else { continue }
        if a < dates.count, b < dates.count, let first = dates[a], let second = dates[b],
          abs(first - second) > anchorWindow
        {
          continue
        }
        if !marked {
          for term in terms[termStart[a]..<termStart[a + 1]] { marks[Int(term)] = Int32(a) }
          marked = true
        }
        var common = 0.0
        for term in terms[termStart[b]..<termStart[b + 1]] where marks[Int(term)] == Int32(a) {
          common += weight[Int(term)]
        }
        let union = total[a] + total[b] - common
        guard union > 0 else { continue }
        let similarity = common / union
        guard similarity >= rareWordJaccard || (similarity >= rareWordJaccardWithName && shareRareName(a, b)) else {
          continue
        }
        stories.union(a, b)
      }
      touched.removeAll(keepingCapacity: true)
    }
  }

  /// Joins the items that report the same event in other words: they share several rare names,
  /// numbers and dates, which make most of what the smaller one names (see `StoryAnchors`).
  /// `jaccard` gives two items' word-set similarity; `crossLanguage` tells whether two items are
  /// written in different languages (one Indonesian, one English).
  func joinByAnchors(
    _ anchors: [[UInt64]], dates: [Double?], stories: inout StoryForest,
    crossLanguage: (Int, Int) -> Bool = { _, _ in false }, jaccard: (Int, Int) -> Double
  ) {
    let count = anchors.count
    guard count > 1 else { return }
    // Each entry is an anchor in the high bits and the item in the low bits, sorted, so each run
    // of equal high bits is the items that share an anchor.
    let itemBits = max(1, (count - 1).bitWidth - (count - 1).leadingZeroBitCount)
    let itemMask: UInt64 = (1 << UInt64(itemBits)) - 1
    var entries: [UInt64] = []
    entries.reserveCapacity(anchors.reduce(0) { $0 + $1.count })
    for (item, list) in anchors.enumerated() {
      for anchor in list { entries.append((anchor & ~itemMask) | UInt64(item)) }
    }
    IntegerSort.sort(&entries)
    // Each item's anchor weight, and the runs (anchors shared by 2 to `anchorCommonLimit` items)
    // of each item, laid out flat: item i's runs are `runsOfItem[firstRun[i]..<firstRun[i + 1]]`.
    var total = [Double](repeating: 0, count: count)
    var runs: [(start: Int, end: Int, weight: Double)] = []
    var firstRun = [Int](repeating: 0, count: count + 1)
    var start = 0
    while start < entries.count {
      var end = start + 1
      while end < entries.count, entries[end] & ~itemMask == entries[start] & ~itemMask { end += 1 }
      defer { start = end }
      let frequency = end - start
      guard frequency <= anchorCommonLimit else { continue }
      let weight = log(Double(count + 1) / Double(frequency))
      for position in start..<end { total[Int(entries[position] & itemMask)] += weight }
      guard frequency > 1 else { continue }
      runs.append((start, end, weight))
      for position in start..<end { firstRun[Int(entries[position] & itemMask) + 1] += 1 }
    }
    guard !runs.isEmpty else { return }
    for item in 0..<count { firstRun[item + 1] += firstRun[item] }
    var runsOfItem = [Int](repeating: 0, count: firstRun[count])
    var filled = firstRun
    for (number, run) in runs.enumerated() {
      for position in run.start..<run.end {
        let item = Int(entries[position] & itemMask)
        runsOfItem[filled[item]] = number
        filled[item] += 1
      }
    }
    // For each item, what it shares with each later item (working arrays reset after each item).
    var sharedAnchors = [Int](repeating: 0, count: count)
    var sharedFigures = [Int](repeating: 0, count: count)
    var sharedDates = [Int](repeating: 0, count: count)
    var sharedWeight = [Double](repeating: 0, count: count)
    var touched: [Int] = []
    for a in 0..<count where firstRun[a] < firstRun[a + 1] {
      for number in runsOfItem[firstRun[a]..<firstRun[a + 1]] {
        let run = runs[number]
        let figure = entries[run.start] & StoryAnchors.figureBit != 0 ? 1 : 0
        let date = entries[run.start] & StoryAnchors.dateBit != 0 ? 1 : 0
        for position in run.start..<run.end {
          let b = Int(entries[position] & itemMask)
          guard b > a else { continue }
          if sharedAnchors[b] == 0 { touched.append(b) }
          sharedAnchors[b] += 1
          sharedFigures[b] += figure
          sharedDates[b] += date
          sharedWeight[b] += run.weight
        }
      }
      touched.sort()
      for b in touched {
        defer { (sharedAnchors[b], sharedFigures[b], sharedDates[b], sharedWeight[b]) = (0, 0, 0, 0) }
        // The parts of a date ("Minggu (29/11)": a weekday, a day, a month) are one anchor: posts of
        // one week share their dates.
        let counted = sharedAnchors[b] - max(0, sharedDates[b] - 1)
        guard counted >= minimumSharedAnchors - 1 else { continue }
        guard sharedWeight[b] >= anchorShare * min(total[a], total[b]) else { continue }
        // Names alone (one person's full name is several) are not enough: a number or a date must
        // be shared too, unless the words overlap as well (a rephrasing in the same language). One
        // anchor fewer will do with that overlap.
        // Across languages the words cannot overlap, but what a retelling keeps is its names and
        // figures: one anchor fewer will do there when a number or date is among them.
        let acrossLanguages = crossLanguage(a, b) && sharedWeight[b] >= crossLanguageShare * max(total[a], total[b])
        let enough = sharedFigures[b] > 0 && (counted >= minimumSharedAnchors || acrossLanguages)
        if !enough, jaccard(a, b) < anchorJaccard { continue }
        if a < dates.count, b < dates.count, let first = dates[a], let second = dates[b],
          abs(first - second) > anchorWindow
        {
          continue
        }
        stories.union(a, b)
      }
      touched.removeAll(keepingCapacity: true)
    }
  }
}
