import VaktaalCore
import VaktaalText

/// Every outdated form (deprecated and hidden labels with their plurals and other forms,
/// and the labels of deprecated concepts) with the form to use instead, for the linter
/// formats of other tools.
struct Substitutions {
    struct Substitution {
        let outdated: String
        /// The preferred label in the outdated form's grammatical form, or its text when it
        /// has no such form (``isSameForm``).
        let replacement: String
        let isCaseSensitive: Bool
        /// How grave using the outdated form is: the label's severity, else the linter's
        /// default for outdated terms and misspellings (error).
        let severity: Severity
        /// Whether ``replacement`` may be written in place of ``outdated``: a tool that
        /// applies swaps (textlint's `--fix`) takes only these; one that suggests them (Vale)
        /// takes every one.
        let isSameForm: Bool
    }

    let substitutions: [Substitution]
    /// Preferred and alternative labels, with their forms.
    let accepted: [(term: String, isCaseSensitive: Bool)]

    init(_ set: VocabularySet) {
        var seen: Set<String> = []
        var substitutions: [Substitution] = []
        var accepted: [(String, Bool)] = []
        var seenAccepted: Set<String> = []
        seenAccepted.reserveCapacity(set.count * 4)
        for key in set.keys {
            let concept = set[key]
            let replacingConcept = concept.isDeprecated ? set.replacement(of: key) : nil
            for label in concept.labels {
                guard concept.isDeprecated || !label.kind.isAllowed else {
                    label.forEachForm { form in
                        if !form.isEmpty, seenAccepted.insert(form).inserted { accepted.append((form, label.isCaseSensitive)) }
                    }
                    continue
                }
                // The preferred label in the same language: of the replacing concept for a
                // deprecated concept, else of the concept itself.
                let preferred =
                    concept.isDeprecated
                    ? replacingConcept.flatMap { set[$0].preferredLabel(writing: label.language) }
                    : concept.preferredLabel(writing: label.language)
                guard let preferred else { continue }
                label.forEachForm { form in
                    guard !form.isEmpty else { return }
                    let sameForm = FormRole(of: form, in: label).sameForm(of: preferred)
                    let replacement = sameForm ?? preferred.text
                    if seen.insert(label.isCaseSensitive ? form : form.lowercased()).inserted, replacement != form {
                        substitutions.append(
                            Substitution(
                                outdated: form, replacement: replacement, isCaseSensitive: label.isCaseSensitive,
                                severity: label.severity ?? .error, isSameForm: sameForm != nil))
                    }
                }
            }
        }
        self.substitutions = Self.sortedWithoutCase(substitutions.map(\.outdated)).map { substitutions[$0] }
        self.accepted = Self.sortedWithoutCase(accepted.map(\.0)).map { accepted[$0] }
    }

    /// The order of `terms` without case, then as written.
    private static func sortedWithoutCase(_ terms: [String]) -> [Int] {
        var keys = SortKeys(capacity: terms.count)
        for term in terms {
            keys.addLowercased(term)
            keys.add(term)
            keys.endKey()
        }
        return keys.sortedIndices()
    }

    /// A literal term as a regular expression (RE2 and JavaScript alike).
    private static let regexSyntax = ByteSet("\\.+*?()|[]{}^$")

    /// `text` as a regular expression that matches it literally; a line break or a tab is
    /// written as a space, so that a term stays on the one line a list of terms gives it
    /// (Vale's `accept.txt`).
    static func regexEscaped(_ text: String) -> String {
        // Line breaks and tabs only (a run of them one space): a no-break space in a term
        // ("10 %") is part of it.
        let breaks: Set<Character> = ["\n", "\r", "\r\n", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        let text =
            text.contains(where: breaks.contains) ? text.split(whereSeparator: breaks.contains).joined(separator: " ") : text
        guard regexSyntax.occurs(in: text) else { return text }
        var buffer = ByteBuffer(capacity: text.utf8.count * 2)
        buffer.appendBackslashEscaped(text, regexSyntax)
        return buffer.text
    }
}
