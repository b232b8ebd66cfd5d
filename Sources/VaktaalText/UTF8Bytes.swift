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
}
