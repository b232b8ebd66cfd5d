import VaktaalCore

extension VocabularyDiff {
    /// The changes that turn `old` into `new`.
    ///
    /// Concepts are paired by URI; with `matchingLabels`, concepts left over on both sides
    /// are paired when their preferred labels in the vocabulary language are equal, and
    /// references to them count as references to their partner. Schemes are paired by id.
    ///
    /// - Parameters:
    ///   - old: The earlier version.
    ///   - new: The later version.
    ///   - matchingLabels: Whether to pair concepts of other ids by preferred label.
    public init(from old: VocabularySet, to new: VocabularySet, matchingLabels: Bool = false) {
        let pairing = ConceptPairing(old, new, matchingPreferredLabels: matchingLabels)
        var renames: [String: String] = [:]
        for pair in pairing.paired where pairing.pairedByLabel.contains(pair.new) {
            renames[old.uri(of: pair.old)] = new.uri(of: pair.new)
        }
        let sharedRenames = renames
        let (oldSide, newSide) = Parallel.both({ SyncSide(old, renames: sharedRenames) }, { SyncSide(new) })
        let pairs = pairing.paired
        let comparison = QuickComparison(oldSide, newSide)
        let changed = Parallel.map(pairs.count) { index -> ConceptChange? in
            let (oldKey, newKey) = pairs[index]
            guard !comparison.surelySame(oldKey, newKey) else { return nil }
            let (before, after) = (oldSide.content(at: oldKey), newSide.content(at: newKey))
            guard before != after else { return nil }
            let changes = FieldChange.changes(from: FieldSet(before), to: FieldSet(after))
            guard !changes.isEmpty else { return nil }
            let (oldURI, newURI) = (old.uri(of: oldKey), new.uri(of: newKey))
            let byLabel = pairing.pairedByLabel.contains(newKey)
            return ConceptChange(
                change: .changed, uri: newURI, oldURI: byLabel && oldURI != newURI ? oldURI : nil,
                pairedBy: byLabel ? .preferredLabel : nil, id: after.id, scheme: newSide.schemeID(of: newKey),
                name: after.displayName(in: new.schemeLanguage(of: newKey)), changes: changes)
        }
        var concepts = changed.compactMap { $0 }
        for key in pairing.removed {
            let content = oldSide.content(at: key)
            concepts.append(
                ConceptChange(
                    change: .removed, uri: old.uri(of: key), id: content.id, scheme: oldSide.schemeID(of: key),
                    name: content.displayName(in: old.schemeLanguage(of: key)), concept: content))
        }
        for key in pairing.added {
            let content = newSide.content(at: key)
            concepts.append(
                ConceptChange(
                    change: .added, uri: new.uri(of: key), id: content.id, scheme: newSide.schemeID(of: key),
                    name: content.displayName(in: new.schemeLanguage(of: key)), concept: content))
        }
        concepts.sort { ($0.scheme, $0.uri, $0.change.rawValue) < ($1.scheme, $1.uri, $1.change.rawValue) }
        self.init(schemes: Self.schemeChanges(old, new), concepts: concepts)
    }

    /// The schemes added, removed and changed, by id.
    private static func schemeChanges(_ old: VocabularySet, _ new: VocabularySet) -> [SchemeChange] {
        let before = schemesByID(old)
        let after = schemesByID(new)
        var changes: [SchemeChange] = []
        for id in Set(before.keys).union(after.keys).sorted() {
            switch (before[id], after[id]) {
            case (let was?, let now?) where was != now:
                changes.append(
                    SchemeChange(change: .changed, id: id, changes: FieldChange.changes(from: FieldSet(was), to: FieldSet(now))))
            case (let was?, nil):
                changes.append(SchemeChange(change: .removed, id: id, scheme: was))
            case (nil, let now?):
                changes.append(SchemeChange(change: .added, id: id, scheme: now))
            default:
                break
            }
        }
        return changes
    }

    /// The content of each scheme of a set, by id (the first file wins when two share one).
    static func schemesByID(_ set: VocabularySet) -> [String: SchemeContent] {
        Dictionary(set.vocabularies.map { ($0.id, SchemeContent($0)) }) { first, _ in first }
    }
}
