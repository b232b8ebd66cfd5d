/// Distinct keys, each with the entries that have it, stored flat: entries with the same
/// key are chained through one array instead of an array per key.
struct KeyTable: Sendable {
    /// Slot of each distinct key.
    private(set) var slotByKey: [String: Int32] = [:]
    /// The distinct keys in order of first appearance.
    private(set) var keys: [String] = []
    /// First entry of each slot (the latest added), −1 for none.
    private var head: [Int32] = []
    /// The next entry with the same key, by entry id, −1 at the end.
    private var next: [Int32] = []

    init(capacity: Int) {
        slotByKey.reserveCapacity(capacity)
        next.reserveCapacity(capacity)
    }

    /// Adds entry `id` (ids come in increasing order, one call per id) under `key`.
    mutating func add(_ id: Int32, key: String) {
        while next.count <= Int(id) { next.append(-1) }
        if let slot = slotByKey[key] {
            next[Int(id)] = head[Int(slot)]
            head[Int(slot)] = id
        } else {
            slotByKey[key] = Int32(keys.count)
            keys.append(key)
            head.append(id)
        }
    }

    /// The entries of a slot, in increasing id order.
    func entries(ofSlot slot: Int) -> [Int32] {
        var result: [Int32] = []
        var id = head[slot]
        while id >= 0 {
            result.append(id)
            id = next[Int(id)]
        }
        return result.reversed()
    }

    /// The entries with `key`.
    func entries(of key: String) -> [Int32] {
        guard let slot = slotByKey[key] else { return [] }
        return entries(ofSlot: Int(slot))
    }
}
