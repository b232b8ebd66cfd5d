/// A set of ASCII bytes as a 128-bit mask, for loops that test every byte (escaping, and
/// the bytes next to a match that a scan hands over).
public struct ByteSet: Sendable {
    @usableFromInline let low: UInt64
    @usableFromInline let high: UInt64

    /// The ASCII characters of `characters`, plus every byte up to `through` when given
    /// (`through: 0x20` adds control characters and the space).
    public init(_ characters: String, through: UInt8? = nil) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for byte in characters.utf8 where byte < 128 {
            if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
        }
        if let through { for byte in 0...min(through, 63) { low |= 1 << byte } }
        self.low = low
        self.high = high
    }

    @inlinable @inline(__always)
    public func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << byte) != 0 : byte < 128 && high & (1 << (byte - 64)) != 0
    }

    /// Whether any byte of `text` is in the set.
    public func occurs(in text: String) -> Bool {
        text.withUTF8Bytes { $0.contains(where: contains) }
    }
}
