/// The Unicode scalars of many keys in one buffer, for edit distances without an array
/// per key.
struct FlatScalars: Sendable {
    private let values: [UInt32]
    private let starts: [Int32]

    /// The scalars of every key of `table`, slot by slot.
    init(_ table: KeyTable) {
        var values: [UInt32] = []
        var starts: [Int32] = [0]
        starts.reserveCapacity(table.count + 1)
        for slot in 0..<table.count {
            table.withKey(inSlot: slot) { key in
                if key.allSatisfy({ $0 < 0x80 }) {
                    for byte in key { values.append(UInt32(byte)) }
                } else {
                    for scalar in String(decoding: key, as: UTF8.self).unicodeScalars { values.append(scalar.value) }
                }
            }
            starts.append(Int32(values.count))
        }
        self.values = values
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    /// The scalars of one key.
    func scalars(ofSlot slot: Int) -> ArraySlice<UInt32> {
        values[Int(starts[slot])..<Int(starts[slot + 1])]
    }

    /// The edit distance from `query` to the key in `slot`, or `nil` beyond `limit`.
    func distance(from query: [UInt32], toSlot slot: Int, limit: Int) -> Int? {
        EditDistance.distance(query, scalars(ofSlot: slot), limit: limit)
    }
}
