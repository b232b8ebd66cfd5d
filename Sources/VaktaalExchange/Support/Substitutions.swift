import VaktaalCore

/// Every outdated form (deprecated and hidden labels with their plurals and other forms,
/// and the labels of deprecated concepts) with the form to use instead, for the linter
/// formats of other tools.
struct Substitutions {
    struct Substitution {
        let outdated: String
        let replacement: String
        let isCaseSensitive: Bool
    }

    let substitutions: [Substitution]
    /// Preferred and alternative labels, with their forms.
    let accepted: [(term: String, isCaseSensitive: Bool)]

    init(_ set: VocabularySet) {
        var seen: Set<String> = []
        var substitutions: [Substitution] = []
        var accepted: [(String, Bool)] = []
        var seenAccepted: Set<String> = []
        let entries = LookupIndex.entries(of: set)
        seen.reserveCapacity(entries.count / 2)
        seenAccepted.reserveCapacity(entries.count)
        for entry in entries where entry.labelIndex != nil && !entry.form.isEmpty {
            if let replacement = set.replacement(for: entry) {
                let key = entry.isCaseSensitive ? entry.form : entry.form.lowercased()
                if seen.insert(key).inserted, replacement != entry.form {
                    substitutions.append(Substitution(outdated: entry.form, replacement: replacement, isCaseSensitive: entry.isCaseSensitive))
                }
            } else if entry.kind.isAllowed, !entry.conceptIsDeprecated, seenAccepted.insert(entry.form).inserted {
                accepted.append((entry.form, entry.isCaseSensitive))
            }
        }
        // Sorted without case, then as written.
        self.substitutions = UTF8Order.sortedIndices(substitutions.count) {
            [substitutions[$0].outdated.lowercased(), substitutions[$0].outdated]
        }.map { substitutions[$0] }
        self.accepted = UTF8Order.sortedIndices(accepted.count) { [accepted[$0].0.lowercased(), accepted[$0].0] }.map { accepted[$0] }
    }

    /// A literal term as a regular expression (RE2 and JavaScript alike).
    private static let regexSyntax = ByteSet("\\.+*?()|[]{}^$")

    static func regexEscaped(_ text: String) -> String {
        guard regexSyntax.occurs(in: text) else { return text }
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if regexSyntax.contains(byte) { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
