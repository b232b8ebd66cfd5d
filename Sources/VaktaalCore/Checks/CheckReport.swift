/// The result of `vaktaal check`: the files read, how many concepts they hold, and every
/// finding of the reader and of the rules, sorted by file, line and column.
public struct CheckReport: Sendable {
    /// The files read, in order.
    public let files: [String]
    /// How many concepts the folder holds.
    public let concepts: Int
    /// Every finding.
    public let findings: [Finding]
    /// Whether some file could not be read as XML at all.
    public let hasUnreadableFiles: Bool

    /// Checks a loaded folder with every rule.
    public init(_ loaded: LoadedVocabulary) {
        files = loaded.files
        concepts = loaded.set.count
        findings = VocabularyChecker.check(loaded)
        hasUnreadableFiles = loaded.hasUnreadableFiles
    }

    /// Every rule a check runs: the reader's, then the folder's.
    public static var rules: [RuleDescriptor] {
        ReaderRule.allCases.map { RuleDescriptor(id: $0.id, summary: $0.summary, defaultSeverity: $0.severity) }
            + VocabularyChecker.checks.map(\.descriptor)
    }

    /// How many findings are errors.
    public var errors: Int { findings.count { $0.severity == .error } }
    /// How many are warnings.
    public var warnings: Int { findings.count { $0.severity == .warning } }
    /// How many are infos.
    public var infos: Int { findings.count { $0.severity == .info } }

    /// The findings per file, in file order, for reporters that group by file; findings
    /// about the folder as a whole come first, under `folder`.
    public func findingsByFile(folder: String) -> [FileFindings] {
        var byPath: [String: [Finding]] = [:]
        for finding in findings { byPath[finding.location?.path ?? folder, default: []].append(finding) }
        var paths = files
        for path in byPath.keys.sorted() where !paths.contains(path) { paths.insert(path, at: 0) }
        return paths.map { FileFindings(path: $0, findings: byPath[$0] ?? []) }
    }

    /// `file:line:column: severity: [rule] message` lines and a summary.
    public var text: String {
        var output = findings.map { "\($0)\n" }.joined()
        let fileWord = files.count == 1 ? "file" : "files"
        output +=
            "\(files.count) \(fileWord), \(plural(concepts, "concept")): \(plural(errors, "error")), \(plural(warnings, "warning"))"
        output += infos > 0 ? ", \(plural(infos, "info"))\n" : "\n"
        return output
    }

    private func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    /// The JSON report: `version`, `files`, `diagnostics`, `summary`.
    public var json: String {
        struct Entry: Encodable {
            let rule: RuleID
            let severity: Severity
            let message: String
            let path: String?
            let line: Int?
            let column: Int?
            let concept: String?
        }
        struct Summary: Encodable {
            let files: Int
            let concepts: Int
            let errors: Int
            let warnings: Int
            let infos: Int
        }
        struct Document: Encodable {
            let version = 1
            let files: [String]
            let diagnostics: [Entry]
            let summary: Summary
        }
        let entries = findings.map {
            Entry(
                rule: $0.rule, severity: $0.severity, message: $0.message, path: $0.location?.path,
                line: $0.location?.line, column: $0.location?.column, concept: $0.concept)
        }
        let summary = Summary(files: files.count, concepts: concepts, errors: errors, warnings: warnings, infos: infos)
        return JSONOutput.encode(Document(files: files, diagnostics: entries, summary: summary))
    }
}
