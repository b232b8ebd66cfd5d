import VaktaalText

/// Labels and their forms have no leading, trailing or repeated white space and no other
/// white space than the plain space (a tab, a line break, a no-break space): the linter
/// matches words, and stray spaces make labels that never match.
struct IrregularWhitespaceCheck: ConceptCheck {
    let rule: RuleID = "irregular-whitespace"
    let severity = Severity.warning
    let summary = "labels have no leading, trailing or repeated white space"

    func check(_ key: ConceptKey, in set: VocabularySet, into findings: inout [Finding]) {
        // Read in place, by index: a copy of each label would retain all its strings.
        let labels = set[key].labels
        for index in labels.indices {
            var irregular: String?
            labels[index].forEachForm { form in if irregular == nil, Self.isIrregular(form) { irregular = form } }
            guard let form = irregular else { continue }
            findings.append(
                diagnostic(
                    "\(labels[index].kind.rawValue) \(form.debugDescription) has \(Self.stray(in: form)): "
                        + "write single plain spaces between its words",
                    concept: key, in: set, at: labels[index].position))
        }
    }

    static func isIrregular(_ text: String) -> Bool {
        text.withUTF8Bytes(isIrregularOnBytes) ?? isIrregularScalars(text)
    }

    /// ``isIrregular(_:)`` of any text, scalar by scalar.
    static func isIrregularScalars(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { !isSpace($0) }) else { return false }
        if let first = scalars.first, isSpace(first) { return true }
        if let last = scalars.last, isSpace(last) { return true }
        var previousWasSpace = false
        for scalar in scalars {
            let space = isSpace(scalar)
            if space, scalar != " " || previousWasSpace { return true }
            previousWasSpace = space
        }
        return false
    }

    /// ``isIrregular(_:)`` decided on the bytes, in one pass; `nil` when a character beyond
    /// ASCII may be white space: one that starts with a lead byte of the non-ASCII spaces
    /// (C2 for U+0085 and U+00A0, E1 for U+1680, E2 for U+2000 to U+200A, U+2028, U+2029,
    /// U+202F and U+205F, E3 for U+3000). Accented letters (C3 …) are no space, so Dutch text
    /// is decided here.
    static func isIrregularOnBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var hasNonSpace = false
        var hasStraySpace = false
        var previousWasSpace = true  // a space at the start is stray
        for byte in bytes {
            if byte == 0xC2 || (0xE1...0xE3).contains(byte) { return nil }
            let space = byte == 0x20 || (0x09...0x0D).contains(byte)
            if space {
                if byte != 0x20 || previousWasSpace { hasStraySpace = true }
            } else {
                hasNonSpace = true
            }
            previousWasSpace = space
        }
        return hasNonSpace && (hasStraySpace || previousWasSpace)
    }

    /// What is irregular about the white space of `text`, in words.
    static func stray(in text: String) -> String {
        let scalars = text.unicodeScalars
        if let first = scalars.first, isSpace(first) { return "white space at its start" }
        if let last = scalars.last, isSpace(last) { return "white space at its end" }
        guard let other = scalars.first(where: { isSpace($0) && $0 != " " }) else { return "repeated spaces" }
        let names: [UInt32: String] = [
            0x09: "a tab", 0x0A: "a line break", 0x0D: "a line break", 0xA0: "a no-break space (U+00A0)",
            0x202F: "a narrow no-break space (U+202F)", 0x2009: "a thin space (U+2009)",
        ]
        return names[other.value] ?? "white space other than a space (U+\(String(other.value, radix: 16, uppercase: true)))"
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
    }
}
