/// Writes XML text in one canonical layout: a UTF-8 declaration, two-space indentation,
/// attributes in the order given, empty elements self-closed, and a final newline.
///
/// Escaping lives here once: text escapes `&`, `<`, `>`; attribute values also escape `"`
/// and write tabs and line breaks as character references so they survive a round trip.
/// Characters XML 1.0 cannot carry (C0 controls other than tab, newline and carriage
/// return, and U+FFFE/U+FFFF) are dropped.
public struct XMLWriter: Sendable {
    /// The UTF-8 bytes written so far.
    public private(set) var bytes: [UInt8] = []
    private var depth = 0

    /// Starts a document, with the XML declaration.
    public init() {
        bytes.reserveCapacity(1 << 16)
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// The text written so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Opens an element whose content follows on the next lines.
    public mutating func startElement(_ name: String, attributes: [(name: String, value: String)] = []) {
        indent()
        bytes.append(UInt8(ascii: "<"))
        append(name)
        appendAttributes(attributes)
        append(">\n")
        depth += 1
    }

    /// Closes the element most recently opened with ``startElement(_:attributes:)``.
    public mutating func endElement(_ name: String) {
        depth -= 1
        indent()
        append("</")
        append(name)
        append(">\n")
    }

    /// Writes an element on one line: with its text, or self-closed when `text` is empty.
    public mutating func element(_ name: String, attributes: [(name: String, value: String)] = [], text: String = "") {
        indent()
        bytes.append(UInt8(ascii: "<"))
        append(name)
        appendAttributes(attributes)
        if text.isEmpty {
            append("/>\n")
        } else {
            bytes.append(UInt8(ascii: ">"))
            appendEscaped(text, attribute: false)
            append("</")
            append(name)
            append(">\n")
        }
    }

    /// Writes an element with text content on one line, even when the text is empty
    /// (`<a></a>`, where the difference from an empty element matters, as in RDF literals).
    public mutating func textElement(_ name: String, attributes: [(name: String, value: String)] = [], text: String) {
        indent()
        bytes.append(UInt8(ascii: "<"))
        append(name)
        appendAttributes(attributes)
        bytes.append(UInt8(ascii: ">"))
        appendEscaped(text, attribute: false)
        append("</")
        append(name)
        append(">\n")
    }

    /// Writes a comment on its own line. A `--` inside, which XML forbids, becomes `- -`.
    public mutating func comment(_ text: String) {
        indent()
        var body = Self.dropInvalidCharacters(text)
        while body.contains("--") { body = body.replacingAll("--", with: "- -") }
        if body.hasSuffix("-") { body += " " }
        append("<!--")
        append(body)
        append("-->\n")
    }

    /// Writes an empty line, to set groups apart.
    public mutating func blankLine() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Writes already-escaped markup on its own indented line.
    public mutating func rawLine(_ markup: String) {
        indent()
        append(markup)
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func indent() {
        for _ in 0..<depth { append("  ") }
    }

    private mutating func appendAttributes(_ attributes: [(name: String, value: String)]) {
        for attribute in attributes {
            bytes.append(UInt8(ascii: " "))
            append(attribute.name)
            append("=\"")
            appendEscaped(attribute.value, attribute: true)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private mutating func appendEscaped(_ text: String, attribute: Bool) {
        Self.escape(text, attribute: attribute, into: &bytes)
    }

    /// Escapes character data.
    public static func escapeText(_ text: String) -> String {
        guard needsEscaping(text, attribute: false) else { return text }
        var bytes: [UInt8] = []
        escape(text, attribute: false, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes a double-quoted attribute value.
    public static func escapeAttribute(_ value: String) -> String {
        guard needsEscaping(value, attribute: true) else { return value }
        var bytes: [UInt8] = []
        escape(value, attribute: true, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` escaped, byte by byte: only ASCII markup and control characters and
    /// U+FFFE/U+FFFF (UTF-8 `EF BF BE`/`EF BF BF`) need work; everything else is copied.
    /// Whether `text` holds anything that escaping changes: markup characters, control
    /// characters (tab, line feed and carriage return only in attributes) or the lead byte
    /// of U+FFFE/U+FFFF.
    private static func needsEscaping(_ text: String, attribute: Bool) -> Bool {
        text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == 0xEF
                || byte == 0x0D || (byte < 0x20 && (attribute || (byte != 0x09 && byte != 0x0A)))
                || (attribute && byte == UInt8(ascii: "\""))
        }
    }

    private static func escape(_ text: String, attribute: Bool, into output: inout [UInt8]) {
        guard needsEscaping(text, attribute: attribute) else {
            output.append(contentsOf: text.utf8)
            return
        }
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\"") where attribute: output.append(contentsOf: "&quot;".utf8)
            case 0x09 where attribute: output.append(contentsOf: "&#9;".utf8)
            case 0x0A where attribute: output.append(contentsOf: "&#10;".utf8)
            case 0x0D: output.append(contentsOf: "&#13;".utf8)
            case 0x09, 0x0A: output.append(byte)
            case 0x00..<0x20: break
            case 0xEF where index + 1 < utf8.count && utf8[index] == 0xBF && (utf8[index + 1] == 0xBE || utf8[index + 1] == 0xBF):
                index += 2
            default: output.append(byte)
            }
        }
    }

    /// Whether XML 1.0 can carry the scalar at all.
    public static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20: return false
        case 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    static func dropInvalidCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowedInXML($0) }) else { return text }
        var result = ""
        result.unicodeScalars.append(contentsOf: text.unicodeScalars.filter(isAllowedInXML))
        return result
    }
}

extension String {
    /// Replaces every occurrence of `target` (Foundation-free).
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
