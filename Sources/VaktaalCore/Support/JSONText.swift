import VaktaalText

/// Pretty-printed JSON as `JSONEncoder` and `JSONSerialization` write it (two spaces a level,
/// `"key" : value`, `/` unescaped), built up as UTF-8 bytes in one ``TextBuffer``: a million
/// findings are a million appends of a few bytes each, not of strings.
package struct JSONText: ~Copyable {
    private var buffer = TextBuffer()

    /// An empty text.
    package init() {}

    /// How many bytes there are so far.
    package var byteCount: Int { buffer.byteCount }

    /// The text so far.
    package var text: String { buffer.text }

    /// Hands the bytes so far to `output` and starts over, for writing a long text out in pieces.
    package mutating func drain(into output: (UnsafeRawBufferPointer) -> Void) {
        buffer.drain(into: output)
    }

    /// Appends raw text (no escaping).
    package mutating func append(_ raw: String) { buffer.append(raw) }

    /// Appends raw UTF-8 bytes (no escaping): JSON written elsewhere.
    package mutating func append(_ raw: UnsafeRawBufferPointer) { put(raw.assumingMemoryBound(to: UInt8.self)) }

    @inline(__always)
    private mutating func put(_ byte: UInt8) { buffer.append(byte) }

    private mutating func put(_ run: UnsafeBufferPointer<UInt8>) { buffer.append(run) }

    /// Opens an object or array (`{` or `[`): a literal, whose bytes are at hand (a report
    /// opens an object for each of a million findings).
    package mutating func open(_ bracket: StaticString) { put(bracket) }

    /// Closes an object or array (`}` or `]`); an empty one keeps the blank line `JSONEncoder` writes.
    package mutating func close(_ bracket: StaticString, empty: Bool, indent: Int) {
        put(0x0A)
        if empty { put(0x0A) }
        self.indent(indent)
        put(bracket)
    }

    private mutating func put(_ literal: StaticString) {
        literal.withUTF8Buffer { put($0) }
    }

    /// Starts the next array element.
    package mutating func separator(first: Bool, indent: Int) {
        if !first { put(UInt8(ascii: ",")) }
        put(0x0A)
        self.indent(indent)
    }

    private mutating func indent(_ level: Int) {
        buffer.append(0x20, count: 2 * level)
    }

    /// A key made once with what comes before it (`,`, the line break and the indent of its
    /// level, `"name" : `), as the keys of a million findings are written: one run of bytes.
    package mutating func key(_ key: JSONKey, first: Bool) {
        key.line.withUnsafeBufferPointer { put(UnsafeBufferPointer(rebasing: $0[(first ? 1 : 0)...])) }
    }

    package mutating func key(_ name: String, first: Bool, indent: Int) {
        separator(first: first, indent: indent)
        string(name)
        put(0x20)
        put(UInt8(ascii: ":"))
        put(0x20)
    }

    /// Lets `body` write at most `maximum` bytes of JSON written elsewhere and numbers in
    /// place (``TextCursor``), with one look at the room left.
    package mutating func write(reserving maximum: Int, _ body: (inout TextCursor) -> Void) {
        buffer.write(reserving: maximum, body)
    }

    /// A number, its digits written straight into the text.
    package mutating func number(_ value: Int) { buffer.append(decimal: value) }

    /// A string literal, escaped as `JSONEncoder` escapes: quote, backslash, and control
    /// characters (short forms where JSON has them). Most strings need nothing and are
    /// copied whole.
    package mutating func string(_ value: String) {
        put(UInt8(ascii: "\""))
        value.withUTF8Bytes { appendEscaped($0) }
        put(UInt8(ascii: "\""))
    }

    /// Appends `utf8` escaped for a string literal; eight bytes at a time are passed over
    /// while none of them needs escaping.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var plainStart = 0
        var index = 0
        while index < utf8.count {
            while index + 8 <= utf8.count, !Self.mayNeedEscaping(ByteWord.load(utf8, at: index)) { index += 8 }
            guard index < utf8.count else { break }
            let byte = utf8[index]
            index += 1
            if byte >= 0x20, byte != 0x22, byte != 0x5C { continue }
            put(UnsafeBufferPointer(rebasing: utf8[plainStart..<index - 1]))
            plainStart = index
            switch byte {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            default:
                let hex = String(byte, radix: 16)
                append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            }
        }
        put(UnsafeBufferPointer(rebasing: utf8[plainStart...]))
    }

    /// Whether one of the eight bytes of `word` is a control character, `"` or `\`.
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        ByteWord.contains(word, below: 0x20) || ByteWord.contains(word, 0x22) || ByteWord.contains(word, 0x5C)
    }
}

/// An object key of one level escaped and quoted once, with the ` : ` after it and the
/// separator, line break and indent before it.
package struct JSONKey: Sendable {
    /// `,`, the line break, the indent, the quoted key and ` : `.
    fileprivate let line: [UInt8]

    /// The key `name` of an object whose keys are indented `indent` levels.
    package init(_ name: String, indent: Int) {
        var text = JSONText()
        text.key(name, first: false, indent: indent)
        line = Array(text.text.utf8)
    }
}

extension JSONText {
    /// A value that may be absent is written only when present (as `JSONEncoder` omits nil).
    package mutating func optionalString(_ name: String, _ value: String?, first: Bool = false, indent: Int) {
        guard let value else { return }
        key(name, first: first, indent: indent)
        string(value)
    }

    /// An array of strings.
    package mutating func strings(_ values: [String], indent: Int) {
        open("[")
        for (index, value) in values.enumerated() {
            separator(first: index == 0, indent: indent + 1)
            string(value)
        }
        close("]", empty: values.isEmpty, indent: indent)
    }

    /// An object of string values, keys sorted.
    package mutating func stringMap(_ values: [String: String], indent: Int) {
        open("{")
        for (index, key) in values.keys.sorted().enumerated() {
            self.key(key, first: index == 0, indent: indent + 1)
            string(values[key] ?? "")
        }
        close("}", empty: values.isEmpty, indent: indent)
    }

    /// An object of string arrays, keys sorted.
    package mutating func stringListMap(_ values: [String: [String]], indent: Int) {
        open("{")
        for (index, key) in values.keys.sorted().enumerated() {
            self.key(key, first: index == 0, indent: indent + 1)
            strings(values[key] ?? [], indent: indent + 1)
        }
        close("}", empty: values.isEmpty, indent: indent)
    }

    /// `true` or `false`.
    package mutating func boolean(_ value: Bool) { append(value ? "true" : "false") }
}
