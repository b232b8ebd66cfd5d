/// Runs every rule of `vaktaal check` over a loaded folder.
public enum VocabularyChecker {
    /// Every rule, errors first. A test keeps this list complete.
    public static let checks: [any VocabularyCheck] = [
        DuplicateIDCheck(),
        DanglingReferenceCheck(),
        InvalidMappingURICheck(),
        BroaderCycleCheck(),
        MultiplePreferredLabelsCheck(),
        LabelKindClashCheck(),
        DuplicatePreferredLabelCheck(),
        OutdatedLabelIsAllowedCheck(),
        DeprecatedLabelWithoutReplacementCheck(),
        RelatedHierarchyClashCheck(),
        ExactMatchClashCheck(),
        ReplacementDeprecatedCheck(),
        ReplacementCycleCheck(),
        OverlappingLabelsCheck(),
        OrphanConceptCheck(),
        MissingDefinitionCheck(),
        MissingPreferredLabelCheck(),
        IncompleteLanguageCoverageCheck(),
        ReflexiveRelationCheck(),
        OneDirectionalRelationCheck(),
        HierarchicalRedundancyCheck(),
        MappingWithinSchemeCheck(),
        TopConceptWithBroaderCheck(),
        ReplacementOnActiveConceptCheck(),
        EmptyLabelCheck(),
        IrregularWhitespaceCheck(),
        ControlCharacterCheck(),
        InvalidLanguageTagCheck(),
        DuplicateNotationCheck(),
        MissingTopConceptsCheck(),
        URIWithoutSeparatorCheck(),
    ]

    /// The reader's problems and every rule's findings, sorted by file, line and column.
    ///
    /// The rules read one immutable set, so they run in parallel on all cores.
    public static func check(_ loaded: LoadedVocabulary) -> [Finding] {
        (loaded.diagnostics + run(checks, on: loaded.set).joined()).sorted()
    }

    /// Each check's findings on `set`, in the order of `checks`, each in the order it finds them.
    ///
    /// The checks run on all cores: the checks of the whole set one each, slowest first, then
    /// the ``ConceptCheck``s together, in one pass over each range of concepts, so that the
    /// cores finish together. That pass also gathers the label forms (``LabelForms``) that the
    /// ``LabelFormCheck``s then run on, one each.
    ///
    /// - Parameter focus: Look only for the findings a small change can have made (``CheckFocus``).
    package static func run(_ checks: [any VocabularyCheck], on set: VocabularySet, focus: CheckFocus? = nil) -> [[Finding]] {
        let conceptChecks = checks.indices.filter { checks[$0] is any ConceptCheck }
        // With a focus, a check of label forms looks at the focus's alone (or gathers them all itself).
        let formChecks = focus == nil ? checks.indices.filter { checks[$0] is any LabelFormCheck } : []
        func rank(_ index: Int) -> (Int, Int) { (slowestFirst.firstIndex(of: checks[index].rule) ?? slowestFirst.count, index) }
        let wholeSetChecks = checks.indices.filter { !(checks[$0] is any ConceptCheck) && !formChecks.contains($0) }
            .sorted { rank($0) < rank($1) }
        let visitors = conceptChecks.compactMap { checks[$0] as? any ConceptCheck }
        let formCheckers = formChecks.compactMap { checks[$0] as? any LabelFormCheck }
        // The concepts the concept checks visit: all, or the focus's.
        let visited = focus?.concepts.count ?? set.count
        @Sendable func concept(_ index: Int) -> ConceptKey { focus?.concepts[index] ?? ConceptKey(index) }
        let ranges = visitors.isEmpty && formChecks.isEmpty ? 0 : (visited + Self.rangeSize - 1) / Self.rangeSize
        let results = Parallel.mapEach(wholeSetChecks.count + ranges) {
            task -> (findings: [[Finding]], forms: [LabelForms.Form]) in
            guard task >= wholeSetChecks.count else {
                let check = checks[wholeSetChecks[task]]
                if let focus, let focusable = check as? any FocusableCheck { return ([focusable.check(set, focus: focus)], []) }
                return ([check.check(set)], [])
            }
            let start = (task - wholeSetChecks.count) * Self.rangeSize
            var findings = Array(repeating: [Finding](), count: visitors.count)
            var forms: [LabelForms.Form] = []
            for index in start..<min(visited, start + Self.rangeSize) {
                for (position, visitor) in visitors.enumerated() {
                    visitor.check(concept(index), in: set, into: &findings[position])
                }
                if !formChecks.isEmpty { LabelForms.gather(concept(index), in: set, into: &forms) }
            }
            return (findings, forms)
        }
        let forms = LabelForms(gathered: results.dropFirst(wholeSetChecks.count).map(\.forms))
        let formResults = Parallel.mapEach(formCheckers.count) { formCheckers[$0].check(set, forms: forms) }
        var findings = Array(repeating: [Finding](), count: checks.count)
        for (task, index) in wholeSetChecks.enumerated() { findings[index] = results[task].findings[0] }
        for (task, index) in formChecks.enumerated() { findings[index] = formResults[task] }
        for range in results.dropFirst(wholeSetChecks.count) {
            for (position, index) in conceptChecks.enumerated() { findings[index] += range.findings[position] }
        }
        return findings
    }

    /// How many concepts each task of the pass over the concepts takes.
    static let rangeSize = 4_096

    /// The rules that take longest on a large vocabulary (`vaktaal-bench --checks`), slowest first.
    private static let slowestFirst: [RuleID] = [
        "outdated-label-is-allowed", "overlapping-labels", "incomplete-language-coverage", "duplicate-preferred-label",
        "invalid-language-tag", "one-directional-relation", "related-hierarchy-clash",
    ]
}
