import VaktaalText

/// One rule of `vaktaal check`: a stable id, a default severity and the examination of a
/// whole folder.
public protocol VocabularyCheck: Sendable {
    /// The stable rule id, e.g. `broader-cycle`.
    var rule: RuleID { get }
    /// Errors make a folder invalid; warnings and infos are quality advice.
    var severity: Severity { get }
    /// One line saying what the rule wants.
    var summary: String { get }
    /// Every violation in the folder.
    func check(_ set: VocabularySet) -> [Finding]
}

extension VocabularyCheck {
    /// The rule for reports.
    public var descriptor: RuleDescriptor { RuleDescriptor(id: rule, summary: summary, defaultSeverity: severity) }
}

extension VocabularyCheck {
    /// A diagnostic of this rule about a concept, at `position` or else the concept's own.
    func diagnostic(
        _ message: String, concept key: ConceptKey, in set: VocabularySet, at position: SourcePosition? = nil
    ) -> Finding {
        Finding(
            rule: rule, severity: severity, message: message, location: set.location(of: key, at: position),
            concept: set.uri(of: key))
    }
}

/// How labels compare for clashes: as the linter would match them, ignoring case unless
/// both labels are case-sensitive.
struct LabelComparison {
    static func clash(_ first: String, _ firstCaseSensitive: Bool, _ second: String, _ secondCaseSensitive: Bool) -> Bool {
        if firstCaseSensitive && secondCaseSensitive { return first == second }
        return first.lowercased() == second.lowercased()
    }
}
