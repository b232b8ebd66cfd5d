import VaktaalText

/// Labels and their forms have no leading, trailing or repeated white space  and no tabs or
/// line breaks: the linter matches words, and stray spaces make labels that never match.
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
                    "\(labels[index].kind.rawValue) \(form.debugDescription) has leading, trailing or repeated white space",
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

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
    }
}
