import VaktaalText

/// Labels and their forms have no leading, trailing or repeated white space  and no tabs or
/// line breaks: the linter matches words, and stray spaces make labels that never match.
struct IrregularWhitespaceCheck: ConceptCheck {
    let rule: RuleID = "irregular-whitespace"
    let severity = Severity.warning
    let summary = "labels have no leading, trailing or repeated white space"

    func check(_ key: ConceptKey, in set: VocabularySet, into findings: inout [Finding]) {
        for label in set[key].labels {
            var irregular: String?
            label.forEachForm { form in if irregular == nil, Self.isIrregular(form) { irregular = form } }
            guard let form = irregular else { continue }
            findings.append(
                diagnostic(
                    "\(label.kind.rawValue) \(form.debugDescription) has leading, trailing or repeated white space",
                    concept: key, in: set, at: label.position))
        }
    }

    static func isIrregular(_ text: String) -> Bool {
        if let ascii = text.withUTF8Bytes({ $0.allSatisfy { $0 < 0x80 } ? isIrregularASCII($0) : nil }) { return ascii }
        return isIrregularScalars(text)
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

    /// ``isIrregular(_:)`` of ASCII text, on its bytes.
    static func isIrregularASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard let first = bytes.first, let last = bytes.last, bytes.contains(where: { !isSpace($0) }) else { return false }
        if isSpace(first) || isSpace(last) { return true }
        var previousWasSpace = false
        for byte in bytes {
            let space = isSpace(byte)
            if space, byte != 0x20 || previousWasSpace { return true }
            previousWasSpace = space
        }
        return false
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
    }
}
