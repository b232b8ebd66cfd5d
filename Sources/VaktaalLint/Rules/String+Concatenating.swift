import VaktaalText

extension String {
    /// `parts` one after the other, written once into a string made at its full size: a
    /// message built by interpolation grows and rechecks its storage at every part (a text
    /// of a large vocabulary has thousands of outdated terms, each with its own message).
    init(concatenating parts: String...) {
        let count = parts.reduce(0) { $0 + $1.utf8.count }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for part in parts {
                // Each part read where it lies (`withUTF8` would copy it to read it: 3.4 M
                // instructions more for the messages of a text of 100k concepts).
                part.withUTF8Bytes { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: bytes)
                    offset += bytes.count
                }
            }
            return offset
        }
    }
}
