import VaktaalText

/// Identifies one concept of a ``VocabularySet``: its position in the set's flat order
/// (files in path order, concepts in source order).
public struct ConceptKey: Hashable, Sendable, Comparable {
    /// The flat index.
    public let rawValue: Int

    /// Wraps a flat index.
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    public static func < (lhs: ConceptKey, rhs: ConceptKey) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A folder of vocabulary files loaded as one immutable whole: references between
/// concepts are resolved, and broader/narrower and related are held in both directions.
public struct VocabularySet: Sendable {
    /// What the set holds, in one object: a copy of the set (and of every value that holds
    /// one) costs one retain, not one for each of its tables.
    private final class Parts: Sendable {
        let vocabularies: [Vocabulary]
        let resolver: ReferenceResolver
        let graph: ConceptGraph

        init(_ vocabularies: [Vocabulary]) {
            self.vocabularies = vocabularies
            resolver = ReferenceResolver(vocabularies)
            graph = ConceptGraph(vocabularies, resolver: resolver)
        }
    }

    private let parts: Parts

    /// Builds the set and resolves every reference it can.
    public init(_ vocabularies: [Vocabulary]) {
        parts = Parts(vocabularies)
    }

    /// The schemes, one per file, in path order.
    public var vocabularies: [Vocabulary] { _read { yield parts.vocabularies } }

    /// The resolved relations.
    public var graph: ConceptGraph { _read { yield parts.graph } }

    private var resolver: ReferenceResolver { _read { yield parts.resolver } }

    /// Every concept key, in flat order.
    public var keys: [ConceptKey] { (0..<count).map(ConceptKey.init) }

    /// How many concepts the set holds.
    public var count: Int { resolver.positions.count }

    /// The concept for a key (borrowed, not copied, when only a field is read).
    public subscript(key: ConceptKey) -> Concept {
        _read {
            let position = resolver.positions[key.rawValue]
            yield vocabularies[position.scheme].concepts[position.index]
        }
    }

    /// The scheme a concept belongs to.
    public func vocabulary(of key: ConceptKey) -> Vocabulary { vocabularies[schemeIndex(of: key)] }

    /// The index in ``vocabularies`` of the scheme a concept belongs to.
    public func schemeIndex(of key: ConceptKey) -> Int { resolver.positions[key.rawValue].scheme }

    /// The id of a concept's scheme. (It and the two below read the scheme in place; in
    /// another module, `vocabularies[index].id` copies the whole scheme, retaining all it holds.)
    public func schemeID(of key: ConceptKey) -> String { vocabularies[schemeIndex(of: key)].id }

    /// The URI of a concept's scheme.
    public func schemeURI(of key: ConceptKey) -> String { vocabularies[schemeIndex(of: key)].uri }

    /// The default language of a concept's scheme.
    public func schemeLanguage(of key: ConceptKey) -> String? { vocabularies[schemeIndex(of: key)].defaultLanguage }

    /// The index of a concept among its scheme's ``Vocabulary/concepts``.
    public func indexInScheme(of key: ConceptKey) -> Int { resolver.positions[key.rawValue].index }

    /// The full URI of a concept.
    public func uri(of key: ConceptKey) -> String {
        // The scheme is read in place: `vocabulary(of:)` would copy it, a retain for each of its parts.
        vocabularies[schemeIndex(of: key)].uri + self[key].id
    }

    /// The concept with this full URI, if the folder has it.
    public func key(forURI uri: String) -> ConceptKey? { resolver.key(forURI: uri) }

    /// The concept with the URI `schemeURI` + `id`, as ``key(forURI:)`` finds it, without
    /// making that URI when a scheme of this URI has the id.
    package func key(schemeURI: String, id: String) -> ConceptKey? { resolver.key(schemeURI: schemeURI, id: id) }

    /// The concepts whose id an earlier concept of their scheme has, in key order, each with
    /// the first concept of its id: found while the set was built.
    package var repeatedIDs: [(repeat: ConceptKey, first: ConceptKey)] { resolver.repeatedIDs }

    /// The concept that the plain id `id` names in the scheme at `schemeIndex` (the first of
    /// a repeated id).
    package func key(ofID id: String, inScheme schemeIndex: Int) -> ConceptKey? {
        resolver.keysByLocalID.indices.contains(schemeIndex) ? resolver.keysByLocalID[schemeIndex][id] : nil
    }

    /// Resolves a reference as written in a file of the scheme at `schemeIndex`: a full
    /// concept URI, `scheme:id` for another file of the folder, or a plain `id`.
    public func resolve(_ reference: String, fromScheme schemeIndex: Int) -> ConceptKey? {
        resolver.resolve(reference, fromScheme: schemeIndex)
    }

    /// Where in its file a concept (or, with `position`, a part of it) stands.
    public func location(of key: ConceptKey, at position: SourcePosition? = nil) -> SourceLocation? {
        guard let position = position ?? self[key].position else { return nil }
        return position.located(in: vocabulary(of: key).path ?? "")
    }

    /// The concept that replaces a deprecated one, resolved.
    public func replacement(of key: ConceptKey) -> ConceptKey? {
        guard let reference = self[key].replacedBy else { return nil }
        return resolve(reference, fromScheme: schemeIndex(of: key))
    }
}

/// Finds concepts by full URI, `scheme:id` or plain `id`.
struct ReferenceResolver: Sendable {
    /// For each flat concept key: the scheme index and the index inside that scheme.
    let positions: [(scheme: Int, index: Int)]
    /// Per scheme: its concepts by id (the first one when an id repeats).
    let keysByLocalID: [ConceptNameTable]
    /// The concepts whose id an earlier concept of their scheme has, in key order, each with
    /// the first concept of its id.
    let repeatedIDs: [(repeat: ConceptKey, first: ConceptKey)]
    /// Per scheme: its URI, which prefixes every concept URI of the scheme.
    let schemeURIs: [String]
    let schemeIndexByID: [String: Int]

    init(_ vocabularies: [Vocabulary]) {
        var positions: [(scheme: Int, index: Int)] = []
        positions.reserveCapacity(vocabularies.reduce(0) { $0 + $1.concepts.count })
        var keysByLocalID: [ConceptNameTable] = []
        var schemeIndexByID: [String: Int] = [:]
        var repeatedIDs: [(repeat: ConceptKey, first: ConceptKey)] = []
        for (schemeIndex, vocabulary) in vocabularies.enumerated() {
            if schemeIndexByID[vocabulary.id] == nil { schemeIndexByID[vocabulary.id] = schemeIndex }
            let first = positions.count
            for index in vocabulary.concepts.indices { positions.append((schemeIndex, index)) }
            var local = ConceptNameTable(capacity: vocabulary.concepts.count)
            for index in vocabulary.concepts.indices {
                let key = ConceptKey(first + index)
                if let earlier = local.insertIfAbsent(vocabulary.concepts[index].id, key) {
                    repeatedIDs.append((key, earlier))
                }
            }
            keysByLocalID.append(local)
        }
        self.positions = positions
        self.keysByLocalID = keysByLocalID
        self.repeatedIDs = repeatedIDs
        self.schemeIndexByID = schemeIndexByID
        schemeURIs = vocabularies.map(\.uri)
    }

    /// ``key(forURI:)`` of `schemeURI` + `id`: a scheme of that URI is asked for the id as it
    /// is; the URI is made only when another scheme's URI is a prefix of it.
    func key(schemeURI: String, id: String) -> ConceptKey? {
        var uri: String?
        for (scheme, candidate) in schemeURIs.enumerated() {
            if candidate == schemeURI {
                if let key = keysByLocalID[scheme][id] { return key }
                continue
            }
            let full = uri ?? schemeURI + id
            uri = full
            if let key = key(ofURI: full, inScheme: scheme) { return key }
        }
        return nil
    }

    /// The concept whose URI (its scheme's URI plus its id) is `uri`; the first scheme in
    /// path order wins when several could claim it.
    func key(forURI uri: String) -> ConceptKey? {
        for scheme in schemeURIs.indices {
            if let key = key(ofURI: uri, inScheme: scheme) { return key }
        }
        return nil
    }

    /// The concept of the scheme at index `scheme` whose URI is `uri`.
    private func key(ofURI uri: String, inScheme scheme: Int) -> ConceptKey? {
        schemeURIs[scheme].withUTF8Bytes { schemeURI in
            uri.withUTF8Bytes { uri in
                guard uri.count >= schemeURI.count, uri.prefix(schemeURI.count).elementsEqual(schemeURI) else { return nil }
                return keysByLocalID[scheme].concept(named: UnsafeBufferPointer(rebasing: uri[schemeURI.count...]))
            }
        }
    }

    func resolve(_ reference: String, fromScheme schemeIndex: Int) -> ConceptKey? {
        guard let offset = reference.withUTF8Bytes({ $0.firstIndex(of: UInt8(ascii: ":")) }) else {
            // A plain id: no URI or `scheme:id` has no colon.
            guard keysByLocalID.indices.contains(schemeIndex) else { return nil }
            return keysByLocalID[schemeIndex][reference]
        }
        if let key = key(forURI: reference) { return key }
        let colon = reference.utf8.index(reference.utf8.startIndex, offsetBy: offset)
        let scheme = String(Substring(reference.utf8[..<colon]))
        let id = String(Substring(reference.utf8[reference.utf8.index(after: colon)...]))
        guard let other = schemeIndexByID[scheme] else { return nil }
        return keysByLocalID[other][id]
    }
}
