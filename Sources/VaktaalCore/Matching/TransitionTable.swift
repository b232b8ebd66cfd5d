/// An open-addressing hash table from 64-bit keys to node ids, for the matcher's hot loop:
/// the keys are already hashes, so one multiply spreads them and no general-purpose
/// hasher runs per word. Read-only, in columns, so that a snapshot's table is used where it
/// lies; ``Builder`` makes one.
struct TransitionTable: Sendable {
    private let keys: Column<UInt64>
    /// The node id of each slot; −1 for an empty slot.
    private let values: Column<Int32>
    private let mask: Int

    @inline(__always)
    fileprivate static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The value of `key`, or `nil`.
    @inline(__always)
    func value(_ key: UInt64) -> Int32? {
        var index = Self.slot(key, mask)
        while true {
            let value = values[index]
            if value < 0 { return nil }
            if keys[index] == key { return value }
            index = (index + 1) & mask
        }
    }

    /// A table being filled.
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

        /// The value of `key`, or `nil`.
        func value(_ key: UInt64) -> Int32? {
            var index = TransitionTable.slot(key, keys.count - 1)
            while values[index] >= 0 {
                if keys[index] == key { return values[index] }
                index = (index + 1) & (keys.count - 1)
            }
            return nil
        }

        /// Stores `value` (never negative) under `key`, replacing an earlier value.
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

        /// The table, in the fewest slots that keep it at most half full: sized ahead for
        /// phrases that mostly share their nodes, it would keep a great many empty slots.
        var table: TransitionTable {
            guard Self.slots(for: count) < keys.count else { return TransitionTable(keys: Column(keys), values: Column(values)) }
            var compact = Builder(capacity: count)
            for index in keys.indices where values[index] >= 0 { compact.set(keys[index], values[index]) }
            return TransitionTable(keys: Column(compact.keys), values: Column(compact.values))
        }
    }

    private init(keys: Column<UInt64>, values: Column<Int32>) {
        self.keys = keys
        self.values = values
        mask = keys.count - 1
    }
}

extension TransitionTable {
    /// The compiled form: the keys and the values of every slot.
    func write(to writer: inout BinaryWriter) {
        writer.writeRaw(keys)
        writer.writeRaw(values)
    }

    /// Reads what ``write(to:)`` wrote, checking that every value is below `nodeCount` and
    /// that some slot is empty (a lookup stops at one).
    init(reading reader: inout BinaryReader, nodeCount: Int32) throws(SnapshotError) {
        let keys: Column<UInt64> = try reader.readColumn()
        let values: Column<Int32> = try reader.readColumn()
        guard keys.count == values.count, keys.count >= 16, keys.count & (keys.count - 1) == 0,
            values.allLie(in: -1..<nodeCount), values.contains(-1)
        else { throw .malformed("the transition table does not fit together") }
        self.init(keys: keys, values: values)
    }
}
