/// The stories found so far, as a union–find forest over items: each story is a tree whose root is
/// its lowest-numbered item, and no story grows past `largestStory` items.
struct StoryForest {
  private var parent: [Int]
  private var sizes: [Int]
  let largestStory: Int

  init(count: Int, largestStory: Int) {
    parent = Array(0..<count)
    sizes = Array(repeating: 1, count: count)
    self.largestStory = largestStory
  }

  /// The root of an item's story (paths are halved on the way).
  mutating func find(_ item: Int) -> Int {
    var item = item
    while parent[item] != item {
      parent[item] = parent[parent[item]]
      item = parent[item]
    }
    return item
  }

  /// The number of items in the story of `root`.
  func size(_ root: Int) -> Int { sizes[root] }

  /// Joins two stories unless together they would pass `largestStory`: a real story is posted in
  /// a handful of places, while a chain of "similar" items that keeps growing is templated text,
  /// and one group of thousands would also make every digest list quadratic in size. True when the
  /// items are in one story afterwards.
  @discardableResult
  mutating func union(_ first: Int, _ second: Int) -> Bool {
    let (a, b) = (find(first), find(second))
    guard a != b else { return true }
    guard sizes[a] + sizes[b] <= largestStory else { return false }
    let (root, child) = (min(a, b), max(a, b))
    parent[child] = root
    sizes[root] += sizes[child]
    return true
  }
}
