import VaktaalCore

/// Whether concepts of two versions say the same, decided from what is written, without
/// building their contents: the same fields written in the same order (positions, comments
/// and how a language was declared aside), references that name the same concepts, and the
/// same concepts around them in the resolved graph. `true` means the contents are equal;
/// `false` only means that the contents must be compared (written in another order, say).
///
/// Most concepts of two versions of a vocabulary did not change, and this is what makes
/// diff and merge of 100,000 concepts cost little more than reading them. It reads the
/// model in place and allocates nothing.
struct QuickComparison: Sendable {
    let left: SyncSide
    let right: SyncSide
    /// The sides' sets and graphs, taken out once: read through a side, each comparison
    /// retained them, and both cores counting on the same objects made those counts the
    /// most costly part of deciding 100,000 concepts.
    private let leftSet: VocabularySet
    private let rightSet: VocabularySet
    private let leftGraph: ConceptGraph
    private let rightGraph: ConceptGraph
    /// For each pair of schemes (left index × right count + right index): whether their URIs are equal.
    private let schemesAlike: [Bool]
    private let rightSchemes: Int
    /// Concepts paired by label have other URIs: then only contents tell.
    private let usable: Bool

    /// A comparison of concepts of `left` with concepts of `right`.
    init(_ left: SyncSide, _ right: SyncSide) {
        self.left = left
        self.right = right
        (leftSet, rightSet) = (left.set, right.set)
        (leftGraph, rightGraph) = (left.set.graph, right.set.graph)
        rightSchemes = right.set.vocabularies.count
        schemesAlike = left.set.vocabularies.flatMap { scheme in right.set.vocabularies.map { $0.uri == scheme.uri } }
        usable = left.renames.isEmpty && right.renames.isEmpty
    }

    /// Whether the two concepts say the same (both absent counts as the same): quickly when
    /// the written form tells, else by comparing their contents.
    func same(_ leftKey: ConceptKey?, _ rightKey: ConceptKey?) -> Bool {
        guard let leftKey, let rightKey else { return leftKey == nil && rightKey == nil }
        return surelySame(leftKey, rightKey) || left.content(at: leftKey) == right.content(at: rightKey)
    }

    /// Whether the written form shows that the two concepts say the same.
    func surelySame(_ leftKey: ConceptKey, _ rightKey: ConceptKey) -> Bool {
        guard usable else { return false }
        let (leftScheme, rightScheme) = (leftSet.schemeIndex(of: leftKey), rightSet.schemeIndex(of: rightKey))
        guard schemesAlike[leftScheme * rightSchemes + rightScheme] else { return false }
        // The concepts are read in place, not copied (a copy retains each of their parts).
        guard leftSet[leftKey].isWrittenAlike(rightSet[rightKey]) else { return false }
        for mapping in leftSet[leftKey].mappings {
            if case .reference(let reference) = mapping.target,
                !sameTarget(
                    leftSet.resolve(reference, fromScheme: leftScheme), rightSet.resolve(reference, fromScheme: rightScheme))
            {
                return false
            }
        }
        if let replacement = leftSet[leftKey].replacedBy,
            !sameTarget(
                leftSet.resolve(replacement, fromScheme: leftScheme), rightSet.resolve(replacement, fromScheme: rightScheme))
        {
            return false
        }
        // The relations are written alike: when all of them name concepts on both sides, the
        // places below compare where they lead; else each must name one on both sides or on neither.
        if !leftGraph.resolvesAllRelations(of: leftKey) || !rightGraph.resolvesAllRelations(of: rightKey) {
            for relation in leftSet[leftKey].relations {
                let resolvedLeft = leftSet.resolve(relation.reference, fromScheme: leftScheme) != nil
                if resolvedLeft != (rightSet.resolve(relation.reference, fromScheme: rightScheme) != nil) { return false }
            }
        }
        return samePlaces(leftGraph.broader(of: leftKey), rightGraph.broader(of: rightKey))
            && samePlaces(leftGraph.narrower(of: leftKey), rightGraph.narrower(of: rightKey))
            && samePlaces(leftGraph.related(of: leftKey), rightGraph.related(of: rightKey))
    }

    /// Whether two resolved references name concepts of the same URI (or both name none).
    private func sameTarget(_ leftKey: ConceptKey?, _ rightKey: ConceptKey?) -> Bool {
        guard let leftKey, let rightKey else { return leftKey == nil && rightKey == nil }
        return sameURI(leftKey, rightKey)
    }

    /// Whether two concepts have the same URI: alike schemes, the same id.
    private func sameURI(_ leftKey: ConceptKey, _ rightKey: ConceptKey) -> Bool {
        schemesAlike[leftSet.schemeIndex(of: leftKey) * rightSchemes + rightSet.schemeIndex(of: rightKey)]
            && leftSet[leftKey].id == rightSet[rightKey].id
    }

    /// Whether two lists of neighbours name the same concepts, in any order.
    private func samePlaces(_ leftKeys: ArraySlice<ConceptKey>, _ rightKeys: ArraySlice<ConceptKey>) -> Bool {
        guard leftKeys.count == rightKeys.count else { return false }
        for leftKey in leftKeys where !rightKeys.contains(where: { sameURI(leftKey, $0) }) { return false }
        return true
    }
}
