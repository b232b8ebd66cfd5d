import Synchronization
import VaktaalCore
import VaktaalText

/// Lints documents against a vocabulary: reads the prose of a document, finds every term
/// with one matcher, lets each rule judge the terms, and gives findings with exact
/// positions in the original file. Safe to use from many threads at once.
public final class Linter: Sendable {
    /// Every rule, in the order findings of one place are listed. A test keeps it complete.
    public static let rules: [any LintRule] = [
        DeprecatedTermRule(), MisspellingRule(), DeprecatedConceptRule(), InconsistentTermRule(), AbbreviationFirstUseRule(),
    ]

    /// The rules, as reports describe them.
    public static var ruleDescriptors: [RuleDescriptor] { rules.map(\.descriptor) }

    public let set: VocabularySet
    public let options: LintOptions
    private let entries: [IndexEntry]
    private let matchers = Mutex<[String: TermMatcher]>([:])

    /// A linter for `set` with `options`.
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

    /// Lints one document; a document the reader cannot read gives its problem instead of findings.
    public func lint(_ bytes: [UInt8], path: String, reader: any DocumentReader) -> FileFindings {
        let document: ReadDocument
        do {
            document = try reader.read(bytes)
        } catch {
            return FileFindings(path: path, findings: [], problem: error)
        }
        let findings = document.text.withUnsafeBufferPointer { text in self.findings(in: document, text, path: path) }
        return FileFindings(path: path, findings: findings, lineTexts: Self.lineTexts(of: findings, in: document.text))
    }

    /// Lints one document of a format.
    public func lint(_ bytes: [UInt8], path: String, format: DocumentFormat) -> FileFindings {
        lint(bytes, path: path, reader: DocumentReaders.reader(for: format))
    }

    /// The document with the safe fixes of `findings` applied, and how many were.
    public static func applyingFixes(
        _ findings: [Finding], to bytes: [UInt8], reader: any DocumentReader
    ) throws(DocumentProblem) -> (bytes: [UInt8], applied: Int) {
        let fixable = Set(rules.filter(\.canFix).map(\.id))
        return try reader.applying(findings.filter { fixable.contains($0.rule) }.compactMap(\.fix), to: bytes)
    }

    /// A document of a format with the safe fixes of `findings` applied, and how many were.
    public static func applyingFixes(
        _ findings: [Finding], to bytes: [UInt8], format: DocumentFormat
    ) throws(DocumentProblem) -> (bytes: [UInt8], applied: Int) {
        try applyingFixes(findings, to: bytes, reader: DocumentReaders.reader(for: format))
    }

    /// The lines that findings are on, without their line ends.
    private static func lineTexts(of findings: [Finding], in text: [UInt8]) -> [Int: String] {
        var texts: [Int: String] = [:]
        text.withUnsafeBufferPointer { bytes in
            for finding in findings {
                guard let location = finding.location, texts[location.line] == nil, let range = location.range.bytes else {
                    continue
                }
                let line = LineIndex.lineBounds(around: range.lowerBound, in: bytes)
                texts[location.line] = String(decoding: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self)
            }
        }
        return texts
    }

    private func findings(in document: ReadDocument, _ text: UnsafeBufferPointer<UInt8>, path: String) -> [Finding] {
        let matcher = matcher(for: languages(for: document))
        let terms = foundTerms(in: document, text, matcher)
        let filter = DirectiveFilter(document.directives)
        var findings: [Finding] = []
        for rule in Self.rules {
            let setting = options.rules[rule.id]
            if setting == .off { continue }
            for finding in rule.findings(in: terms, set: set) where filter.allows(rule.id, line: finding.term.line) {
                var severity = finding.labelSeverity ?? rule.defaultSeverity
                if case .severity(let configured) = setting { severity = configured }
                let term = finding.term
                findings.append(
                    Finding(
                        rule: rule.id, severity: severity, message: finding.message,
                        location: SourceLocation(path: path, range: term.place),
                        concept: set.uri(of: term.entry.concept), match: term.text,
                        fix: finding.replacement.map { Fix(replacement: $0, range: term.place) }))
            }
        }
        return findings.sorted { left, right in
            let (a, b) = (left.location?.range.start ?? .start, right.location?.range.start ?? .start)
            return (a.line, a.column, left.rule) < (b.line, b.column, right.rule)
        }
    }

    /// Every term in the document's prose, in source order, with its place.
    private func foundTerms(
        in document: ReadDocument, _ text: UnsafeBufferPointer<UInt8>, _ matcher: TermMatcher
    ) -> [FoundTerm] {
        // A UTF-8 byte order mark is no character of the text.
        let hasByteOrderMark = text.starts(with: [0xEF, 0xBB, 0xBF])
        // Matches come in source order, so one forward pass finds every position.
        var lines = LineIndex(bytes: text)
        func position(_ offset: Int) -> SourcePosition {
            var found = lines.position(at: offset)
            if hasByteOrderMark, found.line == 1 { found.column -= 1 }
            return found
        }
        var terms: [FoundTerm] = []
        for segment in document.segments {
            for match in matches(in: segment, text, matcher) {
                guard case .label(let entry) = match.target else { continue }
                let source = String(decoding: UnsafeBufferPointer(rebasing: text[match.range]), as: UTF8.self)
                let place = SourceRange(
                    start: position(match.range.lowerBound), end: position(match.range.upperBound), bytes: match.range)
                terms.append(FoundTerm(place: place, range: match.range, text: source, entry: entry))
            }
        }
        return terms
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

/// Applies `vaktaal-disable`, `vaktaal-enable` and `vaktaal-disable-next-line`.
struct DirectiveFilter {
    private let directives: [InlineDirective]

    init(_ directives: [InlineDirective]) {
        self.directives = directives.sorted { $0.line < $1.line }
    }

    func allows(_ rule: RuleID, line: Int) -> Bool {
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
