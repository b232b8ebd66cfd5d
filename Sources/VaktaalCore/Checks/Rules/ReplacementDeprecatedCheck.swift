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
            let onward = set[replacement].replacedBy.map { "; point at '\($0)' directly" } ?? ""
            return diagnostic(
                "'\(set[key].id)' is replaced by '\(set[replacement].id)', which is deprecated itself\(onward)",
                concept: key, in: set)
        }
    }
}
