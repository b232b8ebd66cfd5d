import Foundation

/// The file a compiled vocabulary is kept in: a header that says what it is (magic number,
/// format, byte order, the program that wrote it, the key of its sources, the length and
/// checksum of what follows), then the contents. Anything that does not match is refused
/// before a byte of the contents is read.
enum SnapshotFile {
    /// Bumped whenever the binary form changes.
    static let formatVersion = 1
    private static let magic = Array("vaktaal compiled index\n".utf8)
    private static let byteOrderMark: UInt32 = 0x0102_0304

    /// The header for `contents`.
    static func header(for contents: [UInt8], key: SnapshotKey, program: String) -> [UInt8] {
        var writer = BinaryWriter()
        writer.writeRaw(magic)
        writer.writeRaw([byteOrderMark])
        writer.write(formatVersion)
        writer.write(program)
        writer.writeRaw([key.first, key.second])
        writer.write(contents.count)
        let checksum = contents.withUnsafeBytes { ContentHash.of($0) }
        writer.writeRaw([checksum.0, checksum.1])
        return writer.bytes
    }

    /// The contents of a snapshot file, once its header says it is one of `program` for
    /// `key` and its checksum matches.
    static func contents(of file: UnsafeRawBufferPointer, key: SnapshotKey, program: String) throws(SnapshotError)
        -> UnsafeRawBufferPointer
    {
        var reader = BinaryReader(file)
        guard try reader.readRaw(UInt8.self) == magic, try reader.readRaw(UInt32.self) == [byteOrderMark],
            try reader.readInt() == formatVersion, try reader.readString() == program,
            try reader.readRaw(UInt64.self) == [key.first, key.second]
        else { throw .foreign }
        let length = try reader.readInt()
        let checksum: [UInt64] = try reader.readRaw()
        guard length == file.count - reader.offset else { throw .truncated }
        let contents = UnsafeRawBufferPointer(rebasing: file[reader.offset...])
        let actual = ContentHash.of(contents)
        guard checksum == [actual.0, actual.1] else { throw .damaged }
        return contents
    }
}

/// What a snapshot was compiled from: the hash of the snapshot format, each source file's
/// path and contents.
struct SnapshotKey: Hashable {
    let first: UInt64
    let second: UInt64

    /// The key of `files`, read through memory maps (they stay in the page cache, not in
    /// the process); `nil` when one cannot be read.
    init?(files: [String]) {
        var hash = ContentHash()
        hash.update("format \(SnapshotFile.formatVersion), \(files.count) files")
        for file in files {
            guard let contents = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else { return nil }
            hash.update("\(file)\n\(contents.count)\n")
            contents.withUnsafeBytes { hash.update($0) }
        }
        (first, second) = hash.value
    }

    /// The key as a file name.
    var name: String {
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(first) + hex(second)
    }
}
