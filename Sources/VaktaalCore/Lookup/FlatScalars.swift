/// The Unicode scalars of many keys in one buffer, for edit distances without an array
/// per key.
struct FlatScalars: Sendable {
    private let values: [UInt32]
    private let starts: [Int32]

    init(_ keys: [String]) {
        var values: [UInt32] = []
        var starts: [Int32] = [0]
        starts.reserveCapacity(keys.count + 1)
        for key in keys {
            if key.utf8.allSatisfy({ $0 < 0x80 }) {
                for byte in key.utf8 { values.append(UInt32(byte)) }
            } else {
                for scalar in key.unicodeScalars { values.append(scalar.value) }
            }
            starts.append(Int32(values.count))
        }
        self.values = values
        self.starts = starts
    }

    /// How many keys there are.
    var count: Int { starts.count - 1 }

    /// The length of one key in scalars.
    func length(ofSlot slot: Int) -> Int { Int(starts[slot + 1] - starts[slot]) }

    /// The scalars of one key.
    func scalars(ofSlot slot: Int) -> ArraySlice<UInt32> {
        values[Int(starts[slot])..<Int(starts[slot + 1])]
    }

    /// Whether the key in slot `a` sorts before the key in slot `b` (by scalar values,
    /// which is the order of their UTF-8 bytes).
    func precedes(_ a: Int, _ b: Int) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            var i = Int(starts[a])
            var j = Int(starts[b])
            let endA = Int(starts[a + 1])
            let endB = Int(starts[b + 1])
            while i < endA, j < endB {
                if buffer[i] != buffer[j] { return buffer[i] < buffer[j] }
                i += 1
                j += 1
            }
            return endA - i < endB - j
        }
    }

    /// Whether the key in `slot` starts with `prefix`.
    func key(inSlot slot: Int, startsWith prefix: [UInt32]) -> Bool {
        scalars(ofSlot: slot).starts(with: prefix)
    }

    /// Whether the key in `slot` sorts before `other`.
    func key(inSlot slot: Int, precedes other: [UInt32]) -> Bool {
        scalars(ofSlot: slot).lexicographicallyPrecedes(other)
    }

    /// The edit distance from `query` to the key in `slot`, or `nil` beyond `limit`.
    func distance(from query: [UInt32], toSlot slot: Int, limit: Int) -> Int? {
        EditDistance.distance(query, scalars(ofSlot: slot), limit: limit)
    }
}
