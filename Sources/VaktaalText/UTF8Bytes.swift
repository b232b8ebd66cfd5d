#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// Runs `body` on the string's UTF-8 bytes: in place when the string keeps them in one
    /// buffer (native strings do), else on a copy. Scanning these bytes costs a fraction of
    /// walking `utf8`, which checks the string's form at every step.
    @inlinable
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// Whether `other` is written with exactly the same UTF-8 bytes. (`==` compares
    /// canonical equivalence: it takes a decomposed "coördinator" for a composed one.)
    public func hasSameUTF8Bytes(as other: String) -> Bool {
        withUTF8Bytes { left in
            other.withUTF8Bytes { right in
                guard left.count == right.count else { return false }
                guard let leftStart = left.baseAddress, let rightStart = right.baseAddress else { return true }
                return memcmp(leftStart, rightStart, left.count) == 0
            }
        }
    }
}
