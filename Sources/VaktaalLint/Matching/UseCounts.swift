import VaktaalCore

/// How many times a document uses each allowed label, counted for every such use: a table of
/// packed keys, open addressing, spread with one multiply instead of a general-purpose
/// hasher (a text of a large vocabulary uses one of its labels every few words).
struct UseCounts {
    /// A packed label (``key(_:)``) and its count side by side, so that a lookup in a large
    /// table waits for one memory read; a count of 0 is an empty slot.
    private struct Slot {
        var key: UInt64 = 0
        var count = 0
    }

    private var slots: [Slot]
    /// How many labels are counted.
    private(set) var count = 0

    /// An empty table, with room for `capacity` labels before it grows.
    init(capacity: Int = 8) {
        var slotCount = 16
        while slotCount < 2 * capacity { slotCount <<= 1 }
        slots = Array(repeating: Slot(), count: slotCount)
    }

    /// A label packed in one word: the concept's key above, the label's index plus one below
    /// (a notation's −1 is 0). Both fit in 32 bits: they are places in arrays.
    private static func key(_ use: LabelUse) -> UInt64 {
        assert(UInt32(exactly: use.concept.rawValue) != nil && UInt32(exactly: use.label + 1) != nil, "a use packs in a word")
        return UInt64(truncatingIfNeeded: use.concept.rawValue) << 32 | UInt64(UInt32(truncatingIfNeeded: use.label + 1))
    }

    private static func use(_ key: UInt64) -> LabelUse {
        LabelUse(concept: ConceptKey(Int(key >> 32)), label: Int(key & 0xFFFF_FFFF) - 1)
    }

    /// The slot of `key`: where it is counted, or the empty slot where it would be.
    private func slot(_ key: UInt64) -> Int {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while slots[index].count != 0, slots[index].key != key { index = (index + 1) & mask }
        return index
    }

    /// Adds `amount` (more than 0) uses of `use` and returns how many were counted before.
    @discardableResult
    mutating func add(_ use: LabelUse, _ amount: Int = 1) -> Int {
        assert(amount > 0, "a count of 0 is an empty slot")
        let key = Self.key(use)
        var index = slot(key)
        let earlier = slots[index].count
        if earlier == 0 {
            // At most half full, so that every probe ends soon at an empty slot.
            if (count + 1) * 2 > slots.count {
                grow()
                index = slot(key)
            }
            slots[index].key = key
            count += 1
        }
        slots[index].count = earlier + amount
        return earlier
    }

    /// Adds the counts of `other`.
    mutating func add(_ other: UseCounts) {
        for filled in other.slots where filled.count != 0 { add(Self.use(filled.key), filled.count) }
    }

    /// These counts less one each, without the labels counted once.
    var lessOneEach: UseCounts {
        var result = UseCounts(capacity: count)
        for filled in slots where filled.count > 1 { result.add(Self.use(filled.key), filled.count - 1) }
        return result
    }

    /// The counts by label.
    var dictionary: [LabelUse: Int] {
        var result: [LabelUse: Int] = [:]
        result.reserveCapacity(count)
        for filled in slots where filled.count != 0 { result[Self.use(filled.key)] = filled.count }
        return result
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        for filled in old where filled.count != 0 { slots[slot(filled.key)] = filled }
    }
}
