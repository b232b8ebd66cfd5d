import Synchronization

/// Finds keys that share enough three-character pieces with a query to possibly be within
/// a few edits of it: each edit spoils at most three trigrams, so a key `k` edits away
/// keeps at least `trigrams(query) − 3k` of the query's trigrams.
struct TrigramIndex: Sendable {
    /// Dense ids of trigrams: ASCII trigrams by a direct table, others by a dictionary.
    private let asciiIDs: [Int32]
    private let otherIDs: [UInt64: Int32]
    /// Posting lists, flat: the slots of trigram `id` are `slots[starts[id]..<starts[id + 1]]`.
    private let starts: [Int32]
    private let slots: [Int32]
    private let keyCount: Int

    /// Indexes every key: the first pass gives each trigram an id and counts it, the second
    /// fills one flat array from the ids kept from the first.
    init(_ keys: FlatScalars) {
        var asciiIDs = [Int32](repeating: -1, count: 1 << 21)
        var otherIDs: [UInt64: Int32] = [:]
        var counts: [Int32] = []
        var keyTrigrams: [Int32] = []
        var keyStarts: [Int32] = [0]
        for slot in 0..<keys.count {
            for trigram in Self.distinctTrigrams(keys.scalars(ofSlot: slot)) {
                let id: Int32
                if let ascii = Self.asciiIndex(trigram) {
                    if asciiIDs[ascii] < 0 {
                        asciiIDs[ascii] = Int32(counts.count)
                        counts.append(0)
                    }
                    id = asciiIDs[ascii]
                } else if let known = otherIDs[trigram] {
                    id = known
                } else {
                    id = Int32(counts.count)
                    otherIDs[trigram] = id
                    counts.append(0)
                }
                counts[Int(id)] += 1
                keyTrigrams.append(id)
            }
            keyStarts.append(Int32(keyTrigrams.count))
        }
        var starts = [Int32](repeating: 0, count: counts.count + 1)
        for id in counts.indices { starts[id + 1] = starts[id] + counts[id] }
        var fill = Array(starts.dropLast())
        var slots = [Int32](repeating: 0, count: keyTrigrams.count)
        for slot in 0..<keys.count {
            for position in Int(keyStarts[slot])..<Int(keyStarts[slot + 1]) {
                let id = Int(keyTrigrams[position])
                slots[Int(fill[id])] = Int32(slot)
                fill[id] += 1
            }
        }
        self.asciiIDs = asciiIDs
        self.otherIDs = otherIDs
        self.starts = starts
        self.slots = slots
        keyCount = keys.count
    }

    /// Key slots that may be within `maximumEdits` of `query`.
    func candidates(for query: [UInt32], maximumEdits: Int) -> [Int] {
        let queryTrigrams = Self.distinctTrigrams(query[...])
        let needed = max(1, queryTrigrams.count - 3 * maximumEdits)
        var counts = [UInt16](repeating: 0, count: keyCount)
        var result: [Int] = []
        for trigram in queryTrigrams {
            let id = Self.asciiIndex(trigram).map { asciiIDs[$0] } ?? otherIDs[trigram] ?? -1
            guard id >= 0 else { continue }
            for slot in slots[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])] {
                counts[Int(slot)] &+= 1
                if counts[Int(slot)] == needed { result.append(Int(slot)) }
            }
        }
        return result
    }

    /// The table index of a trigram of three ASCII scalars.
    private static func asciiIndex(_ trigram: UInt64) -> Int? {
        let first = trigram >> 42
        let second = (trigram >> 21) & 0x1FFFFF
        let third = trigram & 0x1FFFFF
        guard first < 128, second < 128, third < 128 else { return nil }
        return Int(first << 14 | second << 7 | third)
    }

    /// The distinct trigrams of a key padded with two boundary marks at each end, each
    /// packed in 63 bits.
    static func distinctTrigrams(_ key: ArraySlice<UInt32>) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(key.count + 2)
        var first: UInt32 = 0
        var second: UInt32 = 0
        for value in key + [0, 0] {
            result.append(UInt64(first) << 42 | UInt64(second) << 21 | UInt64(value))
            (first, second) = (second, value)
        }
        result.sort()
        var unique = 0
        for index in result.indices where index == 0 || result[index] != result[index - 1] {
            result[unique] = result[index]
            unique += 1
        }
        return Array(result.prefix(unique))
    }
}

/// The keys as scalars and their trigram index, built the first time a fuzzy search needs
/// them: exact and prefix lookups (and a compiled index read back) never pay for them.
final class FuzzyIndex: Sendable {
    private let keys: KeyTable
    private let built = Mutex<(FlatScalars, TrigramIndex)?>(nil)

    init(_ keys: KeyTable) { self.keys = keys }

    /// The scalars of every key and their trigram index, built on first use.
    var tables: (scalars: FlatScalars, trigrams: TrigramIndex) {
        built.withLock { built in
            if let built { return built }
            let scalars = FlatScalars(keys)
            let tables = (scalars, TrigramIndex(scalars))
            built = tables
            return tables
        }
    }
}
