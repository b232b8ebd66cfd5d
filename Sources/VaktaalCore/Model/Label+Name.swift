import VaktaalText

extension Label {
    /// Whether the label is a name whose casing is part of it: an allowed label, no
    /// abbreviation, case-sensitive or with a capital after its first character (iPabo,
    /// JavaScript, Hogeschool van Amsterdam). Lint reports another casing of a name as a
    /// misspelling.
    public var isName: Bool {
        guard kind.isAllowed, !isAbbreviation else { return false }
        return isCaseSensitive || Self.hasCapitalAfterFirst(text)
    }

    /// Whether `text` has a capital after its first character. Most labels are ASCII, whose
    /// capitals are A to Z: read off the bytes (and off the ASCII scalars of other labels),
    /// not looked up as Unicode properties.
    package static func hasCapitalAfterFirst(_ text: String) -> Bool {
        // Read where it lies (`withUTF8` would take a copy of it to read).
        let ascii = text.withUTF8Bytes { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? bytes.dropFirst().contains { $0 &- 0x41 < 26 } : nil
        }
        return ascii
            ?? text.unicodeScalars.dropFirst().contains { $0.isASCII ? $0.value &- 0x41 < 26 : $0.properties.isUppercase }
    }
}
