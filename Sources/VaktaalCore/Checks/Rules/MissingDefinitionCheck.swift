/// Every concept in use has a definition (qSKOS "undocumented concepts").
struct MissingDefinitionCheck: ConceptCheck {
    let rule: RuleID = "missing-definition"
    let severity = Severity.warning
    let summary = "every concept that is not deprecated has a definition"

    func check(_ key: ConceptKey, in set: VocabularySet, into findings: inout [Finding]) {
        // Read in place: copying every concept (or filtering its notes) costs more than looking.
        guard !set[key].isDeprecated, !set[key].notes.contains(where: { $0.kind == .definition }) else { return }
        findings.append(diagnostic("'\(set[key].id)' has no definition", concept: key, in: set))
    }
}
