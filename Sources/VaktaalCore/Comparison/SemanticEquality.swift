/// Concepts of two loaded vocabularies paired by identity: the same URI is the same
/// concept, whichever file or position it has.
public struct ConceptPairing: Sendable {
    /// Concepts present on both sides, as (old key, new key), in the new side's order.
    public let paired: [(old: ConceptKey, new: ConceptKey)]
    /// Concepts only the old side has, in its order.
    public let removed: [ConceptKey]
    /// Concepts only the new side has, in its order.
    public let added: [ConceptKey]

    /// Pairs the concepts of `old` and `new` by URI.
    public init(_ old: VocabularySet, _ new: VocabularySet) {
        var paired: [(old: ConceptKey, new: ConceptKey)] = []
        var added: [ConceptKey] = []
        var matched = Set<ConceptKey>()
        for key in new.keys {
            if let oldKey = old.key(forURI: new.uri(of: key)), matched.insert(oldKey).inserted {
                paired.append((oldKey, key))
            } else {
                added.append(key)
            }
        }
        self.paired = paired
        self.added = added
        removed = old.keys.filter { !matched.contains($0) }
    }
}

extension VocabularySet {
    /// The content of every concept, by URI.
    public var contentsByURI: [String: ConceptContent] {
        Dictionary(keys.map { ConceptContent($0, in: self) }.map { ($0.uri, $0) }) { first, _ in first }
    }

    /// Whether two sets say the same: the same schemes (by id, with the same metadata) and
    /// the same concepts (by URI, with the same content), however the files are laid out,
    /// ordered or commented.
    public func isSemanticallyEqual(to other: VocabularySet) -> Bool {
        let schemes = Dictionary(vocabularies.map { ($0.id, SchemeContent($0)) }) { first, _ in first }
        let otherSchemes = Dictionary(other.vocabularies.map { ($0.id, SchemeContent($0)) }) { first, _ in first }
        guard schemes == otherSchemes, count == other.count else { return false }
        return contentsByURI == other.contentsByURI
    }
}

extension Vocabulary {
    /// Whether two schemes say the same, each read on its own (relations resolved within
    /// the scheme); see ``VocabularySet/isSemanticallyEqual(to:)``.
    public func isSemanticallyEqual(to other: Vocabulary) -> Bool {
        VocabularySet([self]).isSemanticallyEqual(to: VocabularySet([other]))
    }
}
