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
        let index = LookupIndex(set)
        var seen: Set<String> = []
        var substitutions: [Substitution] = []
        var accepted: [(String, Bool)] = []
        var seenAccepted: Set<String> = []
        for entry in index.entries where entry.labelIndex != nil && !entry.form.isEmpty {
            if let replacement = set.replacement(for: entry) {
                let key = entry.isCaseSensitive ? entry.form : entry.form.lowercased()
                if seen.insert(key).inserted, replacement != entry.form {
                    substitutions.append(Substitution(outdated: entry.form, replacement: replacement, isCaseSensitive: entry.isCaseSensitive))
                }
            } else if entry.kind.isAllowed, !entry.conceptIsDeprecated, seenAccepted.insert(entry.form).inserted {
                accepted.append((entry.form, entry.isCaseSensitive))
            }
        }
        self.substitutions = substitutions.sorted { ($0.outdated.lowercased(), $0.outdated) < ($1.outdated.lowercased(), $1.outdated) }
        self.accepted = accepted.sorted { ($0.0.lowercased(), $0.0) < ($1.0.lowercased(), $1.0) }
    }

    /// A literal term as a regular expression (RE2 and JavaScript alike).
    static func regexEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\.+*?()|[]{}^$".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
