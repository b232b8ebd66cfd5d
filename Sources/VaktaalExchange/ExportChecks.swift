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

    /// The elements and attributes of other namespaces in a vocabulary, which no exchange
    /// format has a place for (a partner's own data): what a round trip through an export loses.
    public struct UncarriedData: Sendable, Equatable {
        /// How many schemes, concepts, labels, notes, relations, mappings and metadata entries carry some.
        public let holders: Int
        /// Their qualified names (`p:code`, attributes as `@p:code`), sorted.
        public let names: [String]
    }

    /// What the exports leave out of `set`; `nil` when they carry it all. The XML namespace's
    /// own attributes (`xml:space`, `xml:base`) are no partner's data, and are not counted.
    public static func uncarriedData(in set: VocabularySet) -> UncarriedData? {
        var names: Set<String> = []
        var holders = 0
        func count(_ attributes: [ExtensionAttribute], _ elements: [ExtensionElement] = []) {
            let partners = attributes.filter { $0.namespaceURI != xmlNamespace }
            guard !partners.isEmpty || !elements.isEmpty else { return }
            holders += 1
            for element in elements { names.insert(qualifiedName(element.prefix, element.localName)) }
            for attribute in partners { names.insert("@" + qualifiedName(attribute.prefix, attribute.localName)) }
        }
        for vocabulary in set.vocabularies {
            count(vocabulary.extensionAttributes, vocabulary.extensions)
            for entry in vocabulary.metadata { count(entry.extensionAttributes) }
            for concept in vocabulary.concepts {
                count(concept.extensionAttributes, concept.extensions)
                for label in concept.labels { count(label.extensionAttributes) }
                for note in concept.notes { count(note.extensionAttributes) }
                for relation in concept.relations { count(relation.extensionAttributes) }
                for mapping in concept.mappings { count(mapping.extensionAttributes) }
            }
        }
        return holders == 0 ? nil : UncarriedData(holders: holders, names: names.sorted())
    }

    private static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

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
