import VaktaalText

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
    /// How many elements are open.
    public private(set) var depth = 0

    /// The declaration every document starts with.
    public static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// Starts a document, with the XML declaration; `capacity` is the expected size in bytes.
    public init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
        append(Self.declaration)
    }

    /// A writer for a piece of a document written apart (on another thread, say) and joined
    /// in with ``append(pieces:)``: no declaration, `depth` elements open.
    public init(pieceAtDepth depth: Int, capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
        self.depth = depth
    }

    /// Appends what writers made with ``init(pieceAtDepth:capacity:)`` at this writer's depth
    /// wrote, in order (room for all of them is made at once).
    public mutating func append(pieces: [[UInt8]]) {
        bytes.reserveCapacity(bytes.count + pieces.reduce(0) { $0 + $1.count } + (1 << 16))
        for piece in pieces { bytes.append(contentsOf: piece) }
    }

    /// Makes room for `total` bytes in all, so that writing up to that many copies nothing.
    public mutating func reserveCapacity(_ total: Int) {
        bytes.reserveCapacity(total)
    }

    /// Passes the bytes written so far to `body` and empties the buffer (keeping its
    /// capacity), for writers that stream a large document in pieces.
    public mutating func drain(_ body: ([UInt8]) -> Void) {
        body(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// The text written so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Opens an element whose content follows on the next lines.
    public mutating func startElement(_ name: String, attributes: [(name: String, value: String)] = []) {
        startElement(name) { $0.add(contentsOf: attributes) }
    }

    /// Closes the element most recently opened with `startElement`.
    public mutating func endElement(_ name: String) {
        depth -= 1
        indent()
        append("</")
        append(name)
        append(">\n")
    }

    /// Writes an element on one line: with its text, or self-closed when `text` is empty.
    public mutating func element(_ name: String, attributes: [(name: String, value: String)] = [], text: String = "") {
        element(name, text: text) { $0.add(contentsOf: attributes) }
    }

    /// Opens an element whose content follows on the next lines, with the attributes that
    /// `attributes` adds, in that order (no list of them is built).
    public mutating func startElement(_ name: String, attributes: (inout AttributeList) -> Void) {
        indent()
        bytes.append(UInt8(ascii: "<"))
        append(name)
        appendAttributes(attributes)
        append(">\n")
        depth += 1
    }

    /// Writes an element on one line, with its text or self-closed when `text` is empty, with
    /// the attributes that `attributes` adds, in that order (no list of them is built).
    public mutating func element(_ name: String, text: String = "", attributes: (inout AttributeList) -> Void) {
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

    /// Opens an element with a single attribute (no attribute list to build).
    public mutating func startElement(_ name: String, attribute: (name: String, value: String)) {
        indent()
        bytes.append(UInt8(ascii: "<"))
        append(name)
        appendAttribute(attribute.name, attribute.value)
        append(">\n")
        depth += 1
    }

    /// Writes an element with text content and at most one attribute on one line, even
    /// when the text is empty (the form of RDF literals).
    public mutating func textElement(_ name: String, attribute: (name: String, value: String)?, text: String) {
        indent()
        bytes.append(UInt8(ascii: "<"))
        append(name)
        if let attribute { appendAttribute(attribute.name, attribute.value) }
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

    /// Writes a processing instruction on its own line. A `?>` inside `data`, which would end
    /// it early, becomes `? >`.
    public mutating func processingInstruction(target: String, data: String) {
        indent()
        var body = Self.dropInvalidCharacters(data)
        while body.contains("?>") { body = body.replacingAll("?>", with: "? >") }
        append("<?")
        append(target)
        if !body.isEmpty {
            bytes.append(UInt8(ascii: " "))
            append(body)
        }
        append("?>\n")
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
        bytes.appendUTF8(text)
    }

    private mutating func indent() {
        let count = 2 * depth
        // One run of spaces, not two appends a level.
        if count <= Self.spaces.count {
            Self.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
        } else {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        }
    }

    /// The indentation of the deepest elements most documents have.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 32)

    private mutating func appendAttributes(_ attributes: [(name: String, value: String)]) {
        for attribute in attributes { appendAttribute(attribute.name, attribute.value) }
    }

    /// Lends the buffer to an ``AttributeList`` while `attributes` adds to it (moved, not copied).
    private mutating func appendAttributes(_ attributes: (inout AttributeList) -> Void) {
        var list = AttributeList(bytes: bytes)
        bytes = []
        attributes(&list)
        bytes = list.bytes
    }

    private mutating func appendAttribute(_ name: String, _ value: String) {
        bytes.appendAttribute(name, value)
    }

    private mutating func appendEscaped(_ text: String, attribute: Bool) {
        XMLEscaping.append(text, attribute: attribute, to: &bytes)
    }

    /// Escapes character data.
    public static func escapeText(_ text: String) -> String {
        var bytes: [UInt8] = []
        XMLEscaping.append(text, attribute: false, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes a double-quoted attribute value.
    public static func escapeAttribute(_ value: String) -> String {
        var bytes: [UInt8] = []
        XMLEscaping.append(value, attribute: true, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
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

/// The attributes of a tag being written, added one by one straight into the writer's
/// buffer: ``XMLWriter/element(_:text:attributes:)`` and the `startElement` that takes a closure.
public struct AttributeList: ~Copyable {
    fileprivate var bytes: [UInt8]

    /// Adds `name="value"`, escaped.
    public mutating func add(_ name: String, _ value: String) {
        bytes.appendAttribute(name, value)
    }

    /// Adds `name="value"` when there is a value.
    public mutating func add(_ name: String, _ value: String?) {
        if let value { bytes.appendAttribute(name, value) }
    }

    /// Adds `name="true"` when the flag is set.
    public mutating func add(_ name: String, flag: Bool) {
        if flag { bytes.appendAttribute(name, "true") }
    }

    /// Adds the values as one attribute, separated by `; `, when there are any.
    public mutating func add(_ name: String, list values: [String]) {
        if values.count == 1 {
            bytes.appendAttribute(name, values[0])
        } else if !values.isEmpty {
            bytes.appendAttribute(name, values.joined(separator: "; "))
        }
    }

    /// Adds each of `attributes`, in order.
    public mutating func add(contentsOf attributes: [(name: String, value: String)]) {
        for attribute in attributes { bytes.appendAttribute(attribute.name, attribute.value) }
    }
}

extension [UInt8] {
    /// Appends ` name="value"`, the value escaped.
    fileprivate mutating func appendAttribute(_ name: String, _ value: String) {
        append(UInt8(ascii: " "))
        appendUTF8(name)
        append(UInt8(ascii: "="))
        append(UInt8(ascii: "\""))
        XMLEscaping.append(value, attribute: true, to: &self)
        append(UInt8(ascii: "\""))
    }
}
