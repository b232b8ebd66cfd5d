/// Eight bytes read as one word, tested all at once (SWAR): scans pass over text eight
/// bytes at a time while none of them is one they look for.
public enum ByteWord {
    // Inlinable into the scans of other modules (a call per word would cost more than the
    // test), with its constants written in place.
    /// The eight bytes at `offset` of `bytes`, the first lowest (eight must lie there).
    @inlinable @inline(__always)
    public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + offset).loadUnaligned(as: UInt64.self))
    }

    /// Whether one of the eight bytes of `word` is `byte` (exactly: a borrow only reaches
    /// bytes above one that is).
    @inlinable @inline(__always)
    public static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080 != 0
    }

    /// Whether one of the eight bytes of `word` is below `bound`, which is at most 0x80.
    @inlinable @inline(__always)
    public static func contains(_ word: UInt64, below bound: UInt8) -> Bool {
        (word &- (0x0101_0101_0101_0101 &* UInt64(bound))) & ~word & 0x8080_8080_8080_8080 != 0
    }
}
