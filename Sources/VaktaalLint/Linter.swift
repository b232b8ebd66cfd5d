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
    /// The matcher of the set's labels, shared by every linter of the set.
    private let matchIndex: MatchIndex

    /// A linter for `set` with `options`; `matchIndex` is the set's when it is known already
    /// (a ``CompiledVocabulary``'s, or one shared with other linters of the set). Its terms
    /// must name the concepts and labels of `set`: it is the index of `set`, or of the whole
    /// set that `set` is an excerpt of, renamed into it (``CompiledTerms/excerpt(naming:)``).
    public init(set: VocabularySet, options: LintOptions, matchIndex: MatchIndex? = nil) {
        self.set = set
        self.options = options
        self.matchIndex = matchIndex ?? MatchIndex(set)
    }

    /// The matcher of the set's labels and the allowed phrases of the options, made once and
    /// then shared: a thread that asks for it while it is made waits for it.
    var matcher: TermMatcher { matchIndex.matcher(allowing: options.allowed) }

    /// Lints one document; a document the reader cannot read gives its problem instead of
    /// findings.
    ///
    /// - Parameter quotingText: Whether the result carries the text of the lines (or office
    ///   paragraphs) that have findings, which only a report that shows them needs.
    public func lint(_ bytes: [UInt8], path: String, reader: any DocumentReader, quotingText: Bool = true) -> FileFindings {
        lint(SourceBytes(bytes), path: path, reader: reader, quotingText: quotingText)
    }

    /// Lints one document held in ``SourceBytes`` (a large file mapped, which a plain-text
    /// document is read in without a copy); a document the reader cannot read gives its
    /// problem instead of findings.
    ///
    /// - Parameter quotingText: Whether the result carries the text of the lines (or office
    ///   paragraphs) that have findings (``FileFindings/quotedLines``), which only a report
    ///   that shows them needs.
    public func lint(_ bytes: SourceBytes, path: String, reader: any DocumentReader, quotingText: Bool = true)
        -> FileFindings
    {
        lint(bytes, path: path, reader: reader, quotingText: quotingText, lettingGo: { _ in })
    }

    /// What a lint made on the way to its findings (the document read and its terms, the
    /// rules' verdicts and their order), handed over once the findings are made: a caller
    /// that lets go of it elsewhere or not at all (a command about to exit) does not wait for
    /// a large document's to be freed (at 100k concepts 75k terms and as many verdicts: some
    /// 3 ms on one core at the end of a lint). What it keeps it must bound itself.
    typealias LetGo = (any Sendable) -> Void

    /// ``lint(_:path:reader:quotingText:)``, handing what the lint made on the way to `lettingGo`.
    func lint(_ bytes: SourceBytes, path: String, reader: any DocumentReader, quotingText: Bool, lettingGo: LetGo)
        -> FileFindings
    {
        let matched = Self.matched(bytes, reader: reader, options: options, matcher: matcher)
        defer { lettingGo(matched) }
        return lint(
            matched, terms: matched.judgedTerms(renamedBy: nil), path: path, quotingText: quotingText, lettingGo: lettingGo)
    }

    /// Lints a document read and its terms found by the whole set's matcher, this linter's
    /// set holding every concept its judged terms name (the set, or an excerpt of it:
    /// ``MatchedDocument/namedConcepts``), handing what the lint made on the way to `lettingGo`.
    func lint(_ matched: MatchedDocument, path: String, quotingText: Bool, lettingGo: LetGo = { _ in }) -> FileFindings {
        lint(
            matched, terms: matched.judgedTerms(renamedBy: matcher), path: path, quotingText: quotingText, lettingGo: lettingGo)
    }

    /// The findings of `matched`, whose terms name the concepts of this linter's set as `terms`.
    private func lint(
        _ matched: MatchedDocument, terms: DocumentTerms, path: String, quotingText: Bool, lettingGo: LetGo
    ) -> FileFindings {
        let document: ReadDocument
        switch matched.document {
        case .success(let read): document = read
        case .failure(let problem): return FileFindings(path: path, findings: [], problem: problem)
        }
        let findings = findings(in: document, terms, path: path, lettingGo: lettingGo)
        let notices = Self.unknownRules(in: document.directives, path: path)
        if !quotingText { return FileFindings(path: path, findings: findings, notices: notices) }
        if document.paragraphs.isEmpty {
            return FileFindings(
                path: path, findings: findings, problem: nil, quotedLines: Self.lines(of: findings, in: document.text),
                placeTexts: [:], notices: notices)
        }
        return FileFindings(
            path: path, findings: findings, placeTexts: Self.placeTexts(of: findings, in: document), notices: notices)
    }

    /// A notice for each directive that is none (`vaktaal-ignore`) or names a rule there is
    /// none of: it disables nothing, which a person who mistyped it (`deprecated-terms`)
    /// would not see otherwise.
    static func unknownRules(in directives: [InlineDirective], path: String) -> [String] {
        guard !directives.isEmpty else { return [] }
        let known = Set(rules.map(\.id))
        return directives.flatMap { directive in
            if case .unknown(let word) = directive.kind {
                return [
                    "\(path):\(directive.line): warning: unknown directive '\(word)': it disables nothing (directives: "
                        + "vaktaal-disable, vaktaal-enable, vaktaal-disable-line, vaktaal-disable-next-line)"
                ]
            }
            return directive.rules.filter { !known.contains($0) }.sorted { $0.rawValue < $1.rawValue }.map { rule in
                "\(path):\(directive.line): warning: unknown rule '\(rule.rawValue)' in a vaktaal directive: it disables "
                    + "nothing (rules: \(known.map(\.rawValue).sorted().joined(separator: ", ")); a reason goes after '--')"
            }
        }
    }

    /// Lints one document of a format.
    public func lint(_ bytes: [UInt8], path: String, format: DocumentFormat) -> FileFindings {
        lint(bytes, path: path, reader: DocumentReaders.reader(for: format))
    }

    /// The document with the safe fixes of `findings` applied, and how many were; `options`
    /// must be those the findings were read with.
    public static func applyingFixes(
        _ findings: [Finding], to bytes: [UInt8], reader: any DocumentReader, options: ReadingOptions = .standard
    ) throws(DocumentProblem) -> (bytes: [UInt8], applied: Int) {
        let fixable = Set(rules.filter(\.canFix).map(\.id))
        let fixes = findings.filter { fixable.contains($0.rule) }.compactMap(\.fix)
        return try reader.applying(fixes, to: bytes, options: options)
    }

    /// A document of a format with the safe fixes of `findings` applied, and how many were.
    public static func applyingFixes(
        _ findings: [Finding], to bytes: [UInt8], format: DocumentFormat, options: ReadingOptions = .standard
    ) throws(DocumentProblem) -> (bytes: [UInt8], applied: Int) {
        try applyingFixes(findings, to: bytes, reader: DocumentReaders.reader(for: format), options: options)
    }

    /// The lines that findings (in line order) are on, without their line ends, and where they start.
    private static func lines(of findings: [Finding], in text: SourceBytes) -> QuotedLines {
        var lines = QuotedLines.Builder()
        // Each finding is looked at where it lies: taken out of the array, each of a million
        // would be copied.
        findings.withUnsafeBufferPointer { findings in
            text.withUnsafeBufferPointer { bytes in
                for index in findings.indices {
                    let place = findings[index].place
                    // In line order, each line once (a line out of order, which findings in order never have, is left out).
                    guard place.start.line > lines.lastLine ?? .min, let range = place.bytes else { continue }
                    let line = LineIndex.lineBounds(around: range.lowerBound, in: bytes)
                    lines.append(line: place.start.line, UnsafeBufferPointer(rebasing: bytes[line]), fileOffset: line.lowerBound)
                }
            }
        }
        return lines.lines
    }

    /// The paragraphs that findings are in, by place.
    private static func placeTexts(of findings: [Finding], in document: ReadDocument) -> [DocumentPlace: String] {
        let wanted = Set(findings.compactMap(\.documentPlace))
        var texts: [DocumentPlace: String] = [:]
        document.text.withUnsafeBufferPointer { text in
            for paragraph in document.paragraphs where wanted.contains(paragraph.place) {
                texts[paragraph.place] = String(decoding: UnsafeBufferPointer(rebasing: text[paragraph.range]), as: UTF8.self)
            }
        }
        return texts
    }

    private func findings(in document: ReadDocument, _ terms: DocumentTerms, path: String, lettingGo: LetGo) -> [Finding] {
        let context = JudgingContext(
            terms: terms, filter: DirectiveFilter(document.directives), byPlace: !document.paragraphs.isEmpty)
        let rules = Self.rules.filter { options.rules[$0.id] != .off }
        // The rules judge the terms each on their own: side by side when there are many.
        let judged =
            terms.terms.count >= Self.termsJudgedSideBySide
            ? Parallel.mapEach(rules.count) { judge(rules[$0], context) }
            : rules.map { judge($0, context) }
        let places = Self.places(of: judged)
        defer { lettingGo((terms, judged, places)) }
        return made(places, found: judged.map(\.findings), rules: rules, terms: terms, path: path)
    }

    /// Where each finding of the rules goes among the document's findings, in order: the
    /// rules' small records are put in order before any finding is made (a document may have
    /// a million). Each rule's findings are put in order of place, then the rules' lists are
    /// merged: the rule whose next finding comes first gives its findings up to the next
    /// finding of another rule (most often one rule gives a run of them).
    private static func places(of judged: [Judgment]) -> [(rule: Int, index: Int)] {
        // Each rule's findings in order: their indices and keys, one list after another.
        // (Plain loops: the ranges and tuples of the collection methods were taken through their
        // generic witnesses, some 200 instructions a finding.)
        let total = judged.reduce(0) { $0 + $1.keys.count }
        var indices: [Int] = []
        var keys: [OrderKey] = []
        indices.reserveCapacity(total)
        keys.reserveCapacity(total)
        // Where each rule's next finding is; a rule whose findings are all placed is left out.
        var next: [(rule: Int, at: Int)] = []
        var ends: [Int] = []
        for (rule, judgment) in judged.enumerated() {
            let start = indices.count
            let ruleKeys = judgment.keys
            // A rule most often gives its findings in order of place already.
            if zip(ruleKeys, ruleKeys.dropFirst()).contains(where: { $1 < $0 }) {
                indices.append(contentsOf: ruleKeys.indices.sorted { (ruleKeys[$0], $0) < (ruleKeys[$1], $1) })
            } else {
                for index in 0..<ruleKeys.count { indices.append(index) }
            }
            for index in start..<indices.count { keys.append(ruleKeys[indices[index]]) }
            ends.append(indices.count)
            if indices.count > start { next.append((rule, start)) }
        }
        var places: [(rule: Int, index: Int)] = []
        places.reserveCapacity(total)
        keys.withUnsafeBufferPointer { keys in
            while !next.isEmpty {
                // The rule whose next finding comes first, and the first key of another's (keys
                // differ between rules: they hold the rule's rank).
                var first = 0
                var limit: OrderKey?
                for candidate in next.indices.dropFirst() {
                    let key = keys[next[candidate].at]
                    if key < keys[next[first].at] {
                        limit = keys[next[first].at]
                        first = candidate
                    } else if limit.map({ key < $0 }) ?? true {
                        limit = key
                    }
                }
                let (rule, end) = (next[first].rule, ends[next[first].rule])
                var at = next[first].at
                repeat {
                    places.append((rule, indices[at]))
                    at += 1
                } while at < end && limit.map({ keys[at] < $0 }) ?? true
                if at == end { next.remove(at: first) } else { next[first].at = at }
            }
        }
        return places
    }

    /// The findings at `places` (of what `rules` found), in order, sharing what they say
    /// (``FindingMaker``). Those of a document with many are made side by side, in a part for
    /// each core.
    private func made(
        _ places: [(rule: Int, index: Int)], found: [[RuleFinding]], rules: [any LintRule], terms: DocumentTerms,
        path: String
    ) -> [Finding] {
        let configured = rules.map { rule -> Severity? in
            if case .severity(let severity) = options.rules[rule.id] { return severity }
            return nil
        }
        let found = FindingMaker.Found(
            findings: found, rules: rules, configuredSeverities: configured, terms: terms, set: set, path: path)
        // Each part makes its records once more: two parts at least, none smaller than a part.
        let parts =
            places.count >= 2 * Self.findingsInAPart ? min(Parallel.coreCount, places.count / Self.findingsInAPart) : 1
        @Sendable func maker() -> FindingMaker { FindingMaker(found) }
        return Parallel.map(places.count, chunks: parts, state: maker) { index, maker in maker.finding(at: places[index]) }
    }

    /// The fewest findings made in a part of their own: a document with twice as many has
    /// them made side by side (each part then makes the records its findings share once more).
    private static let findingsInAPart = 8_192

    /// A document with this many terms has its rules run side by side (fewer are judged
    /// faster than the cores are handed the work; a folder's files are linted on all cores anyway).
    private static let termsJudgedSideBySide = 4_096

    /// What every rule judging a document's terms reads.
    private struct JudgingContext: Sendable {
        let terms: DocumentTerms
        let filter: DirectiveFilter
        /// Whether findings are ordered by office document places instead of lines.
        let byPlace: Bool
    }

    /// What one rule found: its findings that the document's directives allow, and the key of
    /// each that places it among the document's findings.
    private struct Judgment: Sendable {
        let findings: [RuleFinding]
        let keys: [OrderKey]
    }

    /// What `rule` finds in the document's terms.
    private func judge(_ rule: any LintRule, _ context: JudgingContext) -> Judgment {
        let rank = Self.ruleRanks[rule.id] ?? 0
        let terms = context.terms.terms
        let found = rule.findings(in: context.terms, set: set)
        // Most documents have no directive: their findings are not copied (a rule may give a million).
        let findings =
            context.filter.allowsEverything
            ? found : found.filter { context.filter.allows(rule.id, line: terms[$0.termIndex].line) }
        let keys = findings.map { OrderKey(terms[$0.termIndex].place, byPlace: context.byPlace, rule: rank) }
        return Judgment(findings: findings, keys: keys)
    }

    /// The rules' ranks in the order of their ids, for sorting findings of one place.
    private static let ruleRanks: [RuleID: Int] = Dictionary(
        uniqueKeysWithValues: rules.map(\.id).sorted().enumerated().map { ($1, $0) })

    /// Where a finding goes among those of its document: by line and column (office
    /// documents, whose places name their part: in document order), then rule id.
    private struct OrderKey: Comparable, Sendable {
        let first: Int
        let second: Int
        let rule: Int

        init(_ place: SourceRange, byPlace: Bool, rule: Int) {
            first = byPlace ? place.bytes?.lowerBound ?? 0 : place.start.line
            second = byPlace ? 0 : place.start.column
            self.rule = rule
        }

        static func < (lhs: OrderKey, rhs: OrderKey) -> Bool {
            (lhs.first, lhs.second, lhs.rule) < (rhs.first, rhs.second, rhs.rule)
        }
    }
}

/// Applies `vaktaal-disable`, `vaktaal-enable`, `vaktaal-disable-line` and
/// `vaktaal-disable-next-line`.
struct DirectiveFilter: Sendable {
    private let directives: [InlineDirective]

    init(_ directives: [InlineDirective]) {
        self.directives = directives.sorted { $0.line < $1.line }
    }

    /// Whether there is no directive: every finding is allowed.
    var allowsEverything: Bool { directives.isEmpty }

    func allows(_ rule: RuleID, line: Int) -> Bool {
        var disabled = false
        for directive in directives where directive.rules.isEmpty || directive.rules.contains(rule) {
            switch directive.kind {
            case .disable where directive.line <= line: disabled = true
            case .enable where directive.line <= line: disabled = false
            case .disableLine where directive.line == line: return false
            case .disableNextLine where directive.line + 1 == line || directive.line == line: return false
            default: break
            }
        }
        return !disabled
    }
}
