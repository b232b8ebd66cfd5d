import Synchronization

/// Finds keys that share enough three-character pieces with a query to possibly be within
/// a few edits of it: each edit spoils at most three trigrams, so a key `k` edits away
/// keeps at least `trigrams(query) − 3k` of the query's trigrams.
///
/// Laid out as columns, so that a compiled index uses it where it lies: the distinct
/// trigrams sorted, and for each the key slots that have it, ascending, end to end.
struct TrigramIndex: Sendable {
    /// Every trigram of the keys, sorted, each packed in 63 bits.
    private let trigrams: Column<UInt64>
    /// The slots of `trigrams[i]` are `slots[starts[i]..<starts[i + 1]]`.
    private let starts: Column<Int32>
    private let slots: Column<Int32>
    /// The number of keys.
    private let keyCount: Int

    /// Indexes every key of `keys`: the first pass gives each trigram a dense id and counts
    /// it, the second fills the posting lists in slot order, then the lists are put in
    /// trigram order.
    init(_ keys: KeyTable) {
        var asciiIDs = [Int32](repeating: -1, count: 1 << 21)
        var otherIDs: [UInt64: Int32] = [:]
        var codes: [UInt64] = []
        var counts: [Int32] = []
        var keyTrigrams: [Int32] = []
        var keyStarts: [Int32] = [0]
        for slot in 0..<keys.count {
            for trigram in Self.distinctTrigrams(keys.scalars(ofSlot: slot)[...]) {
                let id: Int32
                if let ascii = Self.asciiIndex(trigram), asciiIDs[ascii] >= 0 {
                    id = asciiIDs[ascii]
                } else if let known = otherIDs[trigram] {
                    id = known
                } else {
                    id = Int32(codes.count)
                    if let ascii = Self.asciiIndex(trigram) { asciiIDs[ascii] = id } else { otherIDs[trigram] = id }
                    codes.append(trigram)
                    counts.append(0)
                }
                counts[Int(id)] += 1
                keyTrigrams.append(id)
            }
            keyStarts.append(Int32(keyTrigrams.count))
        }
        // Posting lists in trigram order: each id's list goes where its trigram sorts.
        let order = codes.indices.sorted { codes[$0] < codes[$1] }
        var starts = [Int32](repeating: 0, count: codes.count + 1)
        var fill = [Int32](repeating: 0, count: codes.count)
        for (position, id) in order.enumerated() {
            fill[id] = starts[position]
            starts[position + 1] = starts[position] + counts[id]
        }
        var slots = [Int32](repeating: 0, count: keyTrigrams.count)
        for slot in 0..<keys.count {
            for position in Int(keyStarts[slot])..<Int(keyStarts[slot + 1]) {
                let id = Int(keyTrigrams[position])
                slots[Int(fill[id])] = Int32(slot)
                fill[id] += 1
            }
        }
        trigrams = Column(order.map { codes[$0] })
        self.starts = Column(starts)
        self.slots = Column(slots)
        keyCount = keys.count
    }

    /// Key slots that may be within `maximumEdits` of `query`.
    func candidates(for query: [UInt32], maximumEdits: Int) -> [Int] {
        let queryTrigrams = Self.distinctTrigrams(query[...])
        let needed = max(1, queryTrigrams.count - 3 * maximumEdits)
        var counts = [UInt16](repeating: 0, count: keyCount)
        var result: [Int] = []
        for trigram in queryTrigrams {
            guard let position = position(of: trigram) else { continue }
            for index in Int(starts[position])..<Int(starts[position + 1]) {
                let slot = Int(slots[index])
                counts[slot] &+= 1
                if counts[slot] == needed { result.append(slot) }
            }
        }
        return result
    }

    /// Where `trigram` is in `trigrams`, by binary search.
    private func position(of trigram: UInt64) -> Int? {
        trigrams.withUnsafeBufferPointer { $0.sortedIndex(of: trigram) }
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

extension TrigramIndex {
    /// The compiled form: the columns.
    func write(to writer: inout BinaryWriter) {
        writer.write(keyCount)
        writer.writeRaw(trigrams)
        writer.writeRaw(starts)
        writer.writeRaw(slots)
    }

    /// Reads an index that ``write(to:)`` wrote for `keyCount` keys, checking that a search in it stays in bounds.
    init(reading reader: inout BinaryReader, keyCount: Int) throws(SnapshotError) {
        guard try reader.readInt() == keyCount else { throw .malformed("the trigram index is of other keys") }
        trigrams = try reader.readColumn()
        starts = try reader.readColumn()
        slots = try reader.readColumn()
        self.keyCount = keyCount
        guard starts.count == trigrams.count + 1, starts.areStarts(ending: slots.count),
            slots.allLie(in: 0..<Int32(clamping: keyCount))
        else { throw .malformed("the trigram index does not fit together") }
    }
}

/// The trigram index of the keys, read from the compiled index the first time a fuzzy
/// search needs it (once its checksum is found right), else built then: exact and prefix
/// lookups never pay for it.
final class FuzzyIndex: Sendable {
    private let keys: KeyTable
    private let stored: SnapshotSection?
    private let built = Mutex<TrigramIndex?>(nil)

    init(_ keys: KeyTable, stored: SnapshotSection? = nil) {
        self.keys = keys
        self.stored = stored
    }

    /// The trigram index, read or built on first use.
    var trigrams: TrigramIndex {
        built.withLock { built in
            if let built { return built }
            let index = stored.flatMap { section in
                try? section.read { reader throws(SnapshotError) in try TrigramIndex(reading: &reader, keyCount: keys.count) }
            }
            let result = index ?? TrigramIndex(keys)
            built = result
            return result
        }
    }
}
