import Testing

@testable import LingkarRank

struct IntegerSortTests {
  @Test(
    "sorts like the standard library, short and long arrays, with repeats",
    arguments: [0, 1, 2, 17, 100, 4095, 4096, 50_000])
  func sortsLikeStandard(count: Int) {
    var state: UInt64 = 0x1234_5678
    var values: [UInt64] = (0..<count).map { index in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return index % 7 == 0 ? UInt64(index % 13) : state
    }
    let expected = values.sorted()
    IntegerSort.sort(&values)
    #expect(values == expected)
  }
}
