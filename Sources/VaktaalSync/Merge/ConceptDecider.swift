import VaktaalCore

/// The three-way decision for one concept, made without touching the merge's state, so that
/// all concepts are decided in parallel: from what is written when one side did not change
/// the concept, else from the contents, field by field.
struct ConceptDecider: Sendable {
    let sides: MergeSides
    let comparisons: (oursTheirs: QuickComparison, baseOurs: QuickComparison, baseTheirs: QuickComparison)
    let winner: MergeSide

    /// One concept's keys in the three versions.
    struct Job: Sendable {
        let identity: String
        let ours: ConceptKey?
        let theirs: ConceptKey?
        let base: ConceptKey?
    }

    /// Which sides changed a concept.
    enum Origin: Sendable {
        case neither, ours, theirs, both
    }

    /// What the merge decided for a concept.
    struct Decision: Sendable {
        var outcome: Outcome?
        var origin: Origin
        var conflicts: [MergeConflict] = []
    }

    /// The decision for one concept.
    func decide(_ job: Job) -> Decision {
        let (ours, theirs, base) = (job.ours, job.theirs, job.base)
        if comparisons.oursTheirs.same(ours, theirs) {
            return Decision(
                outcome: ours.map { .kept(side: 1, key: $0) }, origin: comparisons.baseOurs.same(base, ours) ? .neither : .both)
        }
        if comparisons.baseTheirs.same(base, theirs) {
            return Decision(outcome: ours.map { .kept(side: 1, key: $0) }, origin: .ours)
        }
        if comparisons.baseOurs.same(base, ours) {
            return Decision(outcome: theirs.map { .kept(side: 2, key: $0) }, origin: .theirs)
        }
        return mergeContents(
            job.identity, ours: ours.map(sides.ours.content(at:)), theirs: theirs.map(sides.theirs.content(at:)),
            base: base.map(sides.base.content(at:)), keys: (ours, theirs))
    }

    /// A concept both sides changed: deleted on one side, or merged field by field.
    private func mergeContents(
        _ identity: String, ours: ConceptContent?, theirs: ConceptContent?, base: ConceptContent?,
        keys: (ours: ConceptKey?, theirs: ConceptKey?)
    ) -> Decision {
        if let base, ours == nil || theirs == nil {
            let kept =
                winner == .ours ? keys.ours.map { Outcome.kept(side: 1, key: $0) } : keys.theirs.map { .kept(side: 2, key: $0) }
            let conflict = self.conflict(
                .deleted, identity, content: (winner == .ours ? ours : theirs) ?? ours ?? theirs ?? base, field: .concept,
                base: .concept(base), ours: ours.map(SyncValue.concept), theirs: theirs.map(SyncValue.concept))
            return Decision(outcome: kept, origin: .both, conflicts: [conflict])
        }
        let (fields, found) = FieldMerge.merge(
            base: base.map(FieldSet.init) ?? FieldSet(), ours: ours.map(FieldSet.init) ?? FieldSet(),
            theirs: theirs.map(FieldSet.init) ?? FieldSet(), keep: winner)
        let merged = fields.concept(uri: identity)
        let conflicts = found.map {
            conflict(
                .field, identity, content: merged, field: $0.field, attribute: $0.attribute, base: $0.base, ours: $0.ours,
                theirs: $0.theirs)
        }
        return Decision(outcome: .merged(merged), origin: .both, conflicts: conflicts)
    }

    /// A conflict about a concept, named by the id and preferred label of `content`.
    func conflict(
        _ kind: MergeConflict.Kind, _ identity: String, content: ConceptContent?, field: SyncField, attribute: String? = nil,
        base: SyncValue?, ours: SyncValue?, theirs: SyncValue?, rule: RuleID? = nil, message: String? = nil,
        edits: [MergeEdit] = []
    ) -> MergeConflict {
        let (scheme, language) = schemeAndLanguage(of: identity)
        let content = content ?? sides.ours.content(identity) ?? sides.theirs.content(identity) ?? sides.base.content(identity)
        return MergeConflict(
            kind: kind, scheme: scheme, concept: identity, id: content?.id, name: content?.displayName(in: language),
            field: field, attribute: attribute, base: base, ours: ours, theirs: theirs, kept: winner, rule: rule,
            message: message, edits: edits)
    }

    /// The scheme a concept belongs to in the result (ours, else theirs, else the base) and its language.
    func schemeAndLanguage(of identity: String) -> (scheme: String, language: String?) {
        for side in [sides.ours, sides.theirs, sides.base] {
            if let key = side.keyByIdentity[identity] { return (side.set.schemeID(of: key), side.set.schemeLanguage(of: key)) }
        }
        return ("", nil)
    }
}
