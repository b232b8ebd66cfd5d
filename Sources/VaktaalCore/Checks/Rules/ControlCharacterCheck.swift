import VaktaalText

/// Labels hold no control or invisible formatting characters (qSKOS "labels with
/// unprintable characters").
struct ControlCharacterCheck: ConceptCheck {
    let rule: RuleID = "control-character"
    let severity = Severity.warning
    let summary = "labels hold no control or invisible characters"

    func check(_ key: ConceptKey, in set: VocabularySet, into findings: inout [Finding]) {
        // Read in place, by index: a copy of each label would retain all its strings.
        let labels = set[key].labels
        for index in labels.indices {
            var found: Unicode.Scalar?
            labels[index].forEachForm { form in
                if found == nil, !Self.isPrintableLatin1(form) { found = form.unicodeScalars.first(where: Self.isUnprintable) }
            }
            guard let scalar = found else { continue }
            let label = labels[index]
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            findings.append(
                diagnostic(
                    "\(label.kind.rawValue) '\(label.text)' holds the invisible character \(code)", concept: key, in: set,
                    at: label.position))
        }
    }

    /// The common case, decided on bytes: printable ASCII and printable Latin-1 only (U+00A0
    /// to U+00FF but the soft hyphen U+00AD, as in Dutch "één"). `false` means the characters
    /// must be looked at.
    static func isPrintableLatin1(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x7F {
                    index += 1
                } else if byte == 0xC3 || (byte == 0xC2 && bytes[index + 1] >= 0xA0 && bytes[index + 1] != 0xAD) {
                    // U+00C0 to U+00FF, or U+00A0 to U+00BF (C2 80 to C2 9F are controls); a
                    // String is valid UTF-8, so a lead byte always has its follower.
                    index += 2
                } else {
                    return false
                }
            }
            return true
        }
    }

    static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value < 0x20 ? !["\t", "\n", "\r"].contains(scalar) : scalar.value == 0x7F }
        switch scalar.properties.generalCategory {
        case .control: return scalar != "\t" && scalar != "\n" && scalar != "\r"
        case .format: return scalar.value != 0x200D  // keep the zero-width joiner of emoji sequences
        case .unassigned, .privateUse, .surrogate: return true
        default: return false
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
