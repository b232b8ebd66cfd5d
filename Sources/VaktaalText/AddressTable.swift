/// Values kept by the address of what they belong to (an object, a string in a C library's
/// dictionary): open addressing on the address, mixed by one multiply. Far cheaper than a
/// `Dictionary`, which hashes every key with SipHash: a parse looks up the name of every
/// element, a report the record of every finding.
public struct AddressTable<Value> {
    /// Each slot's address, 0 for an empty slot (nothing lives at address 0).
    @usableFromInline var addresses: [UInt]
    /// Each slot's value.
    @usableFromInline var values: [Value?]
    /// How far a mixed address is shifted right to give a slot: 64 less the bits of the
    /// table's size.
    @usableFromInline var shift: UInt64
    /// How many addresses are kept.
    @usableFromInline var kept = 0

    /// How many addresses are kept.
    public var count: Int { kept }

    /// An empty table with room for `expectedCount` addresses before it grows.
    @inlinable
    public init(expectedCount: Int = 32) {
        var bits: UInt64 = 6
        while 1 << bits < 2 * expectedCount { bits += 1 }
        addresses = Array(repeating: 0, count: 1 << bits)
        values = Array(repeating: nil, count: 1 << bits)
        shift = 64 - bits
    }

    /// The value kept for `address`, if any.
    @inlinable
    public func value(at address: UInt) -> Value? {
        let slot = slot(of: address)
        return addresses[slot] == address ? values[slot] : nil
    }

    /// Keeps `value` for `address` (not 0), in place of the value kept for it before.
    @inlinable
    public mutating func set(_ value: Value, at address: UInt) {
        precondition(address != 0, "no address is 0")
        var slot = slot(of: address)
        if addresses[slot] != address {
            // At most half full, so that every probe ends soon at an empty slot.
            if 2 * (kept + 1) > addresses.count {
                grow()
                slot = self.slot(of: address)
            }
            addresses[slot] = address
            kept += 1
        }
        values[slot] = value
    }

    /// The slot that holds `address`, or the empty one where it would go.
    @inlinable
    func slot(of address: UInt) -> Int {
        let mask = addresses.count - 1
        var slot = Int(truncatingIfNeeded: (UInt64(address) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while addresses[slot] != 0, addresses[slot] != address { slot = (slot + 1) & mask }
        return slot
    }

    /// The table at twice the size, every address in its new slot. (Inlinable, as all of the
    /// table is: made generic, out of the caller's module, each element it moves would cost
    /// thousands of instructions.)
    @inlinable
    mutating func grow() {
        let (oldAddresses, oldValues) = (addresses, values)
        addresses = Array(repeating: 0, count: 2 * oldAddresses.count)
        values = Array(repeating: nil, count: 2 * oldAddresses.count)
        shift -= 1
        for (address, value) in zip(oldAddresses, oldValues) where address != 0 {
            let slot = slot(of: address)
            addresses[slot] = address
            values[slot] = value
        }
    }
}

extension AddressTable: Sendable where Value: Sendable {}
