/// Pretty-printed JSON as `JSONEncoder` and `JSONSerialization` write it (two spaces a level,
/// `"key" : value`, `/` unescaped), built up as UTF-8 bytes in one buffer: a million findings
/// are a million appends of a few bytes each, not of strings.
package struct JSONText {
    /// The UTF-8 bytes so far.
    package private(set) var bytes: [UInt8] = []

    /// An empty text.
    package init() {}

    /// The text so far.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands the bytes so far to `output` and starts over, for writing a long text out in pieces.
    package mutating func drain(into output: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes(output)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends raw text (no escaping).
    package mutating func append(_ raw: String) {
        var raw = raw
        raw.withUTF8 { bytes.append(contentsOf: $0) }
    }

    package mutating func open(_ bracket: String) { append(bracket) }

    /// Closes an object or array; an empty one keeps the blank line `JSONEncoder` writes.
    package mutating func close(_ bracket: String, empty: Bool, indent: Int) {
        bytes.append(0x0A)
        if empty { bytes.append(0x0A) }
        self.indent(indent)
        append(bracket)
    }

    /// Starts the next array element.
    package mutating func separator(first: Bool, indent: Int) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(0x0A)
        self.indent(indent)
    }

    private mutating func indent(_ level: Int) {
        for _ in 0..<level {
            bytes.append(0x20)
            bytes.append(0x20)
        }
    }

    package mutating func key(_ name: String, first: Bool, indent: Int) {
        separator(first: first, indent: indent)
        string(name)
        bytes.append(0x20)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
    }

    package mutating func number(_ value: Int) { append(String(value)) }

    /// A string literal, escaped as `JSONEncoder` escapes: quote, backslash, and control
    /// characters (short forms where JSON has them).
    package mutating func string(_ value: String) {
        var value = value
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8 { utf8 in
            var plainStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                if byte >= 0x20, byte != 0x22, byte != 0x5C { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                plainStart = index + 1
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
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
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
