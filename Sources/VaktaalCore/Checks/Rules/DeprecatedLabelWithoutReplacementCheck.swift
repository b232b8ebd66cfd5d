/// A deprecated label has a preferred label in its language to offer instead (or, for a
/// regional one, in its broader language: ``Concept/preferredLabel(writing:)``, as lint
/// offers it), unless the whole concept is deprecated and names its replacement.
struct DeprecatedLabelWithoutReplacementCheck: ConceptCheck {
    let rule: RuleID = "deprecated-label-without-replacement"
    let severity = Severity.error
    let summary = "a deprecatedLabel has a prefLabel in its language (or the concept has replacedBy)"

    func check(_ key: ConceptKey, in set: VocabularySet, into findings: inout [Finding]) {
        // Read in place: most concepts have no deprecated label, and copying each concept costs more than looking.
        let labels = set[key].labels
        guard labels.contains(where: { $0.kind == .deprecated }) else { return }
        if set[key].isDeprecated, set[key].replacedBy != nil { return }
        for label in labels where label.kind == .deprecated && set[key].preferredLabel(writing: label.language) == nil {
            findings.append(
                diagnostic(
                    "deprecatedLabel '\(label.text)' has no prefLabel in '\(label.language)' to offer instead",
                    concept: key, in: set, at: label.position))
        }
    }
}
