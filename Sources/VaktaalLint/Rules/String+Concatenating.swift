extension String {
    /// `parts` one after the other, written once into a string made at its full size: a
    /// message built by interpolation grows and rechecks its storage at every part (a text
    /// of a large vocabulary has thousands of outdated terms, each with its own message).
    init(concatenating parts: String...) {
        let count = parts.reduce(0) { $0 + $1.utf8.count }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: bytes)
                    offset += bytes.count
                }
            }
            return offset
        }
    }
}
