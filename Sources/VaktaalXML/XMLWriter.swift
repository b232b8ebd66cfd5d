/// Writes XML text in one canonical layout: a UTF-8 declaration, two-space indentation,
/// attributes in the order given, empty elements self-closed, and a final newline.
///
/// Escaping lives here once: text escapes `&`, `<`, `>`; attribute values also escape `"`
/// and write tabs and line breaks as character references so they survive a round trip.
/// Characters XML 1.0 cannot carry (C0 controls other than tab, newline and carriage
/// return, and U+FFFE/U+FFFF) are dropped.
public struct XMLWriter: Sendable {
    /// The text written so far.
    public private(set) var output: String
    private var depth = 0
    private let indentUnit = "  "

    /// Starts a document, with the XML declaration.
    public init() {
        output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    }

    /// Opens an element whose content follows on the next lines.
    public mutating func startElement(_ name: String, attributes: [(name: String, value: String)] = []) {
        indent()
        output += "<\(name)"
        appendAttributes(attributes)
        output += ">\n"
        depth += 1
    }

    /// Closes the element most recently opened with ``startElement(_:attributes:)``.
    public mutating func endElement(_ name: String) {
        depth -= 1
        indent()
        output += "</\(name)>\n"
    }

    /// Writes an element on one line: with its text, or self-closed when `text` is empty.
    public mutating func element(_ name: String, attributes: [(name: String, value: String)] = [], text: String = "") {
        indent()
        output += "<\(name)"
        appendAttributes(attributes)
        if text.isEmpty {
            output += "/>\n"
        } else {
            output += ">"
            output += Self.escapeText(text)
            output += "</\(name)>\n"
        }
    }

    /// Writes a comment on its own line. A `--` inside, which XML forbids, becomes `- -`.
    public mutating func comment(_ text: String) {
        indent()
        var body = Self.dropInvalidCharacters(text)
        while body.contains("--") { body = body.replacingAll("--", with: "- -") }
        if body.hasSuffix("-") { body += " " }
        output += "<!--\(body)-->\n"
    }

    /// Writes an empty line, to set groups apart.
    public mutating func blankLine() {
        output += "\n"
    }

    /// Writes already-escaped markup on its own indented line.
    public mutating func rawLine(_ markup: String) {
        indent()
        output += markup
        output += "\n"
    }

    private mutating func indent() {
        for _ in 0..<depth { output += indentUnit }
    }

    private mutating func appendAttributes(_ attributes: [(name: String, value: String)]) {
        for attribute in attributes {
            output += " \(attribute.name)=\""
            output += Self.escapeAttribute(attribute.value)
            output += "\""
        }
    }

    /// Escapes character data.
    public static func escapeText(_ text: String) -> String {
        escape(text, attribute: false)
    }

    /// Escapes a double-quoted attribute value.
    public static func escapeAttribute(_ value: String) -> String {
        escape(value, attribute: true)
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        guard text.unicodeScalars.contains(where: { needsWork($0, attribute: attribute) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\t" where attribute: result += "&#9;"
            case "\n" where attribute: result += "&#10;"
            case "\r": result += "&#13;"
            default:
                if isAllowedInXML(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    private static func needsWork(_ scalar: Unicode.Scalar, attribute: Bool) -> Bool {
        switch scalar {
        case "&", "<", ">", "\r": return true
        case "\"", "\t", "\n": return attribute
        default: return !isAllowedInXML(scalar)
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
