/// Numbers kept by object identity: open addressing on the object's address, mixed by one
/// multiply. A report looks up the record of each of its findings (at 100k concepts, 75k
/// lookups): `Dictionary` hashed each key with SipHash, several times the cost of the lookup.
struct IdentityTable {
    /// Each slot's object address, 0 for an empty slot (no object lives at address 0).
    private var addresses: [UInt]
    /// Each slot's number.
    private var values: [Int]
    /// How far a mixed address is shifted right to give a slot: 64 less the bits of the
    /// table's size.
    private var shift: UInt64
    /// How many objects are kept.
    private(set) var count = 0

    /// An empty table.
    init() {
        let initialBits: UInt64 = 10
        addresses = Array(repeating: 0, count: 1 << initialBits)
        values = Array(repeating: 0, count: 1 << initialBits)
        shift = 64 - initialBits
    }

    /// The number kept for `identity`, if any.
    func value(for identity: ObjectIdentifier) -> Int? {
        let address = UInt(bitPattern: identity)
        let slot = slot(of: address)
        return addresses[slot] == address ? values[slot] : nil
    }

    /// Keeps `value` for `identity`, in place of the number kept for it before.
    mutating func set(_ value: Int, for identity: ObjectIdentifier) {
        let address = UInt(bitPattern: identity)
        var slot = slot(of: address)
        if addresses[slot] != address {
            // At most half full, so that every probe ends soon at an empty slot.
            if 2 * (count + 1) > addresses.count {
                grow()
                slot = self.slot(of: address)
            }
            addresses[slot] = address
            count += 1
        }
        values[slot] = value
    }

    /// The slot that holds `address`, or the empty one where it would go.
    private func slot(of address: UInt) -> Int {
        let mask = addresses.count - 1
        var slot = Int(truncatingIfNeeded: (UInt64(address) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while addresses[slot] != 0, addresses[slot] != address { slot = (slot + 1) & mask }
        return slot
    }

    /// The table at twice the size, every object in its new slot.
    private mutating func grow() {
        let (oldAddresses, oldValues) = (addresses, values)
        addresses = Array(repeating: 0, count: 2 * oldAddresses.count)
        values = Array(repeating: 0, count: 2 * oldAddresses.count)
        shift -= 1
        for (address, value) in zip(oldAddresses, oldValues) where address != 0 {
            let slot = slot(of: address)
            addresses[slot] = address
            values[slot] = value
        }
    }
}
