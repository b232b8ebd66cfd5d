import Foundation

/// The file a compiled vocabulary is kept in: a header that says what it is (magic number,
/// format, byte order, the program that wrote it, the key of its sources, the length and
/// checksum of each of its sections), then the contents and the sections read only when
/// needed (``LaterSections``: the trigram index of fuzzy search, the term matcher of lint),
/// each from an offset that is a multiple of 8. Anything that does not match is refused
/// before a byte of the contents is read; a later section is checked only when it is read
/// (``SnapshotSection``).
enum SnapshotFile {
    /// Bumped whenever the binary form changes.
    static let formatVersion = 18
    private static let magic = Array("vaktaal compiled index\n".utf8)
    private static let byteOrderMark: UInt32 = 0x0102_0304

    /// The header for `contents` and the `later` sections (in the order of ``LaterSections``),
    /// whose lengths are multiples of 8.
    static func header(for contents: [UInt8], later: [[UInt8]], key: SnapshotKey, program: String) -> [UInt8] {
        precondition(later.count == LaterSections.count, "a snapshot has \(LaterSections.count) later sections")
        var writer = BinaryWriter()
        writer.writeRaw(magic)
        writer.writeRaw([byteOrderMark])
        writer.write(formatVersion)
        writer.write(program)
        writer.writeRaw([key.first, key.second])
        for section in [contents] + later {
            writer.write(section.count)
            let checksum = section.withUnsafeBytes { ContentHash.ofPieces($0) }
            writer.writeRaw([checksum.0, checksum.1])
        }
        // The contents start on a multiple of 8, so that their columns are aligned in the mapped file.
        writer.padToAlignment(8)
        return writer.bytes
    }

    /// The contents of a snapshot file, once its header says it is one of `program` for
    /// `key` and their checksum matches, and the sections to be read later (checked when
    /// they are read, unless `checked`).
    ///
    /// - Parameter checked: Whether the file's checksums were found right already, while it
    ///   is as it was then (``CompiledIndexCache``): none is computed again.
    static func contents(of file: MappedFile, key: SnapshotKey, program: String, checked: Bool = false) throws(SnapshotError)
        -> (contents: UnsafeRawBufferPointer, later: LaterSections)
    {
        var reader = BinaryReader(file.bytes)
        guard try reader.readRaw(UInt8.self) == magic, try reader.readRaw(UInt32.self) == [byteOrderMark],
            try reader.readInt() == formatVersion, try reader.readString() == program,
            try reader.readRaw(UInt64.self) == [key.first, key.second]
        else { throw .foreign }
        var sections: [(length: Int, checksum: [UInt64])] = []
        for _ in 0..<1 + LaterSections.count {
            let length = try reader.readInt()
            let checksum: [UInt64] = try reader.readRaw()
            guard length >= 0, length <= file.bytes.count, length % 8 == 0, checksum.count == 2 else { throw .truncated }
            sections.append((length, checksum))
        }
        try reader.skipPadding(to: 8)
        guard sections.reduce(0, { $0 + $1.length }) == file.bytes.count - reader.offset else { throw .truncated }
        var start = reader.offset
        let parts = sections.map { section in
            defer { start += section.length }
            return UnsafeRawBufferPointer(rebasing: file.bytes[start..<start + section.length])
        }
        if !checked {
            let actual = ContentHash.ofPieces(parts[0])
            guard sections[0].checksum == [actual.0, actual.1] else { throw .damaged }
        }
        let later = (1..<parts.count).map { index in
            SnapshotSection(
                bytes: parts[index], checksum: (sections[index].checksum[0], sections[index].checksum[1]), file: file,
                checked: checked)
        }
        return (parts[0], LaterSections(trigrams: later[0], matcher: later[1]))
    }
}

/// The sections of a snapshot that runs read only when they need them.
struct LaterSections: Sendable {
    /// How many there are.
    static let count = 2
    /// The trigram index of fuzzy search (``FuzzyIndex``).
    let trigrams: SnapshotSection
    /// The term matcher of lint (``MatchIndex``).
    let matcher: SnapshotSection
}

/// A section of a mapped snapshot that is checked against its checksum when it is read
/// rather than when the snapshot is opened: runs that do not need it do not pay for it.
struct SnapshotSection: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    let checksum: (UInt64, UInt64)
    /// Keeps `bytes` mapped.
    let file: MappedFile
    /// Whether the checksum was found right already (``SnapshotFile/contents(of:key:program:checked:)``):
    /// a note beside the snapshot vouches for the file as it is, which only a process that
    /// may write the cache folder could forge. The matcher's reader then does not check its
    /// records and steps one by one either (a run that wrote the note need not have read
    /// it): the checksum guards the bits this build wrote, and the walk checks each record
    /// it reads, so that a forged section still cannot make it read outside the section or loop.
    let checked: Bool

    /// Whether the section's bytes have its checksum.
    var isIntact: Bool { ContentHash.ofPieces(bytes) == checksum }

    /// What `body` reads from the section, once its checksum is found right (each call
    /// checks it again, unless an earlier run checked it and the file keeps the stamp it had
    /// then, see ``CompiledIndexCache``: the caller keeps what it read). A section that is damaged or does not
    /// read removes the snapshot file, so that the next run compiles it again.
    ///
    /// - Throws: ``SnapshotError/damaged`` when the checksum does not match, else what `body` throws.
    func read<Value>(_ body: (inout BinaryReader) throws(SnapshotError) -> Value) throws(SnapshotError) -> Value {
        do throws(SnapshotError) {
            guard checked || isIntact else { throw SnapshotError.damaged }
            var reader = BinaryReader(bytes, owner: file)
            let value = try body(&reader)
            try reader.skipPadding(to: 8)
            guard reader.isAtEnd else { throw SnapshotError.malformed("bytes after the end of a section") }
            return value
        } catch {
            file.removeIfUnreplaced()
            throw error
        }
    }
}

/// What a snapshot was compiled from: the hash of the snapshot format, the program, and
/// each source file's path and contents. Two builds of vaktaal keep snapshots of their own.
struct SnapshotKey: Hashable {
    let first: UInt64
    let second: UInt64

    init(first: UInt64, second: UInt64) {
        self.first = first
        self.second = second
    }

    /// The key whose ``name`` is `name`; `nil` when it is not 32 hexadecimal digits.
    init?(name: String) {
        let digits = Array(name.utf8)
        guard digits.count == 32, let first = UInt64(name.prefix(16), radix: 16), let second = UInt64(name.suffix(16), radix: 16)
        else { return nil }
        self.init(first: first, second: second)
    }

    /// The key of `files` for `program`; `nil` when a file cannot be read. Files are read a
    /// megabyte at a time (not mapped: a file cut short while mapped would crash the reader).
    init?(files: [String], program: String) {
        var hash = ContentHash()
        hash.update("format \(SnapshotFile.formatVersion), \(program), \(files.count) files")
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        for file in files {
            let descriptor = open(file, O_RDONLY)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            hash.update("\(file)\n")
            while true {
                let filled = chunk.withUnsafeMutableBytes { Self.fill($0, from: descriptor) }
                guard let filled else { return nil }
                chunk.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[..<filled])) }
                if filled < chunk.count { break }
            }
        }
        (first, second) = hash.value
    }

    /// Reads until `buffer` is full or the file ends: the bytes read, or `nil` on an error.
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32) -> Int? {
        var filled = 0
        while filled < buffer.count, let base = buffer.baseAddress {
            let count = read(descriptor, base + filled, buffer.count - filled)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// The key as a file name.
    var name: String { ContentHash.hex((first, second)) }
}
