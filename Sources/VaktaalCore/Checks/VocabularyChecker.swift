/// Runs every rule of `vaktaal check` over a loaded folder.
public enum VocabularyChecker {
    /// Every rule, errors first. A test keeps this list complete.
    public static let checks: [any VocabularyCheck] = [
        DuplicateIDCheck(),
        DanglingReferenceCheck(),
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
    ]

    /// The reader's problems and every rule's findings, sorted by file, line and column.
    ///
    /// The rules read one immutable set, so they run in parallel on all cores.
    public static func check(_ loaded: LoadedVocabulary) -> [Finding] {
        let results = Parallel.mapEach(checks.count) { checks[$0].check(loaded.set) }
        return (loaded.diagnostics + results.joined()).sorted()
    }
}
