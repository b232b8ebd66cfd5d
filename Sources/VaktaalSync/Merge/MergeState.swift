import VaktaalCore

/// A merge in progress: the merged content of every concept and scheme, and the conflicts.
struct MergeState {
    let sides: MergeSides
    let winner: MergeSide
    /// The merged concepts by identity; a concept that is not in the result has no entry.
    var concepts: [String: ConceptContent] = [:]
    /// The merged schemes by id.
    var schemes: [String: SchemeContent] = [:]
    var conflicts: [MergeConflict] = []
    var summary = MergeSummary(fromOurs: 0, fromTheirs: 0, fromBoth: 0, conflicts: 0)

    init(sides: MergeSides, winner: MergeSide) {
        self.sides = sides
        self.winner = winner
    }

    var loser: MergeSide { winner == .ours ? .theirs : .ours }

    // MARK: - Concepts

    /// Merges every concept of the three versions.
    mutating func mergeConcepts() {
        concepts.reserveCapacity(sides.ours.set.count + sides.theirs.set.count / 16)
        for (index, identity) in sides.ours.identities.enumerated() {
            merge(identity, ours: sides.ours.contents[index])
        }
        for (index, identity) in sides.theirs.identities.enumerated() where sides.ours.keyByIdentity[identity] == nil {
            merge(identity, ours: nil, theirs: sides.theirs.contents[index])
        }
        for (index, identity) in sides.base.identities.enumerated()
        where sides.ours.keyByIdentity[identity] == nil && sides.theirs.keyByIdentity[identity] == nil {
            merge(identity, ours: nil, theirs: nil, base: sides.base.contents[index])
        }
    }

    private mutating func merge(_ identity: String, ours: ConceptContent?) {
        merge(identity, ours: ours, theirs: sides.theirs.content(identity))
    }

    private mutating func merge(_ identity: String, ours: ConceptContent?, theirs: ConceptContent?) {
        merge(identity, ours: ours, theirs: theirs, base: sides.base.content(identity))
    }

    private mutating func merge(_ identity: String, ours: ConceptContent?, theirs: ConceptContent?, base: ConceptContent?) {
        if ours == theirs {
            concepts[identity] = ours
            if ours != base { summary.fromBoth += 1 }
        } else if base == theirs {
            concepts[identity] = ours
            summary.fromOurs += 1
        } else if base == ours {
            concepts[identity] = theirs
            summary.fromTheirs += 1
        } else if let base, ours == nil || theirs == nil {
            summary.fromBoth += 1
            let kept = winner == .ours ? ours : theirs
            concepts[identity] = kept
            conflicts.append(
                conceptConflict(
                    .deleted, identity, field: .concept, base: .concept(base), ours: ours.map(SyncValue.concept),
                    theirs: theirs.map(SyncValue.concept)))
        } else {
            summary.fromBoth += 1
            let (fields, found) = FieldMerge.merge(
                base: base.map(FieldSet.init) ?? FieldSet(), ours: ours.map(FieldSet.init) ?? FieldSet(),
                theirs: theirs.map(FieldSet.init) ?? FieldSet(), keep: winner)
            concepts[identity] = fields.concept(uri: identity)
            for conflict in found {
                conflicts.append(
                    conceptConflict(
                        .field, identity, field: conflict.field, attribute: conflict.attribute, base: conflict.base,
                        ours: conflict.ours, theirs: conflict.theirs))
            }
        }
    }

    /// A conflict about a concept, named by its id and preferred label in the result.
    func conceptConflict(
        _ kind: MergeConflict.Kind, _ identity: String, field: SyncField, attribute: String? = nil, base: SyncValue?,
        ours: SyncValue?, theirs: SyncValue?, rule: RuleID? = nil, message: String? = nil, edits: [MergeEdit] = []
    ) -> MergeConflict {
        let (scheme, language) = schemeAndLanguage(of: identity)
        let content =
            concepts[identity] ?? sides.ours.content(identity) ?? sides.theirs.content(identity)
            ?? sides.base.content(identity)
        return MergeConflict(
            kind: kind, scheme: scheme, concept: identity, id: content?.id, name: content?.displayName(in: language),
            field: field, attribute: attribute, base: base, ours: ours, theirs: theirs, kept: winner, rule: rule,
            message: message, edits: edits)
    }

    /// The scheme a concept belongs to in the result (ours, else theirs, else the base) and its language.
    func schemeAndLanguage(of identity: String) -> (scheme: String, language: String?) {
        for side in [sides.ours, sides.theirs, sides.base] {
            if let key = side.keyByIdentity[identity] {
                let vocabulary = side.set.vocabulary(of: key)
                return (vocabulary.id, vocabulary.defaultLanguage)
            }
        }
        return ("", nil)
    }

    // MARK: - Schemes

    /// Merges the schemes' own fields, by id.
    mutating func mergeSchemes() {
        let base = VocabularyDiff.schemesByID(sides.base.set)
        let ours = VocabularyDiff.schemesByID(sides.ours.set)
        let theirs = VocabularyDiff.schemesByID(sides.theirs.set)
        for id in Set(base.keys).union(ours.keys).union(theirs.keys).sorted() {
            let (old, left, right) = (base[id], ours[id], theirs[id])
            if left == right || old == right {
                schemes[id] = left
            } else if old == left {
                schemes[id] = right
            } else if let old, left == nil || right == nil {
                schemes[id] = winner == .ours ? left : right
                conflicts.append(
                    MergeConflict(
                        kind: .deleted, scheme: id, field: .scheme, base: .scheme(old), ours: left.map(SyncValue.scheme),
                        theirs: right.map(SyncValue.scheme), kept: winner))
            } else {
                let (fields, found) = FieldMerge.merge(
                    base: old.map(FieldSet.init) ?? FieldSet(), ours: left.map(FieldSet.init) ?? FieldSet(),
                    theirs: right.map(FieldSet.init) ?? FieldSet(), keep: winner)
                schemes[id] = fields.scheme(id: id)
                for conflict in found {
                    conflicts.append(
                        MergeConflict(
                            kind: .field, scheme: id, field: conflict.field, attribute: conflict.attribute,
                            base: conflict.base, ours: conflict.ours, theirs: conflict.theirs, kept: winner))
                }
            }
        }
    }

    // MARK: - The plan

    /// The result as schemes of concepts in order: our order, with concepts only they have
    /// placed after the concept they follow in their file.
    func plan() -> AssemblyPlan {
        var order: [String] = []
        var seen = Set<String>()
        for vocabulary in sides.ours.set.vocabularies + sides.theirs.set.vocabularies + sides.base.set.vocabularies
        where seen.insert(vocabulary.id).inserted {
            order.append(vocabulary.id)
        }
        var schemeConcepts: [String: [String]] = [:]
        var insertions: [String: [String]] = [:]  // identity of ours → their concepts that follow it
        var leading: [String: [String]] = [:]  // per scheme: their concepts before any of ours
        for (index, identity) in sides.ours.identities.enumerated() where concepts[identity] != nil {
            schemeConcepts[sides.ours.schemeID(of: ConceptKey(index)), default: []].append(identity)
        }
        var anchors: [String: String] = [:]
        for (index, identity) in sides.theirs.identities.enumerated() {
            let scheme = sides.theirs.schemeID(of: ConceptKey(index))
            if let ourKey = sides.ours.keyByIdentity[identity] {
                if concepts[identity] != nil, sides.ours.schemeID(of: ourKey) == scheme { anchors[scheme] = identity }
            } else if concepts[identity] != nil {
                if let anchor = anchors[scheme] {
                    insertions[anchor, default: []].append(identity)
                } else {
                    leading[scheme, default: []].append(identity)
                }
            }
        }
        var schemes: [SchemePlan] = []
        for id in order {
            var identities = leading[id] ?? []
            for identity in schemeConcepts[id] ?? [] { identities += [identity] + (insertions[identity] ?? []) }
            for (index, identity) in sides.base.identities.enumerated()
            where concepts[identity] != nil && sides.ours.keyByIdentity[identity] == nil
                && sides.theirs.keyByIdentity[identity] == nil && sides.base.schemeID(of: ConceptKey(index)) == id
            {
                identities.append(identity)
            }
            guard let content = self.schemes[id] ?? (identities.isEmpty ? nil : fallbackScheme(id)) else { continue }
            let concepts = identities.compactMap { identity in
                self.concepts[identity].map { ConceptPlan(content: $0, template: template(of: identity)) }
            }
            schemes.append(SchemePlan(content: content, template: templateScheme(id), concepts: concepts))
        }
        return AssemblyPlan(schemes: schemes)
    }

    /// The concept the result's concept is written from: ours, else theirs, else the base's.
    func template(of identity: String) -> ConceptTemplate? {
        if let key = sides.ours.keyByIdentity[identity] { return ConceptTemplate(side: 1, key: key) }
        if let key = sides.theirs.keyByIdentity[identity] { return ConceptTemplate(side: 2, key: key) }
        if let key = sides.base.keyByIdentity[identity] { return ConceptTemplate(side: 0, key: key) }
        return nil
    }

    private func templateScheme(_ id: String) -> Vocabulary? {
        for side in [sides.ours, sides.theirs, sides.base] {
            if let vocabulary = side.set.vocabularies.first(where: { $0.id == id }) { return vocabulary }
        }
        return nil
    }

    /// A scheme deleted by the merge that still has concepts (kept by a conflict): the winner's, else any side's.
    private func fallbackScheme(_ id: String) -> SchemeContent? {
        let order = winner == .ours ? [sides.ours, sides.theirs, sides.base] : [sides.theirs, sides.ours, sides.base]
        return order.lazy.compactMap { $0.set.vocabularies.first { $0.id == id } }.first.map(SchemeContent.init)
    }

    /// The assembler over the three versions: ours kept as written, theirs too when no
    /// concept was paired by label (their references then name the same concepts).
    var assembler: Assembler {
        Assembler(sides: [sides.base, sides.ours, sides.theirs], verbatimSides: sides.hasRenames ? [1] : [1, 2])
    }
}
