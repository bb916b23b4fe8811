/// Sorts plain integers in place without the standard library's merge buffer and comparison closure
/// (equal integers are indistinguishable, so stability does not matter): long arrays are spread by
/// their top 16 bits first (see `radixSort`), and runs and short arrays are quicksorted (insertion
/// sort for the shortest).
enum IntegerSort {
  static func sort(_ values: inout [UInt64]) {
    let count = values.count
    guard count > 1 else { return }
    if count >= 4096 {
      radixSort(&values)
      return
    }
    values.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      quicksort(base, 0, count - 1)
    }
  }

  private static func quicksort(_ a: UnsafeMutablePointer<UInt64>, _ low: Int, _ high: Int) {
    var low = low
    var high = high
    while high - low > 16 {
      // Median of three as the pivot.
      let middle = low + (high - low) / 2
      if a[middle] < a[low] { exchange(a, middle, low) }
      if a[high] < a[low] { exchange(a, high, low) }
      if a[high] < a[middle] { exchange(a, high, middle) }
      let pivot = a[middle]
      var i = low
      var j = high
      while i <= j {
        while a[i] < pivot { i += 1 }
        while a[j] > pivot { j -= 1 }
        if i <= j {
          exchange(a, i, j)
          i += 1
          j -= 1
        }
      }
      // Recurse into the smaller side, loop on the larger (bounded stack).
      if j - low < high - i {
        if low < j { quicksort(a, low, j) }
        low = i
      } else {
        if i < high { quicksort(a, i, high) }
        high = j
      }
    }
    if high > low {
      for index in (low + 1)...high {
        let value = a[index]
        var position = index
        while position > low, a[position - 1] > value {
          a[position] = a[position - 1]
          position -= 1
        }
        a[position] = value
      }
    }
  }

  @inline(__always)
  private static func exchange(_ a: UnsafeMutablePointer<UInt64>, _ i: Int, _ j: Int) {
    let value = a[i]
    a[i] = a[j]
    a[j] = value
  }

  /// One pass on the top 16 bits spreads the values into 65,536 runs in order of those bits (a
  /// counting sort into a second buffer), then each run is sorted on its own: the values the
  /// duplicate finder sorts are hashes, so runs are a handful of values long; a long run (many
  /// values alike in their top bits) is quicksorted like any other.
  private static func radixSort(_ values: inout [UInt64]) {
    let count = values.count
    let scratch = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
    defer { scratch.deallocate() }
    let starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 65_537)
    defer { starts.deallocate() }
    starts.initialize(repeating: 0)
    values.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress, let target = scratch.baseAddress else { return }
      for index in 0..<count { starts[Int(base[index] >> 48) + 1] += 1 }
      for digit in 0..<65_536 { starts[digit + 1] += starts[digit] }
      // `starts[d]` is where run d begins; it is moved along as the run is filled and ends where
      // run d + 1 begins.
      for index in 0..<count {
        let value = base[index]
        let digit = Int(value >> 48)
        target[starts[digit]] = value
        starts[digit] += 1
      }
      base.update(from: target, count: count)
      var start = 0
      for digit in 0..<65_536 {
        let end = starts[digit]
        if end - start > 1 { quicksort(base, start, end - 1) }
        start = end
      }
    }
  }
}
