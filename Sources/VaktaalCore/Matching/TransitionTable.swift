/// An open-addressing hash table from 64-bit keys to the matcher's steps, for its hot loop:
/// the keys are already hashes, so one multiply spreads them and no general-purpose hasher
/// runs per word. A slot holds its key and its step side by side, so a lookup in a large
/// vocabulary's table waits for one memory read, not one for the key and one for the value.
/// Read-only, in one column, so that a snapshot's table is used where it lies; ``Builder``
/// makes one.
struct TransitionTable: Sendable {
    /// Where a transition leads: the node, whether some phrase goes on after it, and the
    /// first candidate of the phrases that end there (−1 for none), so that the walk learns
    /// all it needs of the node from the slot it has read.
    struct Step: Equatable {
        let node: Int32
        let continues: Bool
        let firstCandidate: Int32

        /// The step as a slot's second word: the node in the low 31 bits, whether it goes on
        /// in bit 31, the first candidate above; never ``TransitionTable/empty``, as node ids
        /// stay below 2³¹ − 1.
        fileprivate var packed: UInt64 {
            UInt64(UInt32(bitPattern: firstCandidate)) << 32 | (continues ? 1 << 31 : 0) | UInt64(UInt32(node))
        }

        fileprivate init(node: Int32, continues: Bool, firstCandidate: Int32) {
            self.node = node
            self.continues = continues
            self.firstCandidate = firstCandidate
        }

        @inline(__always)
        fileprivate init(packed: UInt64) {
            node = Int32(truncatingIfNeeded: packed & 0x7FFF_FFFF)
            continues = packed & 1 << 31 != 0
            firstCandidate = Int32(bitPattern: UInt32(truncatingIfNeeded: packed >> 32))
        }
    }

    /// Two words a slot: the key, then the packed step, or ``empty``.
    private let slots: Column<UInt64>
    private let mask: Int
    /// The second word of an empty slot.
    private static let empty = UInt64.max

    @inline(__always)
    fileprivate static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The step of `key`, or `nil`. A lookup stops at an empty slot, and after looking at
    /// every slot once in a table that has none (a snapshot's table read without checking
    /// it, ``init(reading:nodeCount:candidatePlaces:)``).
    @inline(__always)
    func step(_ key: UInt64) -> Step? {
        var index = Self.slot(key, mask)
        for _ in 0...mask {
            let packed = slots[2 * index + 1]
            if packed == Self.empty { return nil }
            if slots[2 * index] == key { return Step(packed: packed) }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Asks for the slot where a lookup of `key` starts to be brought into the cache,
    /// without waiting for it.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        slots.prefetch(2 * Self.slot(key, mask))
    }

    /// A table being filled, from keys to node ids.
    struct Builder {
        private var keys: [UInt64]
        private var values: [Int32]
        private var count: Int

        /// A table with room for about `capacity` keys before it grows.
        init(capacity: Int = 8) {
            let size = Self.slots(for: capacity)
            keys = Array(repeating: 0, count: size)
            values = Array(repeating: -1, count: size)
            count = 0
        }

        /// The fewest slots (a power of two) that keep `count` keys at most half full.
        private static func slots(for count: Int) -> Int {
            var size = 16
            while size < count * 2 { size <<= 1 }
            return size
        }

        /// The node of `key`, or `nil`.
        func value(_ key: UInt64) -> Int32? {
            var index = TransitionTable.slot(key, keys.count - 1)
            while values[index] >= 0 {
                if keys[index] == key { return values[index] }
                index = (index + 1) & (keys.count - 1)
            }
            return nil
        }

        /// Stores node `value` (never negative, below 2³¹ − 1) under `key`, replacing an earlier value.
        mutating func set(_ key: UInt64, _ value: Int32) {
            if (count + 1) * 2 > keys.count { grow() }
            let mask = keys.count - 1
            var index = TransitionTable.slot(key, mask)
            while values[index] >= 0, keys[index] != key { index = (index + 1) & mask }
            if values[index] < 0 { count += 1 }
            keys[index] = key
            values[index] = value
        }

        private mutating func grow() {
            let old = (keys: keys, values: values)
            keys = Array(repeating: 0, count: old.keys.count * 2)
            values = Array(repeating: -1, count: old.keys.count * 2)
            count = 0
            for index in old.keys.indices where old.values[index] >= 0 { set(old.keys[index], old.values[index]) }
        }

        /// The table, each node's step naming its first candidate in `firstCandidates` (by
        /// node id) and whether it goes on (`continues`, by node id), in the fewest
        /// slots that keep it at most half full: sized ahead for phrases that mostly share
        /// their nodes, it would keep a great many empty slots.
        func table(firstCandidates: [Int32], continues: [Bool]) -> TransitionTable {
            let size = Self.slots(for: count)
            var slots = [UInt64](repeating: 0, count: 2 * size)
            for index in 0..<size { slots[2 * index + 1] = TransitionTable.empty }
            for index in keys.indices where values[index] >= 0 {
                var slot = TransitionTable.slot(keys[index], size - 1)
                while slots[2 * slot + 1] != TransitionTable.empty { slot = (slot + 1) & (size - 1) }
                let node = values[index]
                slots[2 * slot] = keys[index]
                slots[2 * slot + 1] =
                    Step(node: node, continues: continues[Int(node)], firstCandidate: firstCandidates[Int(node)]).packed
            }
            return TransitionTable(slots: Column(slots))
        }
    }

    private init(slots: Column<UInt64>) {
        self.slots = slots
        mask = slots.count / 2 - 1
    }
}

extension TransitionTable {
    /// The compiled form: every slot's two words.
    func write(to writer: inout BinaryWriter) {
        writer.writeRaw(slots)
    }

    /// Reads what ``write(to:)`` wrote, checking that every step names a node below
    /// `nodeCount` and no candidate or one at `candidatePlaces`, and that some slot is empty;
    /// without `candidatePlaces` (a snapshot vouched for, ``SnapshotSection/checked``),
    /// only that the table has the shape of one. A lookup ends either way (``step(_:)``), and
    /// a walk reads a candidate only after checking where it lies.
    init(reading reader: inout BinaryReader, nodeCount: Int32, candidatePlaces: MatchCandidates.RecordPlaces?)
        throws(SnapshotError)
    {
        let slots: Column<UInt64> = try reader.readColumn()
        let size = slots.count / 2
        guard slots.count % 2 == 0, size >= 16, size & (size - 1) == 0 else {
            throw .malformed("the transition table does not fit together")
        }
        if let candidatePlaces {
            let fits = slots.withUnsafeBufferPointer { slots in
                var empty = false
                for index in 0..<size {
                    let packed = slots[2 * index + 1]
                    if packed == Self.empty {
                        empty = true
                        continue
                    }
                    let step = Step(packed: packed)
                    guard (0..<nodeCount).contains(step.node),
                        step.firstCandidate == -1 || candidatePlaces.contains(step.firstCandidate)
                    else {
                        return false
                    }
                }
                return empty
            }
            guard fits else { throw .malformed("the transition table does not fit together") }
        }
        self.init(slots: slots)
    }
}
