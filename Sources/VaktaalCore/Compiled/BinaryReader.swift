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
    /// What keeps `bytes` alive beyond the reading (a ``MappedFile``): columns are then read
    /// where they lie instead of being copied.
    private let owner: AnyObject?
    private(set) var offset = 0

    /// Reads `bytes`; with an `owner` that keeps them alive and unchanged, columns are used in place.
    init(_ bytes: UnsafeRawBufferPointer, owner: AnyObject? = nil) {
        self.bytes = bytes
        self.owner = owner
    }

    /// The most elements reserved ahead for an array: a damaged count must not ask for
    /// gigabytes before its elements turn out to be missing.
    private static let largestReservation = 1 << 16

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readUInt64() throws(SnapshotError) -> UInt64 {
        // Most values (kinds, lengths, counts of a concept's lists) take one byte.
        if offset < bytes.count, bytes[offset] < 0x80 {
            defer { offset += 1 }
            return UInt64(bytes[offset])
        }
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
        // Multiplied, not divided: a count is read for every string and list of a concept.
        let (length, overflows) = count.multipliedReportingOverflow(by: UInt64(max(size, 1)))
        guard !overflows, length <= UInt64(bytes.count - offset) else { throw .truncated }
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
        try readArray { reader throws(SnapshotError) in try reader.readString() }
    }

    /// An array that ``BinaryWriter/writeRaw(_:)`` wrote.
    mutating func readRaw<Number: FixedWidthInteger>(_: Number.Type = Number.self) throws(SnapshotError) -> [Number] {
        Self.copy(try rawElements(Number.self))
    }

    /// An array that ``BinaryWriter/writeRaw(_:)`` wrote, used where it lies when the
    /// reader has an owner and the data is aligned, else copied.
    mutating func readColumn<Number: FixedWidthInteger>(_: Number.Type = Number.self) throws(SnapshotError)
        -> Column<Number>
    {
        let source = try rawElements(Number.self)
        let count = source.count / MemoryLayout<Number>.size
        guard let owner, let base = source.baseAddress, Int(bitPattern: base) % MemoryLayout<Number>.alignment == 0
        else { return Column(Self.copy(source)) }
        return Column(base.bindMemory(to: Number.self, capacity: count), count: count, owner: owner)
    }

    /// Passes over a column that ``BinaryWriter/writeRaw(_:)`` wrote, without reading it.
    mutating func skipColumn<Number: FixedWidthInteger>(_: Number.Type) throws(SnapshotError) {
        _ = try rawElements(Number.self)
    }

    /// The numbers in `source`, copied.
    private static func copy<Number: FixedWidthInteger>(_ source: UnsafeRawBufferPointer) -> [Number] {
        [Number](unsafeUninitializedCapacity: source.count / MemoryLayout<Number>.size) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            initialized = buffer.count
        }
    }

    /// The bytes of the raw array at the reading position (after its count and padding).
    private mutating func rawElements<Number: FixedWidthInteger>(_: Number.Type) throws(SnapshotError)
        -> UnsafeRawBufferPointer
    {
        let size = MemoryLayout<Number>.size
        let count = try readCount(elementSize: size)
        try skipPadding(to: MemoryLayout<Number>.alignment)
        guard count * size <= bytes.count - offset else { throw .truncated }
        defer { offset += count * size }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count * size])
    }

    /// Skips the zero bytes ``BinaryWriter/padToAlignment(_:)`` wrote.
    mutating func skipPadding(to alignment: Int) throws(SnapshotError) {
        while offset % alignment != 0 {
            guard offset < bytes.count else { throw .truncated }
            guard bytes[offset] == 0 else { throw .malformed("padding that is not zero") }
            offset += 1
        }
    }

    /// What `body` reads of a block that ``BinaryWriter/writeBlock(_:)`` wrote, which must
    /// be all of it.
    mutating func readBlock<Value>(_ body: (inout BinaryReader) throws(SnapshotError) -> Value) throws(SnapshotError)
        -> Value
    {
        let count = try readCount()
        var block = BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), owner: owner)
        let value = try body(&block)
        guard block.isAtEnd else { throw .malformed("bytes after the end of a block") }
        offset += count
        return value
    }

    /// Passes over a block that ``BinaryWriter/writeBlock(_:)`` wrote.
    mutating func skipBlock() throws(SnapshotError) {
        offset += try readCount()
    }

    /// An array whose elements `body` reads one by one.
    mutating func readArray<Element>(_ body: (inout BinaryReader) throws(SnapshotError) -> Element) throws(SnapshotError)
        -> [Element]
    {
        let count = try readCount()
        var values: [Element] = []
        // Reserving room for none would still allocate it: most lists of a label are empty.
        guard count > 0 else { return values }
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
