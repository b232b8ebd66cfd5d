import Foundation

/// Sorting by UTF-8 bytes (code point order): deterministic, and far quicker than
/// `String`'s Unicode-aware `<` when exports sort hundreds of thousands of terms.
enum UTF8Order {
    /// The indices of `keys` in ascending byte order of their keys; equal keys keep their
    /// order. A key is one or more strings compared in turn (like a tuple).
    ///
    /// The keys are copied once into one byte arena, each part followed by a 0 byte (which
    /// no vocabulary text holds), so comparing is a `memcmp` with no reference counting.
    static func sortedIndices(_ count: Int, key: (Int) -> [String]) -> [Int] {
        var arena: [UInt8] = []
        var ranges: [(start: Int, end: Int)] = []
        ranges.reserveCapacity(count)
        for index in 0..<count {
            let start = arena.count
            for part in key(index) {
                arena.append(contentsOf: part.utf8)
                arena.append(0)
            }
            ranges.append((start, arena.count))
        }
        return arena.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress!
            return (0..<count).sorted { a, b in
                let (x, y) = (ranges[a], ranges[b])
                let common = min(x.end - x.start, y.end - y.start)
                let order = memcmp(base + x.start, base + y.start, common)
                if order != 0 { return order < 0 }
                return x.end - x.start != y.end - y.start ? x.end - x.start < y.end - y.start : a < b
            }
        }
    }
}
