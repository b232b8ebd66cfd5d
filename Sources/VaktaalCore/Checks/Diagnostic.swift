/// One problem found in a vocabulary folder by the reader or by `vaktaal check`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// The stable rule id, e.g. `dangling-reference`.
    public var rule: String
    /// Error, warning or info.
    public var severity: Severity
    /// What is wrong, in one sentence, lowercase, terms in quotes.
    public var message: String
    /// Where; `nil` only for problems of the folder as a whole.
    public var location: SourceLocation?
    /// The URI of the concept concerned, if any.
    public var concept: String?

    /// Creates a diagnostic.
    public init(rule: String, severity: Severity, message: String, location: SourceLocation?, concept: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.concept = concept
    }

    /// `path:line:column: severity: [rule] message`, like a compiler.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): [\(rule)] \(message)"
    }
}

extension Diagnostic: Comparable {
    /// Orders by file, line, column, then rule id and message, so output is deterministic.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = lhs.location ?? SourceLocation(path: "", line: 0, column: 0)
        let right = rhs.location ?? SourceLocation(path: "", line: 0, column: 0)
        if left != right { return left < right }
        return (lhs.rule, lhs.message) < (rhs.rule, rhs.message)
    }
}
