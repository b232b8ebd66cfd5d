/// Pretty-printed JSON as `JSONEncoder` writes it (two spaces a level, `"key" : value`,
/// `/` unescaped), built up in one string.
package struct JSONText {
    /// The text so far.
    package var text = ""

    /// An empty text.
    package init() {}

    package mutating func open(_ bracket: String) { text += bracket }

    /// Closes an object or array; an empty one keeps the blank line `JSONEncoder` writes.
    package mutating func close(_ bracket: String, empty: Bool, indent: Int) {
        text += "\n"
        if !empty {
            text += String(repeating: "  ", count: indent)
        } else {
            text += "\n" + String(repeating: "  ", count: indent)
        }
        text += bracket
    }

    /// Starts the next array element.
    package mutating func separator(first: Bool, indent: Int) {
        text += first ? "\n" : ",\n"
        text += String(repeating: "  ", count: indent)
    }

    package mutating func key(_ name: String, first: Bool, indent: Int) {
        separator(first: first, indent: indent)
        string(name)
        text += " : "
    }

    package mutating func number(_ value: Int) { text += String(value) }

    /// A string literal, escaped as `JSONEncoder` escapes: quote, backslash, and control
    /// characters (short forms where JSON has them).
    package mutating func string(_ value: String) {
        text += "\""
        var plainStart = value.utf8.startIndex
        var index = plainStart
        let utf8 = value.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte >= 0x20, byte != 0x22, byte != 0x5C {
                index = utf8.index(after: index)
                continue
            }
            text += Substring(utf8[plainStart..<index])
            switch byte {
            case 0x22: text += "\\\""
            case 0x5C: text += "\\\\"
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            case 0x08: text += "\\b"
            case 0x0C: text += "\\f"
            default:
                let hex = String(byte, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            index = utf8.index(after: index)
            plainStart = index
        }
        text += Substring(utf8[plainStart..<index])
        text += "\""
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
    package mutating func boolean(_ value: Bool) { text += value ? "true" : "false" }
}
