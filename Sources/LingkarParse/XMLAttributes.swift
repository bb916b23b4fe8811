/// The attributes of one element, names normalized (`href`, `xml:base`, `rdf:about`). Elements
/// have few attributes, so a linear search beats hashing; the first of duplicate names wins.
struct XMLAttributes {
  private let pairs: [(name: String, value: String)]

  init(_ pairs: [(name: String, value: String)]) {
    self.pairs = pairs
  }

  var isEmpty: Bool { pairs.isEmpty }

  subscript(name: String) -> String? {
    for pair in pairs where pair.name == name { return pair.value }
    return nil
  }
}
