/// Concepts of two loaded vocabularies paired by identity: the same URI is the same
/// concept, whichever file or position it has.
public struct ConceptPairing: Sendable {
    /// Concepts present on both sides, as (old key, new key), in the new side's order.
    public let paired: [(old: ConceptKey, new: ConceptKey)]
    /// Concepts only the old side has, in its order.
    public let removed: [ConceptKey]
    /// Concepts only the new side has, in its order.
    public let added: [ConceptKey]
    /// The new keys of the pairs made by preferred label rather than by URI.
    public let pairedByLabel: Set<ConceptKey>

    /// Pairs the concepts of `old` and `new` by URI.
    public init(_ old: VocabularySet, _ new: VocabularySet) {
        self.init(old, new, matchingPreferredLabels: false)
    }

    /// Pairs the concepts of `old` and `new` by URI and then, with `matchingPreferredLabels`,
    /// pairs concepts left over on both sides whose preferred labels in the language of their
    /// scheme (its `xml:lang`) are equal, as partners who gave a concept another id would
    /// have it. A label that more than one left-over concept of a side has pairs nothing.
    public init(_ old: VocabularySet, _ new: VocabularySet, matchingPreferredLabels: Bool) {
        var paired: [(old: ConceptKey, new: ConceptKey)] = []
        paired.reserveCapacity(new.count)
        var added: [ConceptKey] = []
        var matched = Array(repeating: false, count: old.count)
        for key in new.keys {
            let schemeURI = new.vocabularies[new.schemeIndex(of: key)].uri
            if let oldKey = old.key(schemeURI: schemeURI, id: new[key].id), !matched[oldKey.rawValue] {
                matched[oldKey.rawValue] = true
                paired.append((oldKey, key))
            } else {
                added.append(key)
            }
        }
        var removed = old.keys.filter { !matched[$0.rawValue] }
        var byLabel = Set<ConceptKey>()
        if matchingPreferredLabels, !removed.isEmpty, !added.isEmpty {
            let oldByLabel = Self.uniquePreferredLabels(of: removed, in: old)
            let newByLabel = Self.uniquePreferredLabels(of: added, in: new)
            var pairedOld = Set<ConceptKey>()
            for key in added {
                guard let label = Self.preferredLabel(of: key, in: new), let newKey = newByLabel[label], newKey == key,
                    let oldKey = oldByLabel[label]
                else { continue }
                paired.append((oldKey, key))
                pairedOld.insert(oldKey)
                byLabel.insert(key)
            }
            added.removeAll { byLabel.contains($0) }
            removed.removeAll { pairedOld.contains($0) }
        }
        self.paired = paired
        self.added = added
        self.removed = removed
        pairedByLabel = byLabel
    }

    /// The preferred label of a concept in its scheme's language.
    private static func preferredLabel(of key: ConceptKey, in set: VocabularySet) -> String? {
        set[key].preferredLabel(in: set.vocabulary(of: key).defaultLanguage ?? "")?.text
    }

    /// The keys by preferred label, leaving out labels that more than one of them has.
    private static func uniquePreferredLabels(of keys: [ConceptKey], in set: VocabularySet) -> [String: ConceptKey] {
        var result: [String: ConceptKey] = [:]
        var ambiguous = Set<String>()
        for key in keys {
            guard let label = preferredLabel(of: key, in: set) else { continue }
            if result.updateValue(key, forKey: label) != nil { ambiguous.insert(label) }
        }
        for label in ambiguous { result[label] = nil }
        return result
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
