import Synchronization
import VaktaalCore
import VaktaalXML

/// Lints documents against a vocabulary: reads the prose of a document, finds every term
/// with one matcher, lets each rule judge the terms, and gives findings with exact
/// positions in the original file. Safe to use from many threads at once.
public final class Linter: Sendable {
    /// Every rule, in the order findings of one place are listed. A test keeps it complete.
    public static let rules: [any LintRule] = [
        DeprecatedTermRule(), MisspellingRule(), DeprecatedConceptRule(), InconsistentTermRule(), AbbreviationFirstUseRule(),
    ]

    /// The rules whose fixes `--fix` applies.
    public static let fixableRules: Set<String> = ["deprecated-term", "misspelling", "deprecated-concept"]

    public let set: VocabularySet
    public let options: LintOptions
    private let entries: [IndexEntry]
    private let matchers = Mutex<[String: TermMatcher]>([:])

    public init(set: VocabularySet, options: LintOptions) {
        self.set = set
        self.options = options
        entries = LookupIndex.entries(of: set)
    }

    /// The matcher for a choice of languages, built once and then shared.
    func matcher(for languages: Set<String>?) -> TermMatcher {
        let key = languages.map { $0.sorted().joined(separator: ",") } ?? "*"
        if let known = matchers.withLock({ $0[key] }) { return known }
        let built = TermMatcher(set: set, entries: entries, languages: languages, allowed: options.allowed)
        matchers.withLock { $0[key] = built }
        return built
    }

    /// Lints one document.
    public func lint(_ bytes: [UInt8], path: String, format: DocumentFormat) -> LintFileResult {
        if let problem = DocumentCheck.problem(bytes) {
            return LintFileResult(path: path, findings: [], problem: problem)
        }
        let findings: [LintFinding] = bytes.withUnsafeBufferPointer { buffer in self.findings(in: buffer, format: format) }
        return LintFileResult(path: path, findings: findings, problem: nil, lineTexts: Self.lineTexts(of: findings, in: bytes))
    }

    /// The lines that findings are on, without their line ends.
    private static func lineTexts(of findings: [LintFinding], in bytes: [UInt8]) -> [Int: String] {
        var texts: [Int: String] = [:]
        for finding in findings where texts[finding.line] == nil {
            var start = finding.byteRange.lowerBound
            while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
            var end = finding.byteRange.lowerBound
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            texts[finding.line] = String(decoding: bytes[start..<end], as: UTF8.self)
        }
        return texts
    }

    private func findings(in bytes: UnsafeBufferPointer<UInt8>, format: DocumentFormat) -> [LintFinding] {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let document: ReadDocument
        switch format {
        case .text: document = PlainTextReader.read(bytes, start: start)
        case .markdown: document = MarkdownReader.read(bytes, start: start)
        case .html: document = HTMLReader.read(bytes, start: start)
        }
        let matcher = matcher(for: languages(for: document))
        // Matches come in source order, so one forward pass finds every position.
        var positions = PositionTracker(bytes: bytes)
        func position(_ offset: Int) -> (line: Int, column: Int) {
            let found = positions.position(at: offset)
            // A UTF-8 byte order mark is no character of the text.
            return (found.line, found.line == 1 && start == 3 ? found.column - 1 : found.column)
        }
        var terms: [FoundTerm] = []
        for segment in document.segments {
            for match in matches(in: segment, bytes, matcher) {
                guard case .label(let entry) = match.target else { continue }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[match.range]), as: UTF8.self)
                let (startPosition, endPosition) = (position(match.range.lowerBound), position(match.range.upperBound))
                terms.append(FoundTerm(range: match.range, text: text, entry: entry, start: startPosition, end: endPosition))
            }
        }
        let filter = DirectiveFilter(document.directives)
        var findings: [LintFinding] = []
        for rule in Self.rules {
            let configured = options.severities[rule.id]
            if let configured, configured == nil { continue }
            for finding in rule.findings(in: terms, set: set) where filter.allows(rule.id, line: finding.term.line) {
                let severity = configured.flatMap { $0 } ?? finding.labelSeverity ?? rule.defaultSeverity
                let term = finding.term
                findings.append(
                    LintFinding(
                        rule: rule.id, severity: severity, line: term.start.line, column: term.start.column,
                        endLine: term.end.line, endColumn: term.end.column,
                        match: finding.term.text, replacement: finding.replacement, concept: set.uri(of: finding.term.entry.concept),
                        message: finding.message, byteRange: finding.term.range))
            }
        }
        return findings.sorted { ($0.line, $0.column, $0.rule) < ($1.line, $1.column, $1.rule) }
    }

    private func languages(for document: ReadDocument) -> Set<String>? {
        switch options.languages {
        case .all: return nil
        case .fixed(let languages): return languages
        case .automatic(let fallback):
            guard let declared = document.declaredLanguage?.lowercased(), !declared.isEmpty else { return [fallback] }
            // "nl-NL" applies the "nl" labels too.
            let primary = declared.split(separator: "-").first.map(String.init) ?? declared
            return [declared, primary]
        }
    }

    /// Matches in a segment, with ranges in the source.
    private func matches(in segment: ProseSegment, _ bytes: UnsafeBufferPointer<UInt8>, _ matcher: TermMatcher) -> [TermMatch] {
        guard let decoded = segment.decoded, let offsets = segment.offsets else {
            return matcher.matches(in: bytes, range: segment.sourceRange)
        }
        return decoded.withUnsafeBufferPointer { buffer in
            matcher.matches(in: buffer, range: 0..<buffer.count).map { match in
                TermMatch(range: offsets[match.range.lowerBound]..<offsets[match.range.upperBound], target: match.target)
            }
        }
    }
}

/// Files the linter cannot read as text.
enum DocumentCheck {
    /// Why `bytes` is no text to lint, or `nil` when it is fine.
    static func problem(_ bytes: [UInt8]) -> String? {
        if bytes.prefix(8192).contains(0) { return "binary file (it contains NUL bytes)" }
        if bytes.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset) != nil { return "not UTF-8 text" }
        return nil
    }
}

/// Applies `vaktaal-disable`, `vaktaal-enable` and `vaktaal-disable-next-line`.
struct DirectiveFilter {
    private let directives: [InlineDirective]

    init(_ directives: [InlineDirective]) {
        self.directives = directives.sorted { $0.line < $1.line }
    }

    func allows(_ rule: String, line: Int) -> Bool {
        var disabled = false
        for directive in directives where directive.rules.isEmpty || directive.rules.contains(rule) {
            switch directive.kind {
            case .disable where directive.line <= line: disabled = true
            case .enable where directive.line <= line: disabled = false
            case .disableNextLine where directive.line + 1 == line || directive.line == line: return false
            default: break
            }
        }
        return !disabled
    }
}
