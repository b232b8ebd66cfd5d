import VaktaalText

/// A deprecated or hidden label (or one of its forms) is not also a preferred or alternative
/// label of another concept of the folder: the linter would forbid a term that is also allowed.
struct OutdatedLabelIsAllowedCheck: FocusableCheck, LabelFormCheck {
    let rule: RuleID = "outdated-label-is-allowed"
    let severity = Severity.error
    let summary = "a deprecated or hidden label is not a preferred or alternative label anywhere in the folder"

    /// The outdated and the allowed forms of the set, as the checker gathered them. The
    /// allowed forms (most of them) are read where they lie: a copy of them all would take
    /// tens of megabytes of fresh memory at 100k concepts.
    func check(_ set: VocabularySet, forms: LabelForms) -> [Finding] {
        let outdated = forms.forms.filter { !$0.kind.isAllowed }
        return findings(outdated, forms.forms.lazy.filter { $0.kind.isAllowed }, in: set)
    }

    /// Only the outdated labels with a form that folds like one of the focus's, and the
    /// allowed forms that fold like theirs. One walk keeps the allowed forms that fold like
    /// the focus's; only when an outdated label kept has another form that does not, are the
    /// allowed forms walked again for those.
    func check(_ set: VocabularySet, focus: CheckFocus) -> [Finding] {
        var (outdated, allowed) = forms(in: set, focus: focus)
        guard !outdated.isEmpty else { return [] }
        let wanted = Set(outdated.map(\.fold))
        if !wanted.isSubset(of: focus.foldedForms) {
            allowed = []
            Self.forEachLabel(in: set) { label, forms in
                if label.kind.isAllowed { allowed += forms.filter { wanted.contains($0.fold) } }
            }
        }
        return findings(outdated, allowed, in: set)
    }

    /// One walk over the labels: the outdated labels with a form that folds like one of the
    /// focus's forms, and the allowed forms that do.
    private func forms(in set: VocabularySet, focus: CheckFocus) -> (outdated: [LabelForms.Form], allowed: [LabelForms.Form]) {
        var outdated: [LabelForms.Form] = []
        var allowed: [LabelForms.Form] = []
        Self.forEachLabel(in: set) { label, forms in
            if label.kind.isAllowed {
                allowed += forms.filter { focus.hasForm($0.fold) }
            } else if forms.contains(where: { focus.hasForm($0.fold) }) {
                outdated += forms
            }
        }
        return (outdated, allowed)
    }

    /// Each label of the set with its forms (``LabelForms/gather(_:_:of:into:)``).
    private static func forEachLabel(in set: VocabularySet, _ body: (Label, [LabelForms.Form]) -> Void) {
        var forms: [LabelForms.Form] = []
        for key in set.keys {
            let labels = set[key].labels
            for index in labels.indices {
                forms.removeAll(keepingCapacity: true)
                LabelForms.gather(labels[index], index, of: key, into: &forms)
                body(labels[index], forms)
            }
        }
    }

    /// The outdated labels that are allowed elsewhere: the allowed forms that share a hash
    /// with an outdated form are read again and compared. The outdated forms of one hash are
    /// chained through `next` in one list, not kept in a list each; a shared hash is
    /// confirmed by comparing the languages and the labels.
    private func findings(
        _ outdated: [LabelForms.Form], _ allowed: some Sequence<LabelForms.Form>, in set: VocabularySet
    ) -> [Finding] {
        guard !outdated.isEmpty else { return [] }
        var next = Array(repeating: -1, count: outdated.count)
        var firstByHash: [UInt64: Int] = [:]
        firstByHash.reserveCapacity(outdated.count)
        // Last to first, so that each chain runs in the order the forms were found.
        for index in outdated.indices.reversed() {
            if let later = firstByHash.updateValue(index, forKey: outdated[index].fold) { next[index] = later }
        }
        var clashes: [ConceptKey: [Int: (owner: ConceptKey, kind: LabelKind, form: String)]] = [:]
        for entry in allowed {
            var candidateIndex = firstByHash[entry.fold] ?? -1
            guard candidateIndex >= 0 else { continue }
            let label = set[entry.key].labels[Int(entry.label)]
            let form = Self.form(entry.ordinal, of: label)
            while candidateIndex >= 0 {
                let candidate = outdated[candidateIndex]
                candidateIndex = next[candidateIndex]
                guard candidate.key != entry.key else { continue }
                let outdatedLabel = set[candidate.key].labels[Int(candidate.label)]
                guard outdatedLabel.language == label.language,
                    clashes[candidate.key]?[Int(candidate.label)] == nil,
                    LabelComparison.clash(
                        form, label.isCaseSensitive, Self.form(candidate.ordinal, of: outdatedLabel),
                        outdatedLabel.isCaseSensitive)
                else { continue }
                clashes[candidate.key, default: [:]][Int(candidate.label)] = (entry.key, label.kind, form)
            }
        }
        // In concept and label order, the same from run to run (a dictionary's order is not).
        return clashes.sorted { $0.key.rawValue < $1.key.rawValue }.flatMap { key, byLabel in
            byLabel.sorted { $0.key < $1.key }.map { index, owner in
                let label = set[key].labels[index]
                return diagnostic(
                    "\(label.kind.rawValue) '\(label.text)' is also \(LabelKindClashCheck.named(owner.kind)) ('\(owner.form)') of "
                        + "'\(set[owner.owner].id)': the linter would forbid an allowed term",
                    concept: key, in: set, at: label.position)
            }
        }
    }

    /// The form with this ordinal among the label's forms.
    private static func form(_ ordinal: Int32, of label: Label) -> String {
        var current: Int32 = 0
        var found = label.text
        label.forEachForm { form in
            if current == ordinal { found = form }
            current += 1
        }
        return found
    }
}

/// The hash of a label form's case fold, equal for forms that clash ignoring case: ASCII forms
/// are folded and hashed byte by byte without making a string; others are lowercased, and
/// hashed as Unicode text (canonically equivalent texts hash alike) unless they are then
/// canonically ASCII (the Kelvin sign lowercases to `k`; the Greek question mark is a semicolon).
enum FoldedForm {
    static func hash(of form: String) -> UInt64 {
        if let ascii = form.withUTF8Bytes(asciiHash) { return ascii }
        let folded = latin1Lowercased(form) ?? lowercasedWithASCIIEquivalents(form)
        if let ascii = folded.withUTF8Bytes(asciiHash) { return ascii }
        return UInt64(bitPattern: Int64(folded.hashValue))
    }

    /// The lowercase of a text whose characters are all Latin-1 (up to U+00FF, as in Dutch
    /// "één" or "coördinator"), exactly as `lowercased()` gives it: ASCII capitals and À to Þ
    /// but × move 32 code points up; nothing else in the range changes. The text itself when it
    /// has no capital; `nil` for other texts. (`lowercased()` costs a hundred times more.)
    private static func latin1Lowercased(_ form: String) -> String? {
        let capitals = form.withUTF8Bytes { bytes -> Int? in
            var count = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if isASCIICapital(byte) { count += 1 }
                    index += 1
                } else if byte == 0xC2 || byte == 0xC3 {  // U+0080 to U+00FF; a String's lead byte has its follower
                    if byte == 0xC3, isLatin1Capital(bytes[index + 1]) { count += 1 }
                    index += 2
                } else {
                    return nil
                }
            }
            return count
        }
        guard let capitals else { return nil }
        guard capitals > 0 else { return form }
        return form.withUTF8Bytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { lowered in
                for index in bytes.indices {
                    let byte = bytes[index]
                    let isCapital =
                        byte < 0x80 ? isASCIICapital(byte) : index > 0 && bytes[index - 1] == 0xC3 && isLatin1Capital(byte)
                    lowered[index] = isCapital ? byte + 0x20 : byte
                }
                return bytes.count
            }
        }
    }

    private static func isASCIICapital(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }

    /// Whether the byte after C3 makes a capital: U+00C0 to U+00DE but ×.
    private static func isLatin1Capital(_ second: UInt8) -> Bool { second <= 0x9E && second != 0x97 }

    /// `lowercased()`, with the characters whose canonical decomposition is one ASCII character
    /// (and whose case they keep) written as that character.
    private static func lowercasedWithASCIIEquivalents(_ form: String) -> String {
        let lowered = form.lowercased()
        guard lowered.unicodeScalars.contains(where: { asciiEquivalents[$0] != nil }) else { return lowered }
        var scalars = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars { scalars.append(asciiEquivalents[scalar] ?? scalar) }
        return String(scalars)
    }

    /// The characters whose canonical decomposition is one ASCII character.
    private static let asciiEquivalents: [Unicode.Scalar: Unicode.Scalar] = ["\u{037E}": ";", "\u{1FEF}": "`"]

    /// FNV-1a over the bytes with ASCII capitals folded, in one pass; `nil` when a byte is not ASCII.
    private static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            hash = (hash ^ UInt64(folded)) &* 0x100_0000_01b3
        }
        return hash
    }
}
