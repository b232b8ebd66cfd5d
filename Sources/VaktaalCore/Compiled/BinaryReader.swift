/// Why a compiled vocabulary could not be read back: it is then rebuilt from the source.
public enum SnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data ends in the middle of a value.
    case truncated
    /// A value that no writer gives (an unknown kind, a count beyond the data).
    case malformed(String)
    /// Not a snapshot of this program: another magic number, format or version.
    case foreign
    /// The checksum of the contents does not match: the file was changed or damaged.
    case damaged

    public var description: String {
        switch self {
        case .truncated: "the compiled index ends too early"
        case .malformed(let what): "the compiled index is malformed: \(what)"
        case .foreign: "the compiled index was written by another version of vaktaal"
        case .damaged: "the compiled index is damaged (its checksum does not match)"
        }
    }
}

/// Reads what ``BinaryWriter`` wrote, checking every length against the data: damaged
/// input gives ``SnapshotError``, never a crash.
struct BinaryReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The most elements reserved ahead for an array: a damaged count must not ask for
    /// gigabytes before its elements turn out to be missing.
    private static let largestReservation = 1 << 16

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readUInt64() throws(SnapshotError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else { throw .truncated }
            let byte = bytes[offset]
            offset += 1
            guard shift < 64 else { throw .malformed("an integer is too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func readInt() throws(SnapshotError) -> Int { Int(bitPattern: UInt(try readUInt64())) }

    /// A count of things that each take at least `size` bytes: no more than the data holds.
    mutating func readCount(elementSize size: Int = 1) throws(SnapshotError) -> Int {
        let count = try readUInt64()
        guard count <= UInt64(bytes.count - offset) / UInt64(max(size, 1)) else { throw .truncated }
        return Int(count)
    }

    mutating func readBool() throws(SnapshotError) -> Bool {
        guard offset < bytes.count else { throw .truncated }
        defer { offset += 1 }
        switch bytes[offset] {
        case 0: return false
        case 1: return true
        default: throw .malformed("a flag is neither 0 nor 1")
        }
    }

    mutating func readString() throws(SnapshotError) -> String {
        let count = try readCount()
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
    }

    mutating func readOptionalString() throws(SnapshotError) -> String? {
        try readBool() ? try readString() : nil
    }

    mutating func readStrings() throws(SnapshotError) -> [String] {
        let count = try readCount()
        var values: [String] = []
        values.reserveCapacity(min(count, Self.largestReservation))
        for _ in 0..<count { values.append(try readString()) }
        return values
    }

    /// An array that ``BinaryWriter/writeRaw(_:)`` wrote.
    mutating func readRaw<Number: FixedWidthInteger>(_: Number.Type = Number.self) throws(SnapshotError) -> [Number] {
        let size = MemoryLayout<Number>.size
        let count = try readCount(elementSize: size)
        let source = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count * size])
        offset += count * size
        return [Number](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            initialized = count
        }
    }

    /// An array whose elements `body` reads one by one.
    mutating func readArray<Element>(_ body: (inout BinaryReader) throws(SnapshotError) -> Element) throws(SnapshotError)
        -> [Element]
    {
        let count = try readCount()
        var values: [Element] = []
        values.reserveCapacity(min(count, Self.largestReservation))
        for _ in 0..<count { values.append(try body(&self)) }
        return values
    }

    /// A case of a `String`-backed enum, written as its position in `allCases`.
    mutating func readCase<Kind: CaseIterable>(_: Kind.Type) throws(SnapshotError) -> Kind where Kind.AllCases == [Kind] {
        let index = try readInt()
        guard Kind.allCases.indices.contains(index) else { throw .malformed("unknown \(Kind.self) \(index)") }
        return Kind.allCases[index]
    }
}

extension BinaryWriter {
    /// A case of an enum, as its position in `allCases`.
    mutating func writeCase<Kind: CaseIterable & Equatable>(_ value: Kind) where Kind.AllCases == [Kind] {
        write(Kind.allCases.firstIndex(of: value) ?? 0)
    }
}
