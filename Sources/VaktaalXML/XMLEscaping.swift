import VaktaalText

/// XML escaping, done once for every writer: text escapes `&`, `<`, `>`; attribute values
/// also escape `"` and write tabs and line breaks as character references so they survive a
/// round trip. Characters XML 1.0 cannot carry (C0 controls other than tab, newline and
/// carriage return, and U+FFFE/U+FFFF) are dropped.
///
/// Runs of bytes that need nothing are copied whole; only ASCII markup, control bytes and
/// the lead byte `EF` of U+FFFE/U+FFFF (`EF BF BE`/`EF BF BF`) stop the scan, found with a
/// bit mask rather than a chain of comparisons. A text is first passed over eight bytes at
/// a time while none of its bytes is one of those.
public enum XMLEscaping {
    /// Bit `b` set: the ASCII byte `b` (below 64) needs work in character data: control
    /// bytes other than tab (09) and line feed (0A), and `&` (26), `<` (3C), `>` (3E).
    private static let textMask: UInt64 = 0xFFFF_F9FF | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E

    /// The same for attribute values: tab and line feed too, and `"` (22).
    private static let attributeMask: UInt64 = textMask | 1 << 0x09 | 1 << 0x0A | 1 << 0x22

    /// Whether a byte stops the scan: an ASCII byte in `mask`, or the lead byte of U+FFFE/U+FFFF.
    @inline(__always)
    private static func needsWork(_ byte: UInt8, _ mask: UInt64) -> Bool {
        byte < 64 ? mask >> UInt64(byte) & 1 != 0 : byte == 0xEF
    }

    /// Whether a byte of `utf8` needs work under `mask`: words of eight bytes without a
    /// control byte, `&`, `<`, `>`, `"` or `EF` are passed over at once; from the first word
    /// with one of them, the bytes are tested one by one.
    private static func needsWork(in utf8: UnsafeBufferPointer<UInt8>, _ mask: UInt64) -> Bool {
        var index = 0
        while index + 8 <= utf8.count {
            let word = ByteWord.load(utf8, at: index)
            if ByteWord.contains(word, below: 0x20) || ByteWord.contains(word, 0x26) || ByteWord.contains(word, 0x3C)
                || ByteWord.contains(word, 0x3E) || ByteWord.contains(word, 0x22) || ByteWord.contains(word, 0xEF)
            {
                return utf8[index...].contains { needsWork($0, mask) }
            }
            index += 8
        }
        return utf8[index...].contains { needsWork($0, mask) }
    }

    /// The most bytes escaping `byteCount` bytes can give (`"` becomes the six of `&quot;`).
    public static func maximumEscapedCount(_ byteCount: Int) -> Int { 6 * byteCount }

    /// Whether `text` holds a character that XML 1.0 cannot carry, which escaping drops: a C0
    /// control other than tab, line feed and carriage return, or U+FFFE/U+FFFF.
    public static func holdsCharactersXMLCannotCarry(_ text: String) -> Bool {
        // Most text has no such byte at all (U+FFFE and U+FFFF start with 0xEF).
        text.utf8.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0xEF }
            && text.unicodeScalars.contains { !XMLWriter.isAllowedInXML($0) }
    }

    /// Writes `text` escaped at `destination`, which must have room for
    /// ``maximumEscapedCount(_:)`` of its UTF-8 length, and returns the bytes written.
    public static func escape(_ text: String, attribute: Bool, into destination: UnsafeMutablePointer<UInt8>) -> Int {
        let mask = attribute ? attributeMask : textMask
        return text.withUTF8Bytes { escape($0, mask: mask, into: destination) }
    }

    /// Appends `text` escaped to `output`: text that needs nothing, the usual case, is
    /// copied as it is.
    static func append(_ text: String, attribute: Bool, to output: inout [UInt8]) {
        let mask = attribute ? attributeMask : textMask
        let copied = text.withUTF8Bytes { utf8 in
            guard !needsWork(in: utf8, mask) else { return false }
            output.append(contentsOf: utf8)
            return true
        }
        if copied { return }
        let start = output.count
        let room = maximumEscapedCount(text.utf8.count)
        output.append(contentsOf: repeatElement(0, count: room))
        let written = output.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { escape(text, attribute: attribute, into: $0 + start) } ?? 0
        }
        output.removeLast(room - written)
    }

    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, mask: UInt64, into destination: UnsafeMutablePointer<UInt8>)
        -> Int
    {
        var written = 0
        func copy(_ run: Range<Int>) {
            guard !run.isEmpty, let source = utf8.baseAddress else { return }
            (destination + written).update(from: source + run.lowerBound, count: run.count)
            written += run.count
        }
        func put(_ replacement: StaticString) {
            (destination + written).update(from: replacement.utf8Start, count: replacement.utf8CodeUnitCount)
            written += replacement.utf8CodeUnitCount
        }
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            guard needsWork(byte, mask) else {
                index += 1
                continue
            }
            if byte == 0xEF {
                // Only U+FFFE and U+FFFF are dropped; other characters starting with EF are kept.
                guard index + 2 < utf8.count, utf8[index + 1] == 0xBF, utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF else {
                    index += 1
                    continue
                }
                copy(runStart..<index)
                index += 3
                runStart = index
                continue
            }
            copy(runStart..<index)
            switch byte {
            case UInt8(ascii: "&"): put("&amp;")
            case UInt8(ascii: "<"): put("&lt;")
            case UInt8(ascii: ">"): put("&gt;")
            case UInt8(ascii: "\""): put("&quot;")
            case 0x09: put("&#9;")
            case 0x0A: put("&#10;")
            case 0x0D: put("&#13;")
            default: break  // a control character XML cannot carry
            }
            index += 1
            runStart = index
        }
        copy(runStart..<utf8.count)
        return written
    }
}

extension Array where Element == UInt8 {
    /// Appends a string's UTF-8 bytes with one copy.
    @inlinable
    public mutating func appendUTF8(_ text: String) {
        text.withUTF8Bytes { append(contentsOf: $0) }
    }
}
