/// XML escaping, done once for every writer: text escapes `&`, `<`, `>`; attribute values
/// also escape `"` and write tabs and line breaks as character references so they survive a
/// round trip. Characters XML 1.0 cannot carry (C0 controls other than tab, newline and
/// carriage return, and U+FFFE/U+FFFF) are dropped.
///
/// Runs of bytes that need nothing are copied whole; only ASCII markup, control bytes and
/// the lead byte `EF` of U+FFFE/U+FFFF (`EF BF BE`/`EF BF BF`) stop the scan, found with a
/// bit mask rather than a chain of comparisons.
enum XMLEscaping {
    /// Bit `b` set: the ASCII byte `b` (below 64) needs work in character data: control
    /// bytes other than tab (09) and line feed (0A), and `&` (26), `<` (3C), `>` (3E).
    private static let textMask: UInt64 = 0xFFFF_F9FF | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E

    /// The same for attribute values: tab and line feed too, and `"` (22).
    private static let attributeMask: UInt64 = textMask | 1 << 0x09 | 1 << 0x0A | 1 << 0x22

    /// Appends `text` escaped to `output`.
    static func append(_ text: String, attribute: Bool, to output: inout [UInt8]) {
        let mask = attribute ? attributeMask : textMask
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { escape($0, mask: mask, attribute: attribute, into: &output) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { escape($0, mask: mask, attribute: attribute, into: &output) } }
    }

    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, mask: UInt64, attribute: Bool, into output: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            let needsWork = byte < 64 ? mask >> UInt64(byte) & 1 != 0 : byte == 0xEF
            guard needsWork else {
                index += 1
                continue
            }
            if byte == 0xEF {
                // Only U+FFFE and U+FFFF are dropped; other characters starting with EF are kept.
                guard index + 2 < utf8.count, utf8[index + 1] == 0xBF, utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                index += 3
                runStart = index
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case 0x09: output.append(contentsOf: "&#9;".utf8)
            case 0x0A: output.append(contentsOf: "&#10;".utf8)
            case 0x0D: output.append(contentsOf: "&#13;".utf8)
            default: break  // a control character XML cannot carry
            }
            index += 1
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }
}

extension Array where Element == UInt8 {
    /// Appends a string's UTF-8 bytes with one copy.
    @inlinable
    public mutating func appendUTF8(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append(contentsOf: $0) }
        if done == nil { append(contentsOf: text.utf8) }
    }
}

extension Array where Element == UInt8 {
    /// Appends `text` escaped for XML or HTML: as a double-quoted attribute value (also fine
    /// as text), or as character data.
    public mutating func appendXMLEscaped(_ text: String, attribute: Bool = true) {
        XMLEscaping.append(text, attribute: attribute, to: &self)
    }
}
