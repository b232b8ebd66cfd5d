import VaktaalCore

/// What the merge decided for one concept.
enum Outcome: Sendable {
    /// Exactly the concept of one version (`0` base, `1` ours, `2` theirs, as in ``MergeState/assembler``).
    case kept(side: Int, key: ConceptKey)
    /// A content made of both sides' changes.
    case merged(ConceptContent)
}

/// A merge in progress: what it decided for every concept and scheme, and the conflicts.
struct MergeState {
    let sides: MergeSides
    let winner: MergeSide
    /// What was read loading the versions, for reading the result back.
    let read: ReadParts
    /// The result's concepts by identity; a concept that is not in the result has no entry.
    var outcomes: [String: Outcome] = [:]
    /// The merged schemes by id.
    var schemes: [String: SchemeContent] = [:]
    var conflicts: [MergeConflict] = []
    var summary = MergeSummary(fromOurs: 0, fromTheirs: 0, fromBoth: 0, conflicts: 0)

    /// Quick comparisons between the versions.
    let comparisons: (oursTheirs: QuickComparison, baseOurs: QuickComparison, baseTheirs: QuickComparison)

    init(sides: MergeSides, winner: MergeSide, read: ReadParts = ReadParts()) {
        self.sides = sides
        self.winner = winner
        self.read = read
        comparisons = (
            QuickComparison(sides.ours, sides.theirs), QuickComparison(sides.base, sides.ours),
            QuickComparison(sides.base, sides.theirs)
        )
    }

    var loser: MergeSide { winner == .ours ? .theirs : .ours }

    /// The index of a side in ``assembler``'s versions.
    static func index(of side: MergeSide) -> Int { side == .ours ? 1 : 2 }

    /// What the result says about a concept, `nil` when it is not in the result.
    func content(_ identity: String) -> ConceptContent? {
        switch outcomes[identity] {
        case .kept(let side, let key): [sides.base, sides.ours, sides.theirs][side].content(at: key)
        case .merged(let content): content
        case nil: nil
        }
    }

    // MARK: - Concepts

    /// Merges every concept of the three versions, deciding in parallel.
    mutating func mergeConcepts() {
        let (base, ours, theirs) = (sides.base, sides.ours, sides.theirs)
        var jobs: [ConceptDecider.Job] = []
        jobs.reserveCapacity(ours.set.count + theirs.set.count / 16)
        for (index, identity) in ours.identities.enumerated() {
            jobs.append(
                .init(
                    identity: identity, ours: ConceptKey(index), theirs: theirs.keyByIdentity[identity],
                    base: base.keyByIdentity[identity]))
        }
        for (index, identity) in theirs.identities.enumerated() where ours.keyByIdentity[identity] == nil {
            jobs.append(.init(identity: identity, ours: nil, theirs: ConceptKey(index), base: base.keyByIdentity[identity]))
        }
        for (index, identity) in base.identities.enumerated()
        where ours.keyByIdentity[identity] == nil && theirs.keyByIdentity[identity] == nil {
            jobs.append(.init(identity: identity, ours: nil, theirs: nil, base: ConceptKey(index)))
        }
        let decider = ConceptDecider(sides: sides, comparisons: comparisons, winner: winner)
        let work = jobs
        let decisions = Parallel.map(work.count) { decider.decide(work[$0]) }
        outcomes.reserveCapacity(jobs.count)
        for (job, decision) in zip(jobs, decisions) {
            if let outcome = decision.outcome { outcomes[job.identity] = outcome }
            switch decision.origin {
            case .ours: summary.fromOurs += 1
            case .theirs: summary.fromTheirs += 1
            case .both: summary.fromBoth += 1
            case .neither: break
            }
            conflicts += decision.conflicts
        }
    }

    /// A conflict about a concept, named by its id and preferred label in the result.
    func conceptConflict(
        _ kind: MergeConflict.Kind, _ identity: String, field: SyncField, attribute: String? = nil, base: SyncValue?,
        ours: SyncValue?, theirs: SyncValue?, rule: RuleID? = nil, message: String? = nil, edits: [MergeEdit] = []
    ) -> MergeConflict {
        ConceptDecider(sides: sides, comparisons: comparisons, winner: winner).conflict(
            kind, identity, content: content(identity), field: field, attribute: attribute, base: base, ours: ours,
            theirs: theirs, rule: rule, message: message, edits: edits)
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
        for (index, identity) in sides.ours.identities.enumerated() where outcomes[identity] != nil {
            schemeConcepts[sides.ours.schemeID(of: ConceptKey(index)), default: []].append(identity)
        }
        var anchors: [String: String] = [:]
        for (index, identity) in sides.theirs.identities.enumerated() {
            let scheme = sides.theirs.schemeID(of: ConceptKey(index))
            if let ourKey = sides.ours.keyByIdentity[identity] {
                if outcomes[identity] != nil, sides.ours.schemeID(of: ourKey) == scheme { anchors[scheme] = identity }
            } else if outcomes[identity] != nil {
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
            where outcomes[identity] != nil && sides.ours.keyByIdentity[identity] == nil
                && sides.theirs.keyByIdentity[identity] == nil && sides.base.schemeID(of: ConceptKey(index)) == id
            {
                identities.append(identity)
            }
            guard let content = self.schemes[id] ?? (identities.isEmpty ? nil : fallbackScheme(id)) else { continue }
            let concepts = identities.compactMap { identity -> ConceptPlan? in
                switch outcomes[identity] {
                case .kept(let side, let key): ConceptPlan(identity: identity, unchanged: ConceptTemplate(side: side, key: key))
                case .merged(let content): ConceptPlan(content, template: template(of: identity))
                case nil: nil
                }
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
