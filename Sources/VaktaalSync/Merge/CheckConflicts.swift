import Foundation
import VaktaalCore

/// The rules of `vaktaal check` that make a vocabulary invalid, run on a merge result.
enum ErrorChecks {
    /// The error rules, or only those named; with a focus, only what it can have changed.
    static func run(_ set: VocabularySet, rules: Set<RuleID>? = nil, focus: CheckFocus? = nil) -> [Finding] {
        let checks = VocabularyChecker.checks.filter { $0.severity == .error && rules?.contains($0.rule) != false }
        return VocabularyChecker.run(checks, on: set, focus: focus).joined().filter { $0.severity == .error }
    }
}

/// What part of a concept a rule is about, so that only the edits that can have led to its
/// finding are undone.
private enum RuleScope {
    case labels, references, hierarchy, replacement, existence, everything

    init(_ rule: RuleID) {
        switch rule.rawValue {
        case "multiple-preferred-labels", "label-kind-clash", "duplicate-preferred-label", "outdated-label-is-allowed",
            "deprecated-label-without-replacement":
            self = .labels
        case "dangling-reference": self = .references
        case "broader-cycle": self = .hierarchy
        case "replacement-deprecated", "replacement-cycle": self = .replacement
        case "duplicate-id": self = .existence
        default: self = .everything
        }
    }

    /// Whether whole concepts coming or going can have led to the finding.
    var includesExistence: Bool {
        switch self {
        case .references, .replacement, .existence, .everything: true
        case .labels, .hierarchy: false
        }
    }

    /// Whether `field` can have led to the finding.
    func covers(_ field: SyncField, labelTexts: Set<String>?) -> Bool {
        switch (self, field) {
        case (.labels, .label(_, let text, _)): labelTexts.map { $0.contains(text.lowercased()) } ?? true
        case (.labels, .deprecated), (.labels, .replacedBy): labelTexts == nil
        case (.references, .relation), (.references, .replacedBy), (.references, .mappings): true
        case (.hierarchy, .relation): true
        case (.replacement, .replacedBy), (.replacement, .deprecated): true
        case (.everything, _): field != .concept
        default: false
        }
    }
}

extension MergeState {
    /// Assembles the result and settles the errors of `vaktaal check` that it has and neither
    /// side had on its own: the loser's edits to the concepts concerned are undone and
    /// recorded as conflicts naming both sides' edits, until no such error is left. The
    /// result is read back (``ReadBack``), and staged, while it is checked and its errors are
    /// compared with those of each side.
    ///
    /// - Returns: The merged vocabularies and their files, read back.
    /// - Throws: ``MergeError/resultNotReadable(problems:)``.
    mutating func finish() throws(MergeError) -> (vocabularies: [Vocabulary], files: [MergedFile]) {
        let (assembler, read, staging, sides) = (self.assembler, self.read, self.staging, self.sides)
        // The state holds the staging no longer: it may be freed on another thread afterwards.
        self.staging = nil
        var baseline = ErrorBaseline(sides: sides)
        var plan = self.plan()
        var assembly = assembler.assembled(plan)
        for _ in 0..<8 {
            let (current, focus, known) = (assembly.vocabularies, checkFocus(assembly), baseline)
            let ((result, fresh, checked), files) = Parallel.both(
                {
                    // Only what the result does not keep of ours as written can hold an error ours did not have.
                    let set = VocabularySet(current)
                    var checked = known
                    let errors = ErrorChecks.run(set, focus: focus)
                    guard !errors.isEmpty else { return (set, [Finding](), checked) }
                    // Only errors about a concept can be settled (each concept of the result has an
                    // identity); most results only have errors both sides had, and the identities are
                    // gathered below only when one is new.
                    let candidates = errors.filter { $0.concept != nil }
                    checked.prepare(rules: Set(candidates.map(\.rule)))
                    let fresh = candidates.filter { !checked.contains(ErrorKey($0, in: set), rule: $0.rule) }
                    return (set, fresh, checked)
                },
                {
                    let writings = schemeWritings(assembly)
                    return Result { () throws(MergeError) in
                        try ReadBack.verify(current, writings: writings, after: read, staging: staging)
                    }
                })
            baseline = checked
            guard !fresh.isEmpty else {
                BackgroundRelease.release((result, consume assembly, consume plan))
                return (current, try files.get())
            }
            let identities = Self.identities(of: plan, sides: sides)
            guard settle(fresh, identities: identities, in: result) else {
                recordUnsettled(fresh, identities: identities)
                return (current, try files.get())
            }
            plan = self.plan()
            assembly = assembler.assembled(plan)
        }
        let writings = schemeWritings(assembly)
        return (
            assembly.vocabularies, try ReadBack.verify(assembly.vocabularies, writings: writings, after: read, staging: staging)
        )
    }

    /// The identity of each concept of the result, by its URI there (of a URI the result
    /// repeats, the last concept's).
    private static func identities(of plan: AssemblyPlan, sides: MergeSides) -> [String: String] {
        var result: [String: String] = [:]
        result.reserveCapacity(plan.schemes.reduce(0) { $0 + $1.concepts.count })
        let versions = [sides.base, sides.ours, sides.theirs]
        for scheme in plan.schemes {
            let schemeURI = scheme.content.uri
            // The ids are found on all cores; the dictionary is filled in order (the last concept of a URI wins).
            let ids = Parallel.map(scheme.concepts.count) { index -> String in
                let concept = scheme.concepts[index]
                return concept.content?.id ?? concept.template.map { versions[$0.side].set[$0.key].id } ?? ""
            }
            for (concept, id) in zip(scheme.concepts, ids) { result[schemeURI + id] = concept.identity }
        }
        return result
    }

    /// Undoes the loser's edits behind each finding; `false` when there were none to undo.
    private mutating func settle(_ findings: [Finding], identities: [String: String], in result: VocabularySet) -> Bool {
        var changed = false
        var labelIndex: [String: Set<String>]?
        for finding in findings {
            guard let uri = finding.concept, let identity = identities[uri] else { continue }
            let scope = RuleScope(finding.rule)
            var involved: [String: Set<String>?] = [identity: nil]
            if scope != .labels {
                for neighbour in neighbours(of: identity) where involved[neighbour] == nil { involved[neighbour] = .some(nil) }
            }
            if scope == .hierarchy {
                for member in cycle(through: uri, in: result, identities) where involved[member] == nil {
                    involved[member] = .some(nil)
                }
            }
            if scope == .labels {
                let index = labelIndex ?? Self.labelIndex(result, identities)
                labelIndex = index
                let texts = Set((content(identity)?.labels ?? []).map { $0.text.lowercased() })
                for text in texts {
                    for other in index[text] ?? [] where other != identity { involved[other] = .some(texts) }
                }
            }
            let edits = self.edits(on: involved, scope: scope)
            // A conflict on another concept than the one the finding is on says which that is:
            // "is also the prefLabel of 'e'", said of 'd', is recorded on 'e' too.
            let aboutID = result.key(forURI: uri).map { result[$0].id }
            for (concept, texts) in involved.sorted(by: { $0.key < $1.key }) {
                let message = concept == identity ? finding.message : "on '\(aboutID ?? uri)': \(finding.message)"
                changed =
                    undo(concept, scope: scope, labelTexts: texts, rule: finding.rule, message: message, edits: edits) || changed
            }
        }
        return changed
    }

    /// The concepts a concept's content names.
    private func neighbours(of identity: String) -> Set<String> {
        guard let content = content(identity) else { return [] }
        var result = content.broader.union(content.narrower).union(content.related)
        if let replacement = content.replacedBy { result.insert(replacement) }
        for mapping in content.mappings { result.insert(mapping.target) }
        return result
    }

    /// The concepts on a broader cycle through the concept with `uri` in the result.
    private func cycle(through uri: String, in result: VocabularySet, _ identities: [String: String]) -> [String] {
        guard let key = result.key(forURI: uri) else { return [] }
        return result.graph.ancestors(of: key).filter { result.graph.ancestors(of: $0).contains(key) }.compactMap {
            identities[result.uri(of: $0)]
        }
    }

    /// Every label text (lowercased) of the result, with the concepts that have it.
    private static func labelIndex(_ result: VocabularySet, _ identities: [String: String]) -> [String: Set<String>] {
        var index: [String: Set<String>] = [:]
        for key in result.keys {
            guard let identity = identities[result.uri(of: key)] else { continue }
            for label in result[key].labels { index[label.text.lowercased(), default: []].insert(identity) }
        }
        return index
    }

    /// The edits both sides made to the fields in scope of the involved concepts.
    private func edits(on involved: [String: Set<String>?], scope: RuleScope) -> [MergeEdit] {
        var edits: [MergeEdit] = []
        for (concept, texts) in involved.sorted(by: { $0.key < $1.key }) {
            let base = sides.base.content(concept)
            for side in MergeSide.allCases {
                let version = sides.side(side).content(concept)
                if (base == nil) != (version == nil) {
                    if scope.includesExistence { edits.append(MergeEdit(side: side, concept: concept, field: .concept)) }
                    continue
                }
                let (before, after) = (base.map(FieldSet.init) ?? FieldSet(), version.map(FieldSet.init) ?? FieldSet())
                for change in FieldChange.changes(from: before, to: after) where scope.covers(change.field, labelTexts: texts) {
                    edits.append(MergeEdit(side: side, concept: concept, field: change.field))
                }
            }
        }
        return edits
    }

    /// Undoes the loser's edits in scope on one concept, recording each as a conflict of
    /// `rule` that says `message`.
    private mutating func undo(
        _ identity: String, scope: RuleScope, labelTexts: Set<String>?, rule: RuleID, message: String, edits: [MergeEdit]
    ) -> Bool {
        let base = sides.base.content(identity)
        let winning = sides.side(winner).content(identity)
        let losing = sides.side(loser).content(identity)
        let current = content(identity)
        func record(_ field: SyncField, _ values: (base: SyncValue?, winning: SyncValue?, losing: SyncValue?)) {
            let (ours, theirs) = winner == .ours ? (values.winning, values.losing) : (values.losing, values.winning)
            conflicts.append(
                conceptConflict(
                    .check, identity, field: field, base: values.base, ours: ours, theirs: theirs, rule: rule,
                    message: message, edits: edits))
        }
        let lost = (
            base: base.map(SyncValue.concept), winning: winning.map(SyncValue.concept), losing: losing.map(SyncValue.concept)
        )
        if let current, winning == nil, base == nil {
            // The loser added the concept: taking it out undoes every edit it stands for.
            guard
                scope.includesExistence || FieldSet(current).fields.contains(where: { scope.covers($0, labelTexts: labelTexts) })
            else { return false }
            record(.concept, lost)
            setOutcome(nil, of: identity)
            return true
        }
        if current == nil, winning != nil, base != nil, losing == nil, scope.includesExistence,
            let key = sides.side(winner).keyByIdentity[identity]
        {
            record(.concept, lost)
            setOutcome(.kept(side: Self.index(of: winner), key: key), of: identity)
            return true
        }
        guard let current, let winning else { return false }
        let (old, win, lose) = (base.map(FieldSet.init) ?? FieldSet(), FieldSet(winning), losing.map(FieldSet.init) ?? FieldSet())
        var fields = FieldSet(current)
        var changed = false
        for field in fields.fields.union(win.fields).union(lose.fields) where scope.covers(field, labelTexts: labelTexts) {
            let (was, now, lost) = (old.reportValue(field), fields.reportValue(field), lose.reportValue(field))
            guard lost != was, now != win.reportValue(field) else { continue }
            record(field, (was, win.reportValue(field), lost))
            fields.copy(field, from: win)
            changed = true
        }
        if changed { setOutcome(.merged(fields.concept(uri: identity)), of: identity) }
        return changed
    }

    /// Errors nothing could undo: recorded so that the person merging sees them.
    private mutating func recordUnsettled(_ findings: [Finding], identities: [String: String]) {
        for finding in findings {
            guard let uri = finding.concept, let identity = identities[uri] else { continue }
            conflicts.append(
                conceptConflict(
                    .check, identity, field: .concept, base: nil, ours: nil, theirs: nil, rule: finding.rule,
                    message: finding.message, edits: edits(on: [identity: nil], scope: RuleScope(finding.rule))))
        }
    }
}

/// What an error is about, however the concepts are ordered and wherever they stand: its
/// rule, its message with the quoted names and line numbers taken out, and those names with
/// the concept's id as a set (a cycle or a clash between two concepts is reported on whichever
/// comes first in the file; a concept of the result still has the position of the version it
/// comes from).
package struct ErrorKey: Hashable {
    let rule: RuleID
    let skeleton: String
    let names: Set<String>

    package init(_ finding: Finding, in set: VocabularySet) {
        rule = finding.rule
        var skeleton = ""
        var names = Set<String>()
        for (index, part) in finding.message.split(separator: "'", omittingEmptySubsequences: false).enumerated() {
            if index % 2 == 1 { names.insert(String(part)) } else { skeleton += part + "'" }
        }
        if let uri = finding.concept, let key = set.key(forURI: uri) { names.insert(set[key].id) }
        self.skeleton = Self.withoutLineNumbers(skeleton)
        self.names = names
    }

    /// The text with the number after each "line " taken out.
    static func withoutLineNumbers(_ text: String) -> String {
        let parts = text.components(separatedBy: "line ")
        return ([parts[0]] + parts.dropFirst().map { String($0.drop { $0.isASCII && $0.isNumber }) })
            .joined(separator: "line ")
    }
}

/// The errors each side had on its own, by rule: ours' for the rules of the result's errors
/// all at once (``prepare(rules:)``), theirs' only when a rule first needs them (for errors
/// ours did not have).
struct ErrorBaseline {
    let sides: MergeSides
    private var known: [MergeSide: [RuleID: Set<ErrorKey>]] = [:]

    init(sides: MergeSides) { self.sides = sides }

    /// Finds ours' errors of each of `rules` not known yet, the rules side by side.
    mutating func prepare(rules: Set<RuleID>) {
        let missing = rules.filter { known[.ours]?[$0] == nil }
        guard !missing.isEmpty else { return }
        let set = sides.ours.set
        var found = Dictionary(uniqueKeysWithValues: missing.map { ($0, Set<ErrorKey>()) })
        for finding in ErrorChecks.run(set, rules: missing) { found[finding.rule]?.insert(ErrorKey(finding, in: set)) }
        known[.ours, default: [:]].merge(found) { $1 }
    }

    /// Whether ours or theirs already had this error.
    mutating func contains(_ key: ErrorKey, rule: RuleID) -> Bool {
        MergeSide.allCases.contains { side in errors(side, rule).contains(key) }
    }

    private mutating func errors(_ side: MergeSide, _ rule: RuleID) -> Set<ErrorKey> {
        if let keys = known[side]?[rule] { return keys }
        let set = sides.side(side).set
        let keys = Set(ErrorChecks.run(set, rules: [rule]).map { ErrorKey($0, in: set) })
        known[side, default: [:]][rule] = keys
        return keys
    }
}
