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

        /// Options for a run.
        public init(
            fix: Bool = false, language: String? = nil, inputFormat: DocumentFormat? = nil, minimumSeverity: Severity = .info,
            includesAltText: Bool = false
        ) {
            self.fix = fix
            self.language = language
            self.inputFormat = inputFormat
            self.minimumSeverity = minimumSeverity
            self.includesAltText = includesAltText
        }
    }

    /// The vocabulary terms are checked against.
    public let set: VocabularySet
    /// How the run lints.
    public let options: Options
    private let resolver: LintConfigurationResolver

    /// A run against `set`.
    public init(set: VocabularySet, options: Options) {
        self.init(set: set, matchIndex: nil, options: options)
    }

    /// A run against a compiled vocabulary, whose term matcher is kept with it.
    public init(_ vocabulary: CompiledVocabulary, options: Options) {
        self.init(set: vocabulary.loaded.set, matchIndex: vocabulary.matchIndex, options: options)
    }

    private init(set: VocabularySet, matchIndex: MatchIndex?, options: Options) {
        self.set = set
        self.options = options
        resolver = LintConfigurationResolver(
            set: set, matchIndex: matchIndex, language: options.language, includesAltText: options.includesAltText)
    }

    /// The files a run over `paths` covers, in path order: files named as they are, folders
    /// walked for documents.
    public func files(for paths: [String]) -> [String] {
        DocumentWalker.files(for: paths) { resolver.isIgnored($0) }
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
        let slots = Mutex([FileFindings?](repeating: nil, count: files.count))
        let firstFailure = Mutex<ConfigurationError?>(nil)
        let done = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            do throws(ConfigurationError) {
                let result = try lintFile(files[index])
                slots.withLock { $0[index] = result }
            } catch {
                firstFailure.withLock { first in first = first ?? error }
            }
            let count = done.withLock { value -> Int in
                value += 1
                return value
            }
            progress?(count, files.count)
        }
        if let failure = firstFailure.withLock({ $0 }) { throw failure }
        return slots.withLock { $0.compactMap { $0 } }
    }

    /// Lints a document that is not a file (standard input, a request body). Settings come
    /// from the configuration that applies in `folder`; the format from
    /// ``Options/inputFormat``, else plain text.
    ///
    /// - Returns: The findings, and with ``Options/fix`` the fixed bytes (the input as it
    ///   was when it could not be read).
    /// - Throws: ``ConfigurationError`` when the configuration is broken.
    public func lint(
        document bytes: [UInt8], named name: String, configurationFolder folder: String
    ) throws(ConfigurationError) -> (findings: FileFindings, fixed: [UInt8]?) {
        let linter = try resolver.linter(for: (folder as NSString).appendingPathComponent(name))
        let reader = DocumentReaders.reader(for: options.inputFormat ?? .text)
        let result = linter.lint(bytes, path: name, reader: reader)
        guard options.fix else { return (filtered(result), nil) }
        guard result.problem == nil,
            let fixed = try? Linter.applyingFixes(result.findings, to: bytes, reader: reader, options: linter.options.reading)
        else {
            return (filtered(result), bytes)
        }
        return (filtered(result), fixed.bytes)
    }

    private func lintFile(_ path: String) throws(ConfigurationError) -> FileFindings {
        guard let bytes = FileBytes.read(path) else {
            let problem: DocumentProblem = FileManager.default.fileExists(atPath: path) ? .unreadable : .notFound
            return FileFindings(path: path, findings: [], problem: problem)
        }
        let linter = try resolver.linter(for: path)
        let reader = options.inputFormat.map(DocumentReaders.reader(for:)) ?? DocumentReaders.reader(forPath: path)
        var result = linter.lint(bytes, path: path, reader: reader)
        if options.fix, result.problem == nil {
            do {
                let (fixed, applied) = try Linter.applyingFixes(
                    result.findings, to: bytes, reader: reader, options: linter.options.reading)
                if applied > 0 {
                    try AtomicFile.write(fixed, to: path)
                    result = linter.lint(fixed, path: path, reader: reader)
                }
            } catch let error as FileWriteError {
                return FileFindings(path: path, findings: result.findings, problem: .notWritten(reason: error.description))
            } catch {
                return FileFindings(path: path, findings: result.findings, problem: .notWritten(reason: "\(error)"))
            }
        }
        return filtered(result)
    }

    private func filtered(_ result: FileFindings) -> FileFindings {
        result.filter { $0.severity >= options.minimumSeverity }
    }
}
