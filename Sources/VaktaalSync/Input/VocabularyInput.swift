import Foundation
import VaktaalCore

/// Where a version of a vocabulary comes from, as `vaktaal diff` and `vaktaal merge` name it:
/// a file or folder, `REV:path` in git, or the URL of a scheme on a vaktaal service.
public enum VocabularyInput: Hashable, Sendable, CustomStringConvertible {
    /// A vocabulary file or a folder of them.
    case path(String)
    /// A file or folder as it was in a git revision (`HEAD~3:Vocabulary/x.xml`; the path is
    /// relative to the repository's top, or to the working folder when it starts with `./`).
    case gitRevision(revision: String, path: String)
    /// A scheme on a running vaktaal service.
    case url(String)

    /// Reads a command-line argument: an `http(s)://` URL, a path that exists, `REV:path`,
    /// else a path (which will then not be found).
    public init(_ argument: String, fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        if argument.hasPrefix("http://") || argument.hasPrefix("https://") {
            self = .url(argument)
        } else if fileExists(argument) {
            self = .path(argument)
        } else if let colon = argument.firstIndex(of: ":"), colon != argument.startIndex {
            self = .gitRevision(
                revision: String(argument[..<colon]), path: String(argument[argument.index(after: colon)...]))
        } else {
            self = .path(argument)
        }
    }

    /// The argument as written.
    public var description: String {
        switch self {
        case .path(let path): path
        case .gitRevision(let revision, let path): "\(revision):\(path)"
        case .url(let url): url
        }
    }

    /// Loads the vocabulary.
    ///
    /// - Parameters:
    ///   - strict: Refuse a vocabulary with any read error (a merge would lose what the
    ///     reader skipped); otherwise only files that cannot be read as XML are refused.
    ///   - workingFolder: The folder git runs in (default: the current one).
    /// - Throws: ``VocabularyInputError``.
    public func load(strict: Bool, workingFolder: String? = nil) throws(VocabularyInputError) -> LoadedVocabulary {
        let loaded: LoadedVocabulary
        switch self {
        case .path(let path):
            loaded = try Self.load(path: path)
        case .gitRevision(let revision, let path):
            loaded = VocabularyLoader.load(sources: try GitRevision.files(revision, path, in: workingFolder))
        case .url(let url):
            throw .unsupportedURL(url)
        }
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        if loaded.hasUnreadableFiles || (strict && !errors.isEmpty) { throw .unreadable(errors) }
        return loaded
    }
}

extension VocabularyInput {
    /// A file or folder, large files read in pieces on all cores (``PieceReader``).
    private static func load(path: String) throws(VocabularyInputError) -> LoadedVocabulary {
        let files: [String]
        do {
            files = try VocabularyLoader.vocabularyFiles(at: path)
        } catch {
            throw .notFound(error)
        }
        var vocabularies: [Vocabulary] = []
        var diagnostics: [Finding] = []
        for file in files {
            let result = FileBytes.read(file).map { PieceReader.read(bytes: $0, path: file) } ?? VocabularyLoader.read(file: file)
            if let vocabulary = result.vocabulary { vocabularies.append(vocabulary) }
            diagnostics += result.diagnostics
        }
        return LoadedVocabulary(set: VocabularySet(vocabularies), diagnostics: diagnostics, files: files)
    }
}

/// Why an input vocabulary could not be read.
public enum VocabularyInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or folder does not exist or holds no vocabulary.
    case notFound(VocabularyLoadError)
    /// `git` could not give the file or folder of that revision.
    case git(revision: String, path: String, reason: String)
    /// The vocabulary has read errors (each names file, line and column).
    case unreadable([Finding])
    /// Reading from a service is not supported yet.
    case unsupportedURL(String)

    public var description: String {
        switch self {
        case .notFound(let error):
            error.description
        case .git(let revision, let path, let reason):
            "\(revision):\(path): error: git cannot give it: \(reason)"
        case .unreadable(let findings):
            findings.map(\.description).joined(separator: "\n")
        case .unsupportedURL(let url):
            "\(url): error: reading a vocabulary from a vaktaal service is not supported yet; "
                + "save the scheme to a file and name the file"
        }
    }
}

extension VocabularyInputError: LocalizedError {
    /// The same text as `description`.
    public var errorDescription: String? { description }
}

/// Files of a git revision, read with `git show`.
enum GitRevision {
    /// The vocabulary files `revision:path` stands for (one file, or the `*.xml` files of a folder), as `(name, bytes)`.
    static func files(_ revision: String, _ path: String, in folder: String?) throws(VocabularyInputError)
        -> [(path: String, bytes: [UInt8])]
    {
        let object = "\(revision):\(path)"
        let type = try run(["cat-file", "-t", object], revision, path, folder)
        guard String(decoding: type, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "tree" else {
            return [(object, try run(["show", object], revision, path, folder))]
        }
        let listing = String(decoding: try run(["ls-tree", "--name-only", object], revision, path, folder), as: UTF8.self)
        let names = listing.split(separator: "\n").map(String.init).filter { $0.hasSuffix(".xml") && !$0.hasPrefix(".") }.sorted()
        guard !names.isEmpty else { throw .notFound(.noVocabularyFiles(path: object)) }
        let prefix = path.isEmpty || path.hasSuffix("/") ? path : path + "/"
        var files: [(path: String, bytes: [UInt8])] = []
        for name in names {
            files.append(
                (
                    "\(object)\(object.hasSuffix("/") ? "" : "/")\(name)",
                    try run(["show", "\(revision):\(prefix)\(name)"], revision, path, folder)
                ))
        }
        return files
    }

    /// Runs git and returns its standard output.
    private static func run(_ arguments: [String], _ revision: String, _ path: String, _ folder: String?)
        throws(VocabularyInputError)
        -> [UInt8]
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .git(revision: revision, path: path, reason: "git cannot be started: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .git(
                revision: revision, path: path, reason: reason.isEmpty ? "git exited with \(process.terminationStatus)" : reason)
        }
        return [UInt8](data)
    }
}

extension VocabularyInput {
    /// Loads several inputs at once (in parallel), in order.
    ///
    /// - Throws: The first input's error, in argument order.
    public static func load(_ inputs: [VocabularyInput], strict: Bool) throws(VocabularyInputError) -> [LoadedVocabulary] {
        let results = Parallel.mapEach(inputs.count) { index -> Result<LoadedVocabulary, VocabularyInputError> in
            do throws(VocabularyInputError) {
                return .success(try inputs[index].load(strict: strict))
            } catch {
                return .failure(error)
            }
        }
        var loaded: [LoadedVocabulary] = []
        for result in results {
            switch result {
            case .success(let vocabulary): loaded.append(vocabulary)
            case .failure(let error): throw error
            }
        }
        return loaded
    }
}
