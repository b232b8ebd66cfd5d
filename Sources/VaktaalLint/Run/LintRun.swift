import Dispatch
import Foundation
import Synchronization
import VaktaalConfig
import VaktaalCore

/// One run of the linter over files and folders, as `vaktaal lint` and the service do it:
/// folders walked for documents (hidden files, `.gitignore` names and the configuration's
/// `ignore` globs left out), each file linted with the settings of its nearest
/// `.vaktaal.toml`, in parallel on all cores, optionally fixed in place (written atomically,
/// then linted again), and the results in path order.
public struct LintRun: Sendable {
    /// What to lint and how.
    public struct Options: Sendable {
        /// Fix outdated terms and misspellings in place.
        public var fix: Bool
        /// The documents' language (`nl`, `nl,en`, `all`); `nil` for each file's configuration.
        public var language: String?
        /// Read every input as this format instead of going by the extension.
        public var inputFormat: DocumentFormat?
        /// Findings below this severity are left out.
        public var minimumSeverity: Severity
        /// Office documents: lint the descriptions (alternative text) of images too.
        public var includesAltText: Bool
        /// Whether results carry the text of the lines (or office paragraphs) that have
        /// findings, which the text report shows; other reports can leave it out.
        public var quotesText: Bool
        /// Whether what the run no longer needs (a decoded excerpt of thousands of concepts,
        /// documents' terms and mapped text) is left to the end of the process instead of freed
        /// in the background: for a command that exits once it has reported, so that freeing
        /// does not take the cores from the report. It is never freed: a process that runs more
        /// than one lint must leave this `false`.
        public var leavesMemoryToExit: Bool

        /// Options for a run.
        public init(
            fix: Bool = false, language: String? = nil, inputFormat: DocumentFormat? = nil, minimumSeverity: Severity = .info,
            includesAltText: Bool = false, quotesText: Bool = true, leavesMemoryToExit: Bool = false
        ) {
            self.fix = fix
            self.language = language
            self.inputFormat = inputFormat
            self.minimumSeverity = minimumSeverity
            self.includesAltText = includesAltText
            self.quotesText = quotesText
            self.leavesMemoryToExit = leavesMemoryToExit
        }
    }

    /// How the run lints.
    public let options: Options
    /// The terms the first pass for an excerpt keeps at most (all a document's terms count,
    /// the first uses no rule judges among them): past them, the documents left are linted
    /// with the whole vocabulary.
    private let keptTermsAtMost: Int
    private let resolver: LintConfigurationResolver
    private let vocabulary: Vocabulary

    /// The vocabulary terms are checked against.
    private enum Vocabulary: Sendable {
        /// A set in memory.
        case set(Linters)
        /// A compiled vocabulary whose concepts are decoded when the documents are known:
        /// only those their terms name when the documents are not large beside it, else all
        /// of them, once for the run (taking them apart is costly too).
        case compiled(CompiledTerms, whole: WholeSetLinters, decoding: ConceptDecoding)
    }

    /// How a run from a compiled vocabulary decodes its concepts.
    enum ConceptDecoding: Sendable {
        /// An excerpt for documents of less than four times the size of the encoded concepts
        /// (``keptDocumentsRatio``) with not too many terms, and no fixes; else the whole set.
        case bySize
        /// Always an excerpt (but for fixes).
        case excerpt
        /// Always the whole set.
        case whole
    }

    /// A run against `set`.
    public init(set: VocabularySet, options: Options) {
        self.options = options
        keptTermsAtMost = Self.keptTermsByDefault
        vocabulary = .set(Linters(set: set, matchIndex: MatchIndex(set)))
        resolver = LintConfigurationResolver(
            defaultLanguage: set.vocabularies.first?.defaultLanguage, language: options.language,
            includesAltText: options.includesAltText)
    }

    /// A run against a compiled vocabulary, whose term matcher is kept with it.
    public init(_ vocabulary: CompiledVocabulary, options: Options) {
        self.init(CompiledTerms(vocabulary), options: options)
    }

    /// A run against a compiled vocabulary, whose term matcher is kept with it. When the
    /// documents of a ``lint(_:progress:)`` or ``lint(document:named:configurationFolder:)``
    /// are not large beside the vocabulary (and not fixed), only the concepts their terms
    /// name are decoded from it.
    public init(_ terms: CompiledTerms, options: Options) {
        self.init(terms, options: options, decoding: .bySize)
    }

    /// A run against a compiled vocabulary that decodes its concepts as `decoding` says,
    /// keeping at most `keptTermsAtMost` terms found before they are decoded.
    init(
        _ terms: CompiledTerms, options: Options, decoding: ConceptDecoding, keptTermsAtMost: Int = Self.keptTermsByDefault
    ) {
        self.options = options
        self.keptTermsAtMost = keptTermsAtMost
        vocabulary = .compiled(terms, whole: WholeSetLinters(terms), decoding: decoding)
        resolver = LintConfigurationResolver(
            defaultLanguage: terms.defaultLanguage, language: options.language, includesAltText: options.includesAltText)
    }

    /// A document to lint: its path, its bytes when they are read already, and its reader.
    private typealias Document = (path: String, bytes: [UInt8]?, reader: any DocumentReader)

    /// A document of a run as the first pass for an excerpt left it.
    private enum FirstPass: Sendable {
        /// Read, and its terms found with the whole vocabulary's matcher.
        case matched(Linter.MatchedDocument)
        /// It cannot be read (it is not read again: the excerpt would lack its concepts).
        case unreadable
        /// Left for the second pass: the terms kept had reached ``keptTermsAtMost``.
        case notMatched
    }

    /// The linters for `documents`: of the whole vocabulary, or of an excerpt that holds every
    /// concept their terms name. For an excerpt the documents are read and their terms found
    /// first (with the whole vocabulary's matcher, which needs no concept decoded), and each
    /// is given back as that pass left it: a document is read and matched once (a named pipe
    /// gives its bytes only once). When the terms kept reach ``keptTermsAtMost``, the others
    /// are left for the second pass, which takes the whole vocabulary.
    private func linters(for documents: [Document]) throws(ConfigurationError)
        -> (linters: Linters, firstPass: [FirstPass]?)
    {
        switch vocabulary {
        case .set(let linters):
            return (linters, nil)
        case .compiled(let terms, let whole, let decoding):
            let excerpts: Bool
            switch decoding {
            case .bySize: excerpts = Self.size(of: documents) < terms.undecodedSize * Self.keptDocumentsRatio
            case .excerpt: excerpts = true
            case .whole: excerpts = false
            }
            guard excerpts, !options.fix else { return (whole.linters, nil) }
            let keptTerms = Mutex(0)
            let found = Parallel.mapEach(documents.count) { index -> Result<FirstPass, ConfigurationError> in
                guard keptTerms.withLock({ $0 }) < keptTermsAtMost else { return .success(.notMatched) }
                return Result { () throws(ConfigurationError) in
                    guard let document = try matched(documents[index], terms) else { return .unreadable }
                    keptTerms.withLock { $0 += document.terms.terms.count }
                    return .matched(document)
                }
            }
            var named: Set<ConceptKey> = []
            var passes: [FirstPass] = []
            for result in found {
                let pass = try result.get()
                // A set is taken as it is while none is named yet, not copied into an empty one.
                if case .matched(let document) = pass {
                    if named.isEmpty { named = document.namedConcepts } else { named.formUnion(document.namedConcepts) }
                }
                passes.append(pass)
            }
            guard keptTerms.withLock({ $0 }) < keptTermsAtMost else { return (whole.linters, passes) }
            let (set, matchIndex) = terms.excerpt(naming: named)
            return (Linters(set: set, matchIndex: matchIndex), passes)
        }
    }

    /// `document` read and its terms found with the whole vocabulary's matcher and its
    /// configuration (`nil`: it cannot be read).
    private func matched(_ document: Document, _ terms: CompiledTerms) throws(ConfigurationError) -> Linter.MatchedDocument? {
        guard let bytes = document.bytes.map(SourceBytes.init) ?? Self.bytes(of: document.path, for: document.reader) else {
            return nil
        }
        let options = try resolver.options(for: document.path)
        let matcher = terms.matchIndex.matcher(allowing: options.allowed)
        return Linter.matched(bytes, reader: document.reader, options: options, matcher: matcher)
    }

    /// The bytes of the file at `path` for `reader`, `nil` when it cannot be read: a plain-text
    /// file of a megabyte or more is mapped, since its reader reads it where it lies; other
    /// readers read an array, and get the file read into one.
    private static func bytes(of path: String, for reader: any DocumentReader) -> SourceBytes? {
        reader.format == .text ? FileBytes.contents(path) : FileBytes.read(path).map(SourceBytes.init)
    }

    /// An excerpt keeps the documents read and matched until its concepts are decoded: it is
    /// chosen for documents of less than this many times the size of the encoded concepts,
    /// whose whole set decoded would take about as much memory (at 100k concepts, 52 MB of
    /// them, decoded, take ~250 MB).
    private static let keptDocumentsRatio = 4

    /// The terms the first pass for an excerpt keeps by default at most (about 200 bytes
    /// each, all that were found), so that documents dense with terms do not all stand in
    /// memory at once.
    static let keptTermsByDefault = 2_000_000

    /// The bytes of `documents`, links followed (files that cannot be examined count for
    /// nothing: they are reported later; pipes too, and are read once).
    private static func size(of documents: [Document]) -> Int {
        documents.reduce(0) { total, document in
            if let bytes = document.bytes { return total + bytes.count }
            var status = stat()
            return total + (stat(document.path, &status) == 0 ? Int(status.st_size) : 0)
        }
    }

    /// The reader of the file at `path`.
    private func reader(for path: String) -> any DocumentReader {
        options.inputFormat.map(DocumentReaders.reader(for:)) ?? DocumentReaders.reader(forPath: path)
    }

    /// The files a run over `paths` covers, in path order: files named as they are, folders
    /// walked for documents.
    public func files(for paths: [String]) -> [String] {
        DocumentWalker.files(for: paths) { resolver.isIgnored($0) }
    }

    /// The files among `paths`, named as they are, that the configuration's `ignore` leaves
    /// out of a run (a person who named one should hear why it was not linted).
    public func ignoredFiles(among paths: [String]) -> [String] {
        paths.filter { path in
            var isFolder: ObjCBool = false
            return path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
                && resolver.isIgnored(path)
        }
    }

    /// Lints `paths` (and, with ``Options/fix``, fixes them).
    ///
    /// - Parameter progress: Called after each file with the number done and the total.
    /// - Returns: Each file's findings or problem, in path order.
    /// - Throws: ``ConfigurationError`` when a `.vaktaal.toml` that applies is broken.
    public func lint(
        _ paths: [String], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(ConfigurationError) -> [FileFindings] {
        let files = files(for: paths)
        let (linters, firstPass) = try linters(for: files.map { ($0, nil, reader(for: $0)) })
        // Each matched document is let go of once linted (``letGo(_:)``).
        let unlinted = Mutex(firstPass ?? [])
        let slots = Mutex([FileFindings?](repeating: nil, count: files.count))
        let firstFailure = Mutex<ConfigurationError?>(nil)
        let done = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            do throws(ConfigurationError) {
                let pass = unlinted.withLock { passes -> FirstPass in
                    guard passes.indices.contains(index) else { return .notMatched }
                    defer { passes[index] = .notMatched }
                    return passes[index]
                }
                let result =
                    switch pass {
                    case .matched(let document):
                        filtered(
                            try linter(for: files[index], in: linters).lint(
                                document, path: files[index], quotingText: options.quotesText, lettingGo: { letGo($0) }))
                    case .unreadable: Self.unreadable(files[index])
                    case .notMatched:
                        try lintFile(files[index], linters, bytes: Self.bytes(of: files[index], for: reader(for: files[index])))
                    }
                slots.withLock { $0[index] = result }
                // A matched document's terms and its mapped text are let go of while the run goes on.
                if case .matched = pass { letGo(consume pass) }
            } catch {
                firstFailure.withLock { first in first = first ?? error }
            }
            let count = done.withLock { value -> Int in
                value += 1
                return value
            }
            progress?(count, files.count)
        }
        // An excerpt of thousands of concepts is let go of before the report is written.
        letGo(consume linters)
        if let failure = firstFailure.withLock({ $0 }) { throw failure }
        return slots.withLock { $0.compactMap { $0 } }
    }

    /// Lints a document that is not a file (standard input, a request body). Settings come
    /// from the configuration that applies in `folder`; the format from
    /// ``Options/inputFormat``, else plain text.
    ///
    /// - Returns: The findings, and with ``Options/fix`` the fixed bytes (the input as it
    ///   was when it could not be read or nothing was fixed) and the findings left in them.
    /// - Throws: ``ConfigurationError`` when the configuration is broken.
    public func lint(
        document bytes: [UInt8], named name: String, configurationFolder folder: String
    ) throws(ConfigurationError) -> (findings: FileFindings, fixed: [UInt8]?) {
        let path = (folder as NSString).appendingPathComponent(name)
        let reader = DocumentReaders.reader(for: options.inputFormat ?? .text)
        let (linters, firstPass) = try linters(for: [(path, bytes, reader)])
        let linter = try linter(for: path, in: linters)
        let result =
            if case .matched(let document) = firstPass?.first {
                linter.lint(document, path: name, quotingText: options.quotesText, lettingGo: { letGo($0) })
            } else {
                linter.lint(
                    SourceBytes(bytes), path: name, reader: reader, quotingText: options.quotesText, lettingGo: { letGo($0) })
            }
        guard options.fix else { return (filtered(result), nil) }
        guard result.problem == nil,
            let fixed = try? Linter.applyingFixes(
                filtered(result).findings, to: bytes, reader: reader, options: linter.options.reading),
            fixed.applied > 0
        else {
            return (filtered(result), bytes)
        }
        // What is left to do, as for a file fixed in place.
        return (filtered(linter.lint(fixed.bytes, path: name, reader: reader, quotingText: options.quotesText)), fixed.bytes)
    }

    /// Lets go of `value`, which the run no longer needs: freed in the background, or left to
    /// the end of the process (``Options/leavesMemoryToExit``).
    private func letGo<Value: Sendable>(_ value: consuming Value) {
        if options.leavesMemoryToExit {
            BackgroundRelease.keepUntilExit(value)
        } else {
            BackgroundRelease.release(value)
        }
    }

    /// The linter of `linters` for the file at `path`.
    private func linter(for path: String, in linters: Linters) throws(ConfigurationError) -> Linter {
        try linters.linter(resolver.options(for: path))
    }

    /// The result for a file that cannot be read.
    private static func unreadable(_ path: String) -> FileFindings {
        let problem: DocumentProblem =
            switch FileKind(path: path) {
            case nil: .notFound
            case .other: .notAFile
            default: .unreadable
            }
        return FileFindings(path: path, findings: [], problem: problem)
    }

    /// Lints (and fixes) the file at `path`, whose bytes are `bytes` (`nil`: it cannot be read).
    private func lintFile(_ path: String, _ linters: Linters, bytes: SourceBytes?) throws(ConfigurationError) -> FileFindings {
        guard let bytes else { return Self.unreadable(path) }
        let linter = try linter(for: path, in: linters)
        let reader = reader(for: path)
        // What the lint made on the way is freed here, file by file: a run of thousands of files
        // keeps no more than a file's at a time.
        var result = linter.lint(bytes, path: path, reader: reader, quotingText: options.quotesText)
        // Only what the report shows is fixed: `--min-severity error` leaves warnings as they are.
        let shown = filtered(result).findings
        if options.fix, result.problem == nil, shown.contains(where: { $0.fix != nil }) {
            do {
                let (fixed, applied) = try Linter.applyingFixes(
                    shown, to: bytes.array, reader: reader, options: linter.options.reading)
                if applied > 0 {
                    try AtomicFile.write(fixed, to: path)
                    result = linter.lint(SourceBytes(fixed), path: path, reader: reader, quotingText: options.quotesText)
                }
            } catch let error as FileWriteError {
                return result.with(problem: .notWritten(reason: error.problem))
            } catch {
                return result.with(problem: .notWritten(reason: "\(error)"))
            }
        }
        return filtered(result)
    }

    private func filtered(_ result: FileFindings) -> FileFindings {
        result.keeping(severity: options.minimumSeverity)
    }
}

/// The linters of a compiled vocabulary's whole set, decoded when first needed and kept for the run.
final class WholeSetLinters: Sendable {
    private let terms: CompiledTerms
    private let made = Mutex<Linters?>(nil)

    init(_ terms: CompiledTerms) { self.terms = terms }

    var linters: Linters {
        made.withLock { linters in
            if let linters { return linters }
            let (set, matchIndex) = terms.wholeSet()
            let whole = Linters(set: set, matchIndex: matchIndex)
            linters = whole
            return whole
        }
    }
}
