import VaktaalCore

/// The three versions of a merge, with one identity per concept across them.
///
/// Concepts are the same when they have the same URI. With `matchingLabels`, concepts left
/// over are also the same when their preferred labels in the vocabulary language are equal:
/// a base concept paired with one of ours takes our URI as identity, else the URI of its
/// partner in theirs; their concepts take the identity of their partner in the base, else
/// the URI of their partner in ours.
struct MergeSides: Sendable {
    let base: SyncSide
    let ours: SyncSide
    let theirs: SyncSide
    /// Whether any concept has an identity other than its own URI.
    let hasRenames: Bool

    init(base: VocabularySet, ours: VocabularySet, theirs: VocabularySet, matchingLabels: Bool) {
        guard matchingLabels else {
            let prepared = Parallel.mapEach(3) { SyncSide([base, ours, theirs][$0]) }
            (self.base, self.ours, self.theirs) = (prepared[0], prepared[1], prepared[2])
            hasRenames = false
            return
        }
        let baseToOurs = ConceptPairing(base, ours, matchingPreferredLabels: true)
        let baseToTheirs = ConceptPairing(base, theirs, matchingPreferredLabels: true)
        let theirsToOurs = ConceptPairing(theirs, ours, matchingPreferredLabels: true)
        var baseIdentity: [String: String] = [:]
        for pair in baseToOurs.paired { baseIdentity[base.uri(of: pair.old)] = ours.uri(of: pair.new) }
        for pair in baseToTheirs.paired where baseIdentity[base.uri(of: pair.old)] == nil {
            baseIdentity[base.uri(of: pair.old)] = theirs.uri(of: pair.new)
        }
        var theirsIdentity: [String: String] = [:]
        for pair in baseToTheirs.paired {
            let baseURI = base.uri(of: pair.old)
            theirsIdentity[theirs.uri(of: pair.new)] = baseIdentity[baseURI] ?? baseURI
        }
        for pair in theirsToOurs.paired where theirsIdentity[theirs.uri(of: pair.old)] == nil {
            theirsIdentity[theirs.uri(of: pair.old)] = ours.uri(of: pair.new)
        }
        let baseRenames = Self.renames(baseIdentity)
        let theirsRenames = Self.renames(theirsIdentity)
        let renames = [baseRenames, [:], theirsRenames]
        let prepared = Parallel.mapEach(3) { SyncSide([base, ours, theirs][$0], renames: renames[$0]) }
        (self.base, self.ours, self.theirs) = (prepared[0], prepared[1], prepared[2])
        hasRenames = !baseRenames.isEmpty || !theirsRenames.isEmpty
    }

    /// The identities that differ from the URI, each identity given to one URI only.
    private static func renames(_ identities: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        var taken = Set(identities.filter { $0.key == $0.value }.map(\.key))
        for (uri, identity) in identities.sorted(by: { $0.key < $1.key }) where uri != identity {
            guard taken.insert(identity).inserted else { continue }
            result[uri] = identity
        }
        return result
    }

    /// The version on one side.
    func side(_ side: MergeSide) -> SyncSide { side == .ours ? ours : theirs }
}
