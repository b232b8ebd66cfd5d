import VaktaalText

/// Writes the compact binary form of a compiled vocabulary: unsigned integers as LEB128
/// varints, strings as a length and their UTF-8 bytes, arrays of fixed-width numbers as
/// their little-endian memory aligned to their size, so that they are read back where they
/// lie (see ``Column``).
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    /// A writer with room for `capacity` bytes: a large buffer is sized once (growing it step
    /// by step copies it each time, and fresh memory is what filling it mostly costs).
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A count, index or position (never negative).
    mutating func write(_ value: Int) { write(UInt64(UInt(bitPattern: value))) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    /// The raw memory of an array of fixed-width numbers, after its count and the zero bytes
    /// that align it to the size of a number.
    mutating func writeRaw<Number: FixedWidthInteger>(_ values: some Collection<Number>) {
        write(values.count)
        padToAlignment(MemoryLayout<Number>.alignment)
        // Snapshots are written and read on the same (little-endian) machine; the header's byte order mark says so.
        let copied: Void? = values.withContiguousStorageIfAvailable { bytes.append(contentsOf: UnsafeRawBufferPointer($0)) }
        if copied == nil { for value in values { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } } }
    }

    /// Zero bytes up to the next multiple of `alignment`.
    mutating func padToAlignment(_ alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    /// What `body` writes, after its length in bytes: a reader may pass over it
    /// (``BinaryReader/skipBlock()``) without reading what it holds.
    mutating func writeBlock(_ body: (inout BinaryWriter) -> Void) {
        var block = BinaryWriter()
        body(&block)
        write(block.bytes.count)
        bytes.append(contentsOf: block.bytes)
    }

    /// Each element of `values` through `body`, after their count.
    mutating func write<Element>(_ values: [Element], _ body: (inout BinaryWriter, Element) -> Void) {
        write(values.count)
        for value in values { body(&self, value) }
    }
}
