import Testing
import VaktaalXML

/// XML escaping writes what a plain escaper writes byte by byte, wherever in a text the
/// bytes to escape or drop fall (texts are passed over eight bytes at a time first).
@Suite struct XMLEscapingTests {
    /// Escapes one scalar at a time: markup and carriage returns, and in attributes quotes,
    /// tabs and line feeds; characters XML cannot carry (C0 controls but tab, line feed and
    /// carriage return, and U+FFFE/U+FFFF) are dropped.
    static func escaped(_ text: String, attribute: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\t" where attribute: result += "&#9;"
            case "\n" where attribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": break
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test(arguments: [
        "&", "<", ">", "\"", "\t", "\n", "\r", "\u{0}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{F000}", "'", "é",
        "&\u{1}\"",
    ])
    func everyPlaceOfAByteToEscape(_ special: String) {
        for (length, filler) in [(20, "a"), (10, "é"), (7, "€")] {
            for place in 0...length {
                var characters = Array(repeating: filler, count: length)
                characters.insert(special, at: place)
                let text = characters.joined()
                #expect(XMLWriter.escapeText(text) == Self.escaped(text, attribute: false), "\(text.debugDescription)")
                #expect(
                    XMLWriter.escapeAttribute(text) == Self.escaped(text, attribute: true), "\(text.debugDescription)")
            }
        }
    }
}
