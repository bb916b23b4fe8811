/// The items' sources numbered in the order of their names (so sums over sources run in the same
/// order whatever the order of the items), worked out once per ranking for the duplicate finder and
/// the period ranking.
struct SourceNumbers {
  /// The distinct sources, sorted.
  let names: [String]
  /// Each item's source, as an index into `names`.
  let ofItem: [Int]

  init(_ sources: [String]) {
    // Items come feed by feed: a source equal to the previous item's is not hashed again (comparing
    // a string with itself costs nothing, hashing it does).
    var distinct = Set<String>()
    var previousSource: String?
    for source in sources where source != previousSource {
      distinct.insert(source)
      previousSource = source
    }
    names = distinct.sorted()
    let numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    var previous: (source: String, number: Int)?
    ofItem = sources.map { source in
      if let previous, previous.source == source { return previous.number }
      let number = numbers[source] ?? 0
      previous = (source, number)
      return number
    }
  }
}
