import VaktaalCore

/// What the merge decided for one concept.
enum Outcome: Sendable {
    /// Exactly the concept of one version (`0` base, `1` ours, `2` theirs, as in ``MergeState/assembler``).
    case kept(side: Int, key: ConceptKey)
    /// A content made of both sides' changes (boxed: few concepts are merged, and an outcome
    /// of each concept then takes a few words, not a whole content).
    indirect case merged(ConceptContent)
}

/// A merge in progress: what it decided for every concept and scheme, and the conflicts.
struct MergeState {
    let sides: MergeSides
    let winner: MergeSide
    /// What was read loading the versions, for reading the result back.
    let read: ReadParts
    /// Where the result read back is written ahead, if anywhere.
    /// (Let go of once ``finish()`` has it: a staging dropped unused removes its temporary
    /// file, which must not wait for the state to be freed on another thread.)
    var staging: MergeStaging?
    /// Every concept of the three versions as a job to decide.
    let jobs: ConceptJobs
    /// Per job, what the merge decided; `nil` when the concept is not in the result.
    var outcomes: [Outcome?] = []
    /// The merged schemes by id.
    var schemes: [String: SchemeContent] = [:]
    var conflicts: [MergeConflict] = []
    var summary = MergeSummary(fromOurs: 0, fromTheirs: 0, fromBoth: 0, conflicts: 0)

    /// Quick comparisons between the versions.
    let comparisons: (oursTheirs: QuickComparison, baseOurs: QuickComparison, baseTheirs: QuickComparison)

    init(sides: MergeSides, winner: MergeSide, read: ReadParts = ReadParts(), staging: MergeStaging? = nil) {
        self.sides = sides
        self.winner = winner
        self.read = read
        self.staging = staging
        comparisons = (
            QuickComparison(sides.ours, sides.theirs), QuickComparison(sides.base, sides.ours),
            QuickComparison(sides.base, sides.theirs)
        )
        jobs = ConceptJobs(sides)
        outcomes = Array(repeating: nil, count: jobs.count)
    }

    var loser: MergeSide { winner == .ours ? .theirs : .ours }

    /// The index of a side in ``assembler``'s versions.
    static func index(of side: MergeSide) -> Int { side == .ours ? 1 : 2 }

    /// What the result says about a concept, `nil` when it is not in the result.
    func content(_ identity: String) -> ConceptContent? {
        jobs.first(of: identity).flatMap(content(ofJob:))
    }

    /// What the result says about the concept of a job, `nil` when it is not in the result.
    func content(ofJob job: Int) -> ConceptContent? {
        switch outcomes[job] {
        case .kept(let side, let key): [sides.base, sides.ours, sides.theirs][side].content(at: key)
        case .merged(let content): content
        case nil: nil
        }
    }

    /// Sets what the result says about the concept with `identity` (about every concept of
    /// the identity, when a version repeats it).
    mutating func setOutcome(_ outcome: Outcome?, of identity: String) {
        for job in jobs.all(of: identity) { outcomes[job] = outcome }
    }

    // MARK: - Concepts

    /// Merges every concept of the three versions, deciding in parallel.
    mutating func mergeConcepts() {
        let decider = ConceptDecider(sides: sides, comparisons: comparisons, winner: winner)
        let work = jobs.list
        let decisions = Parallel.map(work.count) { decider.decide(work[$0]) }
        outcomes = decisions.map(\.outcome)
        for decision in decisions {
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
    /// placed after the concept they follow in their file. (A concept only the base has is
    /// never in the result: it is decided away, and a conflict only brings back the winner's.)
    func plan() -> AssemblyPlan {
        var order: [String] = []
        var slotOfID: [String: Int] = [:]
        for vocabulary in sides.ours.set.vocabularies + sides.theirs.set.vocabularies + sides.base.set.vocabularies
        where slotOfID[vocabulary.id] == nil {
            slotOfID[vocabulary.id] = order.count
            order.append(vocabulary.id)
        }
        // Per side (base, ours, theirs), per scheme of that side: the slot of its id in `order`.
        let versions = [sides.base.set, sides.ours.set, sides.theirs.set]
        let slots = versions.map { set in set.vocabularies.map { slotOfID[$0.id] ?? 0 } }
        func slot(_ side: Int, _ key: ConceptKey) -> Int { slots[side][versions[side].schemeIndex(of: key)] }
        var schemeJobs: [[Int]] = Array(repeating: [], count: order.count)
        for job in 0..<sides.ours.set.count where outcomes[job] != nil {
            schemeJobs[slot(1, ConceptKey(job))].append(job)
        }
        var insertions: [Int: [Int]] = [:]  // job of ours → jobs of their concepts that follow it
        var leading: [[Int]] = Array(repeating: [], count: order.count)  // per scheme: their concepts before any of ours
        var anchors: [Int?] = Array(repeating: nil, count: order.count)
        for (index, job) in jobs.ofTheirs.enumerated() where outcomes[job] != nil {
            let scheme = slot(2, ConceptKey(index))
            if let ourKey = jobs.list[job].ours {
                if slot(1, ourKey) == scheme { anchors[scheme] = job }
            } else if let anchor = anchors[scheme] {
                insertions[anchor, default: []].append(job)
            } else {
                leading[scheme].append(job)
            }
        }
        var schemes: [SchemePlan] = []
        for (slot, id) in order.enumerated() {
            var planned = leading[slot]
            for job in schemeJobs[slot] {
                planned.append(job)
                if let following = insertions[job] { planned += following }
            }
            guard let content = self.schemes[id] ?? (planned.isEmpty ? nil : fallbackScheme(id)) else { continue }
            let concepts = planned.compactMap { job -> ConceptPlan? in
                let identity = jobs.list[job].identity
                switch outcomes[job] {
                case .kept(let side, let key):
                    var plan = ConceptPlan(identity: identity, unchanged: ConceptTemplate(side: side, key: key))
                    plan.comments = editedComments(of: jobs.list[job], otherThan: side)
                    return plan
                case .merged(let content):
                    let template = template(of: jobs.list[job])
                    var plan = ConceptPlan(content, template: template)
                    plan.comments = editedComments(of: jobs.list[job], otherThan: template?.side)
                    return plan
                case nil: return nil
                }
            }
            schemes.append(SchemePlan(content: content, template: templateScheme(id), concepts: concepts))
        }
        return AssemblyPlan(schemes: schemes)
    }

    /// The concept of a job whose comments the result keeps, when it is not of `side` (the
    /// side the result's concept is written from): comments are no content, so they come from
    /// the side that changed them from the base's (what they say or where they stand), ours
    /// when both did (a merge is ours to write).
    private func editedComments(of job: ConceptDecider.Job, otherThan side: Int?) -> ConceptTemplate? {
        let base = job.base.map { sides.base.set[$0] }
        func edited(_ key: ConceptKey?, in set: VocabularySet) -> Bool {
            guard let key else { return false }
            let concept = set[key]
            return concept.leadingComments != base?.leadingComments ?? [] || concept.innerComments != base?.innerComments ?? []
        }
        let source: ConceptTemplate? =
            if edited(job.ours, in: sides.ours.set), let ours = job.ours {
                ConceptTemplate(side: 1, key: ours)
            } else if edited(job.theirs, in: sides.theirs.set), let theirs = job.theirs {
                ConceptTemplate(side: 2, key: theirs)
            } else {
                nil
            }
        return source?.side == side ? nil : source
    }

    /// The concept a job's concept is written from: ours, else theirs, else the base's.
    private func template(of job: ConceptDecider.Job) -> ConceptTemplate? {
        if let key = job.ours { return ConceptTemplate(side: 1, key: key) }
        if let key = job.theirs { return ConceptTemplate(side: 2, key: key) }
        return job.base.map { ConceptTemplate(side: 0, key: $0) }
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
