/// Sorts plain integers in place without the standard library's merge buffer and comparison closure
/// (equal integers are indistinguishable, so stability does not matter): LSD radix sort by bytes for
/// long arrays, quicksort with insertion sort for short ones.
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

  private static func radixSort(_ values: inout [UInt64]) {
    let count = values.count
    var scratch = [UInt64](repeating: 0, count: count)
    values.withUnsafeMutableBufferPointer { first in
      scratch.withUnsafeMutableBufferPointer { second in
        var source = first.baseAddress!
        var target = second.baseAddress!
        var counts = [Int](repeating: 0, count: 256)
        for pass in 0..<8 {
          let shift = UInt64(pass * 8)
          for digit in 0..<256 { counts[digit] = 0 }
          for index in 0..<count { counts[Int((source[index] >> shift) & 0xFF)] += 1 }
          // A byte that is the same in every value moves nothing.
          if counts[Int((source[0] >> shift) & 0xFF)] == count { continue }
          var total = 0
          for digit in 0..<256 {
            let here = counts[digit]
            counts[digit] = total
            total += here
          }
          for index in 0..<count {
            let value = source[index]
            let digit = Int((value >> shift) & 0xFF)
            target[counts[digit]] = value
            counts[digit] += 1
          }
          swap(&source, &target)
        }
        if source != first.baseAddress! {
          first.baseAddress!.update(from: source, count: count)
        }
      }
    }
  }
}
