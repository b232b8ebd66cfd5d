import VaktaalCore

/// What keeps a vocabulary from being exported: read errors, and the errors of `vaktaal
/// check` that would come out as other data in the files, so that a partner's tools read
/// them differently or not at all. Other errors (a deprecated label without a replacement,
/// a preferred label two concepts share) are the editors' to mend, and export writes what
/// the files say.
public enum ExportChecks {
    /// The rules whose errors change what an export says: a duplicate id makes two concepts
    /// one, a dangling reference a link to nothing, a tag without tag syntax or a mapping uri
    /// that is no IRI a file RDF readers refuse.
    public static let blockingRules: Set<RuleID> = [
        "duplicate-id", "dangling-reference", "invalid-language-tag", "invalid-mapping-uri",
    ]

    /// The errors that keep `loaded` from being exported, in file order.
    public static func errors(in loaded: LoadedVocabulary) -> [Finding] {
        let checks = VocabularyChecker.checks.filter { blockingRules.contains($0.rule) }
        let found = VocabularyChecker.run(checks, on: loaded.set).joined()
        return (loaded.diagnostics + found).filter { $0.severity == .error }.sorted()
    }
}
