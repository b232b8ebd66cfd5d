import Testing

@testable import VaktaalCore

/// A block that ``BinaryWriter/writeBlock(_:)`` writes is read whole or passed over, and a
/// length that does not fit its data is refused, never read past.
@Suite struct BinaryBlockTests {
    /// A block of a text and a number, then a text after it.
    static let written: [UInt8] = {
        var writer = BinaryWriter()
        writer.writeBlock { block in
            block.write("in the block")
            block.write(42)
        }
        writer.write("after it")
        return writer.bytes
    }()

    @Test func aBlockIsReadWholeOrPassedOver() throws {
        try Self.written.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            let (text, number) = try reader.readBlock { block throws(SnapshotError) in
                (try block.readString(), try block.readInt())
            }
            #expect(text == "in the block" && number == 42)
            #expect(try reader.readString() == "after it")
            var skipping = BinaryReader(bytes)
            try skipping.skipBlock()
            #expect(try skipping.readString() == "after it")
            #expect(skipping.isAtEnd)
        }
    }

    @Test func aBlockReadOnlyInPartIsRefused() {
        Self.written.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            #expect(throws: SnapshotError.malformed("bytes after the end of a block")) {
                try reader.readBlock { block throws(SnapshotError) in try block.readString() }
            }
        }
    }

    /// A block's length beyond the data that follows it, whether the block is read or passed over.
    @Test(arguments: [false, true])
    func aLengthBeyondTheDataIsRefused(skipping: Bool) {
        var writer = BinaryWriter()
        writer.write(1_000)
        writer.write("short")
        writer.bytes.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            #expect(throws: SnapshotError.truncated) {
                if skipping {
                    try reader.skipBlock()
                } else {
                    _ = try reader.readBlock { block throws(SnapshotError) in try block.readString() }
                }
            }
        }
    }

    /// A count of elements is read only when they fit in the data after it, also where their
    /// length in bytes would overflow (a damaged count must not pass as a small one).
    @Test(arguments: [(UInt64(2), true), (3, false), (UInt64(1) << 61, false), (UInt64(1) << 62 | 1, false), (.max, false)])
    func aCountIsCheckedAgainstTheDataAfterIt(count: UInt64, fits: Bool) throws {
        var writer = BinaryWriter()
        writer.write(count)
        // Room for two elements of eight bytes.
        let data = writer.bytes + repeatElement(0, count: 16)
        try data.withUnsafeBytes { bytes throws in
            var reader = BinaryReader(bytes)
            if fits {
                #expect(try reader.readCount(elementSize: 8) == Int(count))
            } else {
                #expect(throws: SnapshotError.truncated) { try reader.readCount(elementSize: 8) }
            }
        }
    }
}
