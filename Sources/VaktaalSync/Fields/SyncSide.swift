import VaktaalCore

/// One version of a vocabulary as diff and merge compare it: every concept's identity (the
/// URI that pairs it with the other versions; its own URI unless it was paired by preferred
/// label with a concept of another id) and, when asked for, its content with its URI and
/// every URI it names replaced by identities, so that contents of different versions
/// compare directly. Contents are built only for the concepts that ``QuickComparison``
/// cannot settle: the few that changed.
final class SyncSide: Sendable {
    /// The loaded version.
    let set: VocabularySet
    /// Per concept key: its identity.
    let identities: [String]
    /// The concept with an identity.
    let keyByIdentity: ConceptNameTable
    /// URIs of this version that stand for another identity.
    let renames: [String: String]

    /// Prepares `set`, where the concepts whose URIs are keys of `renames` take the value as identity.
    init(_ set: VocabularySet, renames: [String: String] = [:]) {
        self.set = set
        self.renames = renames
        let identities = Parallel.map(set.count) { index in
            let uri = set.uri(of: ConceptKey(index))
            return renames.isEmpty ? uri : renames[uri] ?? uri
        }
        self.identities = identities
        var keys = ConceptNameTable(capacity: set.count)
        for index in identities.indices { keys.insertIfAbsent(identities[index], ConceptKey(index)) }
        keyByIdentity = keys
    }

    /// The content of a concept, in identities.
    func content(at key: ConceptKey) -> ConceptContent {
        let content = ConceptContent(key, in: set)
        return renames.isEmpty ? content : content.translated(identity: identities[key.rawValue], renames)
    }

    /// The content of the concept with `identity`, if this version has it.
    func content(_ identity: String) -> ConceptContent? {
        keyByIdentity[identity].map(content(at:))
    }

    /// The id of the scheme a concept belongs to.
    func schemeID(of key: ConceptKey) -> String { set.schemeID(of: key) }

    /// The identity a reference written in scheme `scheme` names, or the reference itself
    /// when it names no concept of this version (as ``ConceptContent`` keeps it).
    func identity(ofReference reference: String, fromScheme scheme: Int) -> String {
        guard let key = set.resolve(reference, fromScheme: scheme) else { return reference }
        return identities[key.rawValue]
    }

    /// The identity of a mapping target as written.
    func identity(of target: MappingTarget, fromScheme scheme: Int) -> String {
        switch target {
        case .uri(let uri): renames[uri] ?? uri
        case .reference(let reference): identity(ofReference: reference, fromScheme: scheme)
        }
    }
}

extension ConceptContent {
    /// The same content with `identity` as URI and every URI it names passed through `renames`.
    func translated(identity: String, _ renames: [String: String]) -> ConceptContent {
        func map(_ uris: Set<String>) -> Set<String> { Set(uris.map { renames[$0] ?? $0 }) }
        return ConceptContent(
            uri: identity, id: id, isTopConcept: isTopConcept, isDeprecated: isDeprecated,
            replacedBy: replacedBy.map { renames[$0] ?? $0 }, modified: modified, labels: labels, notes: notes,
            broader: map(broader), narrower: map(narrower), related: map(related),
            mappings: Set(mappings.map { MappingContent(kind: $0.kind, target: renames[$0.target] ?? $0.target) }),
            notations: notations, extensions: extensions, extensionAttributes: extensionAttributes)
    }

    /// The same content with another URI.
    func with(uri: String) -> ConceptContent {
        uri == self.uri ? self : translated(identity: uri, [:])
    }

    /// The preferred label in `language`, else the first preferred label, else the id.
    func displayName(in language: String?) -> String {
        let preferred = labels.filter { $0.kind == .preferred }
        return (preferred.first { $0.language == (language ?? "") } ?? preferred.first)?.text ?? id
    }
}
