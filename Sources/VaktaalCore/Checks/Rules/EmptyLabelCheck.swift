import VaktaalText

/// No label is empty or only white space (qSKOS "empty labels").
struct EmptyLabelCheck: ConceptCheck {
    let rule: RuleID = "empty-label"
    let severity = Severity.warning
    let summary = "labels are not empty"

    func check(_ key: ConceptKey, in set: VocabularySet, into findings: inout [Finding]) {
        for label in set[key].labels where Self.isEmpty(label.text) {
            findings.append(
                diagnostic("an empty \(label.kind.rawValue) in '\(label.language)'", concept: key, in: set, at: label.position))
        }
    }

    /// Whether `text` is empty or only white space. A letter, digit or mark of ASCII starts a
    /// character that is no white space, so most labels are decided by their first byte.
    static func isEmpty(_ text: String) -> Bool {
        let hasVisibleASCII = text.withUTF8Bytes { bytes in
            bytes.contains { $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) }
        }
        return !hasVisibleASCII && text.allSatisfy(\.isWhitespace)
    }
}
