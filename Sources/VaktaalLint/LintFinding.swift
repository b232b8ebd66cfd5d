import VaktaalCore

/// One problem in a document: where, which rule, what to write instead.
public struct LintFinding: Sendable, Hashable, Codable {
    /// The rule id, e.g. `deprecated-term`.
    public var rule: String
    public var severity: Severity
    /// 1-based line and column (code points) of the match; the end column is exclusive.
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The matched source text, exactly as written.
    public var match: String
    /// The safe fix, if there is one.
    public var replacement: String?
    /// The concept's URI.
    public var concept: String
    public var message: String
    /// The byte range of the match in the source (for fixes; not part of the JSON output).
    public var byteRange: Range<Int>

    enum CodingKeys: String, CodingKey {
        case rule, severity, line, column, endLine, endColumn, match, replacement, concept, message
    }

    public init(
        rule: String, severity: Severity, line: Int, column: Int, endLine: Int, endColumn: Int, match: String,
        replacement: String?, concept: String, message: String, byteRange: Range<Int>
    ) {
        self.rule = rule
        self.severity = severity
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.match = match
        self.replacement = replacement
        self.concept = concept
        self.message = message
        self.byteRange = byteRange
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rule = try container.decode(String.self, forKey: .rule)
        severity = try container.decode(Severity.self, forKey: .severity)
        line = try container.decode(Int.self, forKey: .line)
        column = try container.decode(Int.self, forKey: .column)
        endLine = try container.decode(Int.self, forKey: .endLine)
        endColumn = try container.decode(Int.self, forKey: .endColumn)
        match = try container.decode(String.self, forKey: .match)
        replacement = try container.decodeIfPresent(String.self, forKey: .replacement)
        concept = try container.decode(String.self, forKey: .concept)
        message = try container.decode(String.self, forKey: .message)
        byteRange = 0..<0
    }
}

/// The findings of one file, or why it could not be linted.
public struct LintFileResult: Sendable {
    public let path: String
    public let findings: [LintFinding]
    /// Why the file was skipped (unreadable, binary, not UTF-8), if it was.
    public let problem: String?
    /// The text of the lines that have findings, for reporters that show them.
    public let lineTexts: [Int: String]

    public init(path: String, findings: [LintFinding], problem: String?, lineTexts: [Int: String] = [:]) {
        self.path = path
        self.findings = findings
        self.problem = problem
        self.lineTexts = lineTexts
    }
}
