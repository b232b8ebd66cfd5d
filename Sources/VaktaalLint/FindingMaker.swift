import VaktaalCore

/// Makes a document's findings from what its rules found. The findings of one rule that share
/// a verdict on one variant of a term share what they say (``Finding/Said``): each is then its
/// place and one shared reference. A maker makes the findings of a run of places, in order;
/// the parts of a document with many are made side by side, each sharing records of its own.
struct FindingMaker {
    /// What the findings are made of.
    struct Found: Sendable {
        /// Each rule's findings, the rules' ids and severities (configured, or `nil`).
        let findings: [[RuleFinding]]
        let rules: [any LintRule]
        let configuredSeverities: [Severity?]
        let terms: DocumentTerms
        let set: VocabularySet
        let path: String
    }

    private let found: Found
    /// The terms of ``found``, held apart so that a finding made reads them without a copy of the array.
    private let terms: [FoundTerm]
    /// Each concept's URI: one string per concept named, shared by its findings.
    private var uris: [ConceptKey: String] = [:]
    /// What findings said, with the verdict they said it for.
    private var said: [(verdict: RuleVerdict, said: CopyOnWriteBox<Finding.Said>)] = []
    /// For each rule (that has findings), variant and fixability, the last of ``said``.
    private var lastSaid: [[Int]]

    init(_ found: Found) {
        self.found = found
        terms = found.terms.terms
        lastSaid = found.findings.map { $0.isEmpty ? [] : Array(repeating: -1, count: 2 * found.terms.variantCount) }
    }

    /// The finding of rule `place.rule` at `place.index` of its findings.
    mutating func finding(at place: (rule: Int, index: Int)) -> Finding {
        let finding = found.findings[place.rule][place.index]
        let termIndex = finding.termIndex
        let canFix = terms[termIndex].canFix
        let slot = 2 * terms[termIndex].variant + (canFix ? 1 : 0)
        var known = lastSaid[place.rule][slot]
        if known < 0 || said[known].verdict !== finding.verdict {
            let concept = terms[termIndex].entry.concept
            let uri = uris[concept] ?? found.set.uri(of: concept)
            uris[concept] = uri
            let rule = found.rules[place.rule]
            let shared = Finding.Said(
                rule: rule.id,
                severity: found.configuredSeverities[place.rule] ?? finding.labelSeverity ?? rule.defaultSeverity,
                message: finding.message, path: found.path, concept: uri, match: terms[termIndex].text,
                replacement: canFix ? finding.replacement : nil)
            known = said.count
            said.append((finding.verdict, CopyOnWriteBox(shared)))
            lastSaid[place.rule][slot] = known
        }
        return Finding(sharing: said[known].said, range: terms[termIndex].place, documentPlace: terms[termIndex].documentPlace)
    }
}
