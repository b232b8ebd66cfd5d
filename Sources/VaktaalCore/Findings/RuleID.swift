/// The stable id of a rule of `vaktaal check` or `vaktaal lint`, e.g. `dangling-reference`
/// or `deprecated-term`: what configuration files, inline directives and reports name.
public struct RuleID: RawRepresentable, Hashable, Sendable, Comparable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The id as written.
    public let rawValue: String

    /// Wraps an id.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps an id.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a rule is, for reports and documentation: its id, what it wants, how serious its
/// findings are by default, and whether it can fix them.
public struct RuleDescriptor: Hashable, Sendable {
    /// The stable id.
    public let id: RuleID
    /// One line saying what the rule wants.
    public let summary: String
    /// The severity unless a label or the configuration says otherwise.
    public let defaultSeverity: Severity
    /// Whether the rule's findings carry safe fixes.
    public let canFix: Bool

    /// Describes a rule.
    public init(id: RuleID, summary: String, defaultSeverity: Severity, canFix: Bool = false) {
        self.id = id
        self.summary = summary
        self.defaultSeverity = defaultSeverity
        self.canFix = canFix
    }
}

/// How a configuration sets a rule: switched off, or on at a severity.
public enum RuleSetting: Hashable, Sendable {
    /// The rule does not run.
    case off
    /// The rule runs and reports at this severity.
    case severity(Severity)

    /// Reads `off`, `error`, `warning` or `info`; `nil` for anything else.
    public init?(_ text: String) {
        if text == "off" {
            self = .off
        } else if let severity = Severity(rawValue: text) {
            self = .severity(severity)
        } else {
            return nil
        }
    }
}
