/// Distinct keys, each with the entries that have it, stored flat so that a compiled index
/// is used where it lies in the mapped snapshot: the keys' UTF-8 bytes end to end, an open-addressing table
/// of slots by a fixed hash of the bytes, and entries with the same key chained through one
/// array instead of an array per key.
struct KeyTable: Sendable {
    /// The bytes of every distinct key, in order of first appearance.
    private let utf8: Column<UInt8>
    /// Where each key starts in `utf8`, and one more for the end.
    private let starts: Column<Int32>
    /// Slots by hash, −1 for an empty bucket; the count is a power of two, at most half full.
    private let buckets: Column<Int32>
    /// First entry of each slot (the latest added), −1 for none.
    private let head: Column<Int32>
    /// The next entry with the same key, by entry id, −1 at the end.
    private let next: Column<Int32>

    /// Fills a table one entry at a time.
    struct Builder {
        private var utf8: [UInt8] = []
        private var starts: [Int32] = [0]
        private var buckets: [Int32]
        private var head: [Int32] = []
        private var next: [Int32] = []

        init(capacity: Int) {
            next.reserveCapacity(capacity)
            var count = 16
            while count < capacity * 2 { count *= 2 }
            buckets = Array(repeating: -1, count: count)
        }

        private var count: Int { starts.count - 1 }

        /// Adds entry `id` (ids come in increasing order, at most one call each) under `key`.
        mutating func add(_ id: Int32, key: String) {
            while next.count <= Int(id) { next.append(-1) }
            var key = key
            key.withUTF8 { bytes in
                let bucket = findBucket(bytes)
                let slot = buckets[bucket]
                if slot >= 0 {
                    next[Int(id)] = head[Int(slot)]
                    head[Int(slot)] = id
                    return
                }
                buckets[bucket] = Int32(count)
                utf8.append(contentsOf: bytes)
                starts.append(Int32(utf8.count))
                head.append(id)
                if count * 2 > buckets.count { rehash(buckets.count * 2) }
            }
        }

        /// The finished table.
        func build() -> KeyTable {
            KeyTable(
                utf8: Column(utf8), starts: Column(starts), buckets: Column(buckets), head: Column(head), next: Column(next))
        }

        private func findBucket(_ key: UnsafeBufferPointer<UInt8>) -> Int {
            KeyTable.findBucket(key, buckets: buckets) { slot in
                utf8[Int(starts[slot])..<Int(starts[slot + 1])].elementsEqual(key)
            }
        }

        private mutating func rehash(_ size: Int) {
            buckets = Array(repeating: -1, count: size)
            for slot in 0..<count {
                let bucket = utf8.withUnsafeBufferPointer {
                    findBucket(UnsafeBufferPointer(rebasing: $0[Int(starts[slot])..<Int(starts[slot + 1])]))
                }
                buckets[bucket] = Int32(slot)
            }
        }
    }

    private init(utf8: Column<UInt8>, starts: Column<Int32>, buckets: Column<Int32>, head: Column<Int32>, next: Column<Int32>) {
        self.utf8 = utf8
        self.starts = starts
        self.buckets = buckets
        self.head = head
        self.next = next
    }

    /// The number of distinct keys.
    var count: Int { starts.count - 1 }

    /// The UTF-8 bytes of the key in `slot`.
    func withKey<Result>(inSlot slot: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        utf8.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(starts[slot])..<Int(starts[slot + 1])])) }
    }

    /// The length of the key in `slot`, in Unicode scalars.
    func scalarCount(ofSlot slot: Int) -> Int {
        withKey(inSlot: slot) { key in key.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }

    /// The Unicode scalars of the key in `slot`.
    func scalars(ofSlot slot: Int) -> [UInt32] {
        withKey(inSlot: slot) { key in
            key.allSatisfy { $0 < 0x80 }
                ? key.map(UInt32.init) : String(decoding: key, as: UTF8.self).unicodeScalars.map(\.value)
        }
    }

    /// Whether the key in `slot` starts with the bytes `prefix`.
    func key(inSlot slot: Int, startsWith prefix: [UInt8]) -> Bool {
        withKey(inSlot: slot) { $0.starts(with: prefix) }
    }

    /// Whether the key in `slot` sorts before the bytes `other` (UTF-8 order is the order of
    /// the scalar values).
    func key(inSlot slot: Int, precedes other: [UInt8]) -> Bool {
        withKey(inSlot: slot) { $0.lexicographicallyPrecedes(other) }
    }

    /// Every slot, in the order of their keys (UTF-8 order is the order of the scalar values).
    /// The keys are compared where they lie: a comparison that went through the table would
    /// copy it, a reference count for each of its columns, millions of times.
    func slotsInKeyOrder() -> [Int32] {
        utf8.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                func key(_ slot: Int32) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[Int(starts[Int(slot)])..<Int(starts[Int(slot) + 1])])
                }
                return (0..<Int32(starts.count - 1)).sorted { key($0).lexicographicallyPrecedes(key($1)) }
            }
        }
    }

    /// Every entry with the key in `slot`, in the order they were added.
    func entries(ofSlot slot: Int) -> [Int32] {
        var result: [Int32] = []
        var id = head[slot]
        while id >= 0 {
            result.append(id)
            id = next[Int(id)]
        }
        return result.reversed()
    }

    /// Every entry with `key`, in the order they were added.
    func entries(of key: String) -> [Int32] {
        var key = key
        let slot = key.withUTF8 { buckets[findBucket($0)] }
        return slot < 0 ? [] : entries(ofSlot: Int(slot))
    }

    /// The bucket that holds `key`, or the empty one where it would go.
    private func findBucket(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        Self.findBucket(key, buckets: buckets) { slot in withKey(inSlot: slot) { $0.elementsEqual(key) } }
    }

    /// The bucket of `buckets` that holds `key` (`holdsKey` tells whether a slot's key is
    /// it), or the empty one where it would go.
    private static func findBucket(
        _ key: UnsafeBufferPointer<UInt8>, buckets: some RandomAccessCollection<Int32>, holdsKey: (Int) -> Bool
    ) -> Int {
        let mask = buckets.count - 1
        var bucket = Int(truncatingIfNeeded: ContentHash.of(UnsafeRawBufferPointer(key)).0) & mask
        while true {
            let slot = buckets[buckets.index(buckets.startIndex, offsetBy: bucket)]
            if slot < 0 || holdsKey(Int(slot)) { return bucket }
            bucket = (bucket + 1) & mask
        }
    }
}

extension KeyTable {
    /// The compiled form: every array as it is in memory (``passOver(in:)`` passes over the
    /// same columns: the two change together).
    func write(to writer: inout BinaryWriter) {
        writer.writeRaw(utf8)
        writer.writeRaw(starts)
        writer.writeRaw(buckets)
        writer.writeRaw(head)
        writer.writeRaw(next)
    }

    /// Passes over a table that ``write(to:)`` wrote, for a reader that does not search it.
    static func passOver(in reader: inout BinaryReader) throws(SnapshotError) {
        try reader.skipColumn(UInt8.self)
        for _ in 0..<4 { try reader.skipColumn(Int32.self) }
    }

    init(reading reader: inout BinaryReader, entryCount: Int) throws(SnapshotError) {
        utf8 = try reader.readColumn()
        starts = try reader.readColumn()
        buckets = try reader.readColumn()
        head = try reader.readColumn()
        next = try reader.readColumn()
        let keyCount = starts.count - 1
        // What a search needs to end and stay in bounds; that the contents are right, the checksum says.
        guard keyCount >= 0, starts.areStarts(ending: utf8.count), buckets.count.nonzeroBitCount == 1,
            buckets.count >= keyCount * 2, buckets.allLie(in: -1..<Int32(clamping: keyCount)),
            // An empty bucket, so a probe ends.
            buckets.withUnsafeBufferPointer({ $0.contains(-1) }), head.count == keyCount, next.count <= entryCount,
            head.allLie(in: 0..<Int32(clamping: next.count)),
            // A chain only goes back to earlier entries, so it ends.
            next.withUnsafeBufferPointer({ next in next.indices.allSatisfy { next[$0] < Int32(truncatingIfNeeded: $0) } })
        else { throw .malformed("a key table does not fit its entries") }
    }
}
