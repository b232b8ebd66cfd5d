/// A deprecated concept's replacement is not itself deprecated: readers would be sent to
/// another outdated term. (No SKOS tool checks this.)
struct ReplacementDeprecatedCheck: VocabularyCheck {
    let rule: RuleID = "replacement-deprecated"
    let severity = Severity.error
    let summary = "replacedBy names a concept that is not itself deprecated"

    func check(_ set: VocabularySet) -> [Finding] {
        set.keys.compactMap { key in
            guard let replacement = set.replacement(of: key), replacement != key, set[replacement].isDeprecated else {
                return nil
            }
            // Replacements that go round in a circle are `replacement-cycle`'s finding.
            guard let end = Self.end(ofReplacementsFrom: replacement, in: set), end != key else { return nil }
            let onward = set[end].isDeprecated ? "" : "; point at '\(set[end].id)' directly"
            return diagnostic(
                "'\(set[key].id)' is replaced by '\(set[replacement].id)', which is deprecated itself\(onward)",
                concept: key, in: set)
        }
    }

    /// Where following replacements from `start` ends: the first concept that is not
    /// deprecated or has no replacement; `nil` when they go round in a circle.
    static func end(ofReplacementsFrom start: ConceptKey, in set: VocabularySet) -> ConceptKey? {
        var seen: Set<ConceptKey> = [start]
        var current = start
        while set[current].isDeprecated, let next = set.replacement(of: current), next != current {
            guard seen.insert(next).inserted else { return nil }
            current = next
        }
        return current
    }
}
