import VaktaalCore

/// The central directory of a ZIP archive, read from the bytes as they are: what the
/// package checks need (encryption flags, entry names, where each entry's record is) and
/// what rewriting one part while copying every other byte for byte needs.
struct ZIPDirectory {
    /// One entry as the central directory describes it.
    struct Entry {
        /// The name bytes as written (UTF-8 or code page 437; package part names are ASCII).
        let nameBytes: [UInt8]
        let name: String
        let flags: UInt16
        let method: UInt16
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        /// Where the entry's local header starts.
        let localOffset: Int
        /// The entry's central directory record.
        let record: Range<Int>

        var isEncrypted: Bool { flags & 1 != 0 }
    }

    let entries: [Entry]
    /// The central directory.
    let directory: Range<Int>
    /// The end of central directory record (with its comment).
    let end: Range<Int>

    static let localHeaderSignature: UInt32 = 0x0403_4B50
    static let centralHeaderSignature: UInt32 = 0x0201_4B50
    static let endSignature: UInt32 = 0x0605_4B50

    /// Reads the directory of `bytes`.
    ///
    /// - Throws: ``PackageProblem/notAZIP`` or ``PackageProblem/damaged(reason:)``.
    init(_ bytes: [UInt8]) throws(PackageProblem) {
        guard bytes.count >= 22, Self.uint32(bytes, 0) == Self.localHeaderSignature || Self.uint32(bytes, 0) == Self.endSignature
        else { throw .notAZIP }
        // The end record is in the last 22 bytes plus at most a 65,535-byte comment.
        var endOffset: Int?
        var index = bytes.count - 22
        while index >= max(0, bytes.count - 22 - 0xFFFF) {
            if Self.uint32(bytes, index) == Self.endSignature, index + 22 + Int(Self.uint16(bytes, index + 20)) <= bytes.count {
                endOffset = index
                break
            }
            index -= 1
        }
        guard let endOffset else { throw .damaged(reason: "no end of central directory record") }
        let count = Int(Self.uint16(bytes, endOffset + 10))
        let size = Int(Self.uint32(bytes, endOffset + 12))
        let offset = Int(Self.uint32(bytes, endOffset + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            throw .damaged(reason: "ZIP64 archives are not supported for documents")
        }
        guard offset + size <= endOffset else { throw .damaged(reason: "the central directory lies outside the archive") }
        var entries: [Entry] = []
        var cursor = offset
        for _ in 0..<count {
            guard cursor + 46 <= offset + size, Self.uint32(bytes, cursor) == Self.centralHeaderSignature else {
                throw .damaged(reason: "a central directory record is broken")
            }
            let nameLength = Int(Self.uint16(bytes, cursor + 28))
            let extraLength = Int(Self.uint16(bytes, cursor + 30))
            let commentLength = Int(Self.uint16(bytes, cursor + 32))
            let recordEnd = cursor + 46 + nameLength + extraLength + commentLength
            guard recordEnd <= offset + size else { throw .damaged(reason: "a central directory record is broken") }
            let nameBytes = Array(bytes[cursor + 46..<cursor + 46 + nameLength])
            let localOffset = Int(Self.uint32(bytes, cursor + 42))
            guard localOffset + 30 <= offset, Self.uint32(bytes, localOffset) == Self.localHeaderSignature else {
                throw .damaged(reason: "the entry '\(String(decoding: nameBytes, as: UTF8.self))' has no local header")
            }
            entries.append(
                Entry(
                    nameBytes: nameBytes, name: String(decoding: nameBytes, as: UTF8.self), flags: Self.uint16(bytes, cursor + 8),
                    method: Self.uint16(bytes, cursor + 10), compressedSize: UInt64(Self.uint32(bytes, cursor + 20)),
                    uncompressedSize: UInt64(Self.uint32(bytes, cursor + 24)), localOffset: localOffset,
                    record: cursor..<recordEnd))
            cursor = recordEnd
        }
        // Entries that share or overlap their data are a ZIP bomb's trick, never a document's.
        let starts = entries.map(\.localOffset).sorted()
        for (earlier, later) in zip(starts, starts.dropFirst()) where later <= earlier + 30 {
            throw .damaged(reason: "entries overlap")
        }
        // Two entries of one name leave open which one a reader takes: Word may show the text
        // that was not linted, or fixed.
        var names = Set<[UInt8]>()
        for entry in entries where !names.insert(entry.nameBytes).inserted {
            throw .damaged(reason: "two entries are named '\(entry.name)'")
        }
        self.entries = entries
        directory = offset..<offset + size
        end = endOffset..<bytes.count
    }

    static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        guard offset + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        guard offset + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
