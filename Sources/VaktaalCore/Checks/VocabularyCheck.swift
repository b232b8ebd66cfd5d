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

    /// A finding about a scheme as a whole, at the start of its file (the model keeps no
    /// place for the root element).
    func diagnostic(_ message: String, scheme vocabulary: Vocabulary) -> Finding {
        Finding(
            rule: rule, severity: severity, message: message,
            location: vocabulary.path.map { SourceLocation(path: $0, line: 1, column: 1) })
    }
}

/// How labels compare for clashes: as the linter would match them, ignoring case unless
/// both labels are case-sensitive.
struct LabelComparison {
    static func clash(_ first: String, _ firstCaseSensitive: Bool, _ second: String, _ secondCaseSensitive: Bool) -> Bool {
        if firstCaseSensitive && secondCaseSensitive { return first == second }
        if let equal = equalIgnoringASCIICase(first, second) { return equal }
        return first.lowercased() == second.lowercased()
    }

    /// Whether two texts are equal but for case, decided on their bytes where that is sure
    /// (lowercasing makes two new strings); `nil` when only Unicode can tell.
    ///
    /// Two ASCII texts are compared whole. Otherwise their ASCII starts are: ASCII characters
    /// lowercase to ASCII and start every canonical decomposition they are in, so two texts
    /// that differ, case aside, in an ASCII character both have at the same place after the
    /// same start are not equal however the rest reads.
    private static func equalIgnoringASCIICase(_ first: String, _ second: String) -> Bool? {
        first.withUTF8Bytes { left in
            second.withUTF8Bytes { right in
                func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
                for (a, b) in zip(left, right) {
                    guard a < 0x80, b < 0x80 else { return nil }
                    if folded(a) != folded(b) { return false }
                }
                guard left.allSatisfy({ $0 < 0x80 }), right.allSatisfy({ $0 < 0x80 }) else { return nil }
                return left.count == right.count
            }
        }
    }
}
