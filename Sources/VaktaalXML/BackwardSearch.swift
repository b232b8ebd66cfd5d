extension UnsafeBufferPointer<UInt8> {
    /// The offset of the last `byte` before `end`, looked for eight bytes at a time (a tag is
    /// tens of bytes long, and the parser looks back over each one for its `<`).
    func lastOffset(of byte: UInt8, before end: Int) -> Int? {
        guard let base = baseAddress else { return nil }
        let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
        let lowSevenBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var index = Swift.min(end, count)
        while index >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index - 8).loadUnaligned(as: UInt64.self)) ^ pattern
            // The high bit of each byte that is zero (the byte looked for), exactly: no borrow crosses bytes.
            let matches = ~(((word & lowSevenBits) &+ lowSevenBits) | word | lowSevenBits)
            if matches != 0 { return index - 8 + (63 - matches.leadingZeroBitCount) / 8 }
            index -= 8
        }
        while index > 0 {
            index -= 1
            if base[index] == byte { return index }
        }
        return nil
    }
}
