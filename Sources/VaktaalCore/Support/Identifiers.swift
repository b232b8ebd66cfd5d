/// The shapes ids must have.
public enum IdentifierPattern: Sendable {
    /// Scheme ids: `[a-z0-9][a-z0-9._-]*`.
    case scheme
    /// Concept ids: a non-empty URI path segment of letters, digits, `.`, `_`, `-`, `~`.
    case concept

    /// Whether `value` has this shape.
    public func matches(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first else { return false }
        switch self {
        case .scheme:
            func allowed(_ scalar: Unicode.Scalar) -> Bool {
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_"
                    || scalar == "-"
            }
            return (("a"..."z").contains(first) || ("0"..."9").contains(first)) && value.unicodeScalars.allSatisfy(allowed)
        case .concept:
            // Plain ASCII ids, by far the most common, are decided on bytes.
            var isASCII = true
            for byte in value.utf8 {
                guard byte < 0x80 else {
                    isASCII = false
                    break
                }
                let allowed =
                    (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "~")
                if !allowed { return false }
            }
            if isASCII { return true }
            return value.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "._-~".unicodeScalars.contains(scalar)
            }
        }
    }

    /// What the shape is, for messages.
    public var explanation: String {
        switch self {
        case .scheme: "use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit"
        case .concept: "use letters, digits, '.', '_', '-' and '~' (it becomes part of the concept's URI)"
        }
    }
}

/// ISO 8601 dates as the format uses them: `YYYY-MM-DD`, optionally followed by a time.
enum ISODate {
    /// The days of `month` (1 to 12) in `year` of the Gregorian calendar (xsd:date's).
    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether `value` is a date `YYYY-MM-DD` that the calendar has (not `2024-02-30`),
    /// optionally followed by a time `THH:MM…`.
    static func isValid(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            guard bytes.count >= 10 else { return false }
            func digits(_ range: Range<Int>) -> Int? {
                var number = 0
                for index in range {
                    let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                    guard (0...9).contains(digit) else { return nil }
                    number = number * 10 + digit
                }
                return number
            }
            guard let year = digits(0..<4), bytes[4] == UInt8(ascii: "-"), let month = digits(5..<7),
                bytes[7] == UInt8(ascii: "-"), let day = digits(8..<10), (1...12).contains(month),
                (1...daysIn(month: month, year: year)).contains(day)
            else { return false }
            if bytes.count == 10 { return true }
            return bytes[10] == UInt8(ascii: "T") && bytes.count >= 16 && digits(11..<13) != nil
                && bytes[13] == UInt8(ascii: ":") && digits(14..<16) != nil
        }
    }
}

/// Whether a string is an absolute URI as the reader takes one: it starts with a scheme and
/// a colon, and holds no white space. (``isIRI(_:)`` is what RDF can carry.)
package func isAbsoluteURI(_ value: String) -> Bool {
    guard let colon = value.firstIndex(of: ":"), colon != value.startIndex else { return false }
    let scheme = value[..<colon]
    guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
    return scheme.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+.-".unicodeScalars.contains($0))
    } && !value.contains(where: \.isWhitespace)
}

/// Whether a string is an absolute IRI that RDF can carry: an absolute URI
/// (``isAbsoluteURI(_:)``) without a character an IRI may not hold (``isForbiddenInIRI(_:)``).
package func isIRI(_ value: String) -> Bool {
    isAbsoluteURI(value) && !value.unicodeScalars.contains(where: isForbiddenInIRI)
}

/// Whether an IRI may not hold `scalar` as it is (RFC 3987): white space, controls and
/// `<>"{}|\^` and the backquote, which RDF writers escape and readers refuse.
private func isForbiddenInIRI(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value <= 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace
        || "<>\"{}|\\^`".unicodeScalars.contains(scalar)
}
