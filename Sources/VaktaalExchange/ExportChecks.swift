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

    /// What the exports leave out of `set`, as a warning for the user; `nil` when they carry
    /// it all. No exchange format has a place for the elements and attributes of other
    /// namespaces that schemes and concepts may carry (a partner's own data), so a round trip
    /// through an export loses them: said, not done silently.
    public static func notCarried(in set: VocabularySet) -> String? {
        var names: Set<String> = []
        var holders = 0
        func note(_ elements: [ExtensionElement], _ attributes: [ExtensionAttribute]) {
            guard !elements.isEmpty || !attributes.isEmpty else { return }
            holders += 1
            for element in elements { names.insert(qualifiedName(element.prefix, element.localName)) }
            for attribute in attributes { names.insert("@" + qualifiedName(attribute.prefix, attribute.localName)) }
        }
        for vocabulary in set.vocabularies {
            note(vocabulary.extensions, vocabulary.extensionAttributes)
            for concept in vocabulary.concepts { note(concept.extensions, concept.extensionAttributes) }
        }
        guard holders > 0 else { return nil }
        let shown = names.sorted().prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
        let what = holders == 1 ? "1 scheme or concept has" : "\(holders) schemes and concepts have"
        return "warning: \(what) elements or attributes of other namespaces (\(shown)): exports do not carry them"
    }

    private static func qualifiedName(_ prefix: String?, _ localName: String) -> String {
        prefix.map { "\($0):\(localName)" } ?? localName
    }

    /// The errors that keep `loaded` from being exported, in file order.
    public static func errors(in loaded: LoadedVocabulary) -> [Finding] {
        let checks = VocabularyChecker.checks.filter { blockingRules.contains($0.rule) }
        let found = VocabularyChecker.run(checks, on: loaded.set).joined()
        return (loaded.diagnostics + found).filter { $0.severity == .error }.sorted()
    }
}
