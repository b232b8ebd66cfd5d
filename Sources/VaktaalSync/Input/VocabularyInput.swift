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
        try Self.load([self], strict: strict, workingFolder: workingFolder)[0]
    }

    /// The files the input stands for, in order, each with its bytes (`nil` when it cannot be
    /// read). An empty file (`/dev/null`, or what git gives as the base of two branches that
    /// both added the file) stands for a version without concepts: none.
    func sources(workingFolder: String?) throws(VocabularyInputError) -> [(path: String, bytes: SourceBytes?)] {
        switch self {
        case .path(let path):
            if Self.isEmptyFile(path) { return [] }
            do {
                return try VocabularyLoader.vocabularyFiles(at: path).map { ($0, FileBytes.contents($0)) }
            } catch {
                throw .notFound(error)
            }
        case .gitRevision(let revision, let path):
            let files = try GitRevision.files(revision, path, in: workingFolder)
            if files.count == 1, files[0].bytes.isEmpty { return [] }
            return files.map { ($0.path, SourceBytes($0.bytes)) }
        case .url(let url):
            throw .unsupportedURL(url)
        }
    }
}

extension VocabularyInput {
    /// Whether `path` is a file (not a folder) that can be read and holds no byte.
    private static func isEmptyFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
            let handle = FileHandle(forReadingAtPath: path)
        else { return false }
        defer { try? handle.close() }
        do {
            return try handle.read(upToCount: 1)?.isEmpty ?? true
        } catch {
            return false
        }
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

/// Versions of vocabularies loaded together, with what was read, so that a result made of
/// them (a merge) reads back without reading what it has in common with them again.
public struct LoadedVersions: Sendable {
    /// The versions, in the order of the inputs.
    public let versions: [LoadedVocabulary]
    /// What was read.
    public let parts: ReadParts
}

extension VocabularyInput {
    /// Loads several inputs at once, in order: their files are gathered in parallel and read
    /// together (``SharedReader``), so that what versions have in common is read once.
    ///
    /// - Parameters:
    ///   - strict: Refuse a vocabulary with any read error (a merge would lose what the
    ///     reader skipped); otherwise only files that cannot be read as XML are refused.
    ///   - workingFolder: The folder git runs in (default: the current one).
    ///   - positions: Whether concepts the versions have in common carry each version's
    ///     positions (``ConceptPositions``).
    /// - Throws: The first input's error, in argument order.
    public static func load(
        _ inputs: [VocabularyInput], strict: Bool, workingFolder: String? = nil, positions: ConceptPositions = .exact
    ) throws(VocabularyInputError) -> [LoadedVocabulary] {
        try loadVersions(inputs, strict: strict, workingFolder: workingFolder, positions: positions).versions
    }

    /// Loads several inputs at once, as ``load(_:strict:workingFolder:positions:)``, keeping what was read.
    public static func loadVersions(
        _ inputs: [VocabularyInput], strict: Bool, workingFolder: String? = nil, positions: ConceptPositions = .exact
    ) throws(VocabularyInputError) -> LoadedVersions {
        let gathered = Parallel.mapEach(inputs.count) { index in
            Result { () throws(VocabularyInputError) in try inputs[index].sources(workingFolder: workingFolder) }
        }
        // The inputs before the first that cannot be gathered are read, so that the first error thrown is the first input's.
        var sources: [[(path: String, bytes: SourceBytes?)]] = []
        var gatheringError: VocabularyInputError?
        for result in gathered where gatheringError == nil {
            switch result {
            case .success(let files): sources.append(files)
            case .failure(let error): gatheringError = error
            }
        }
        let versions = try loadVersions(sources: sources, strict: strict, positions: positions)
        if let gatheringError { throw gatheringError }
        return versions
    }

    /// Reads versions given as files held in arrays, as the variant for ``SourceBytes`` does.
    public static func loadVersions(
        sources: [[(path: String, bytes: [UInt8]?)]], strict: Bool, positions: ConceptPositions = .exact
    ) throws(VocabularyInputError) -> LoadedVersions {
        let held = sources.map { files in files.map { (path: $0.path, bytes: $0.bytes.map(SourceBytes.init)) } }
        return try loadVersions(sources: held, strict: strict, positions: positions)
    }

    /// Reads versions given as files in memory (a file without bytes could not be read), held in arrays or mapped, each
    /// version one or more files, as ``loadVersions(_:strict:workingFolder:positions:)`` reads inputs.
    ///
    /// - Parameters:
    ///   - strict: Refuse a version with any read error.
    ///   - positions: Whether concepts the versions have in common carry each version's
    ///     positions (``ConceptPositions``).
    /// - Throws: ``VocabularyInputError/unreadable(_:)`` for the first version that does not read.
    public static func loadVersions(
        sources: [[(path: String, bytes: SourceBytes?)]], strict: Bool, positions: ConceptPositions = .exact
    ) throws(VocabularyInputError) -> LoadedVersions {
        // The first version is read first and resolved while the others are read, taking
        // what they have in common with it.
        let first = reads(of: sources.prefix(1), after: ReadParts(), positions: positions)
        let (firstSet, others) = Parallel.both(
            { VocabularySet(first.results.first?.compactMap(\.vocabulary) ?? []) },
            { reads(of: sources.dropFirst(), after: first.parts, positions: positions) })
        let results = first.results + others.results
        var parts = others.parts
        parts.noteVersions(fileCounts: sources.map { files in files.count { $0.bytes != nil } })
        let otherSets = Parallel.mapEach(others.results.count) { VocabularySet(others.results[$0].compactMap(\.vocabulary)) }
        let sets = (sources.isEmpty ? [] : [firstSet]) + otherSets
        var loaded: [LoadedVocabulary] = []
        for (index, files) in sources.enumerated() {
            let diagnostics = results[index].flatMap(\.diagnostics)
            let vocabulary = LoadedVocabulary(set: sets[index], diagnostics: diagnostics, files: files.map(\.path))
            let errors = diagnostics.filter { $0.severity == .error }
            if vocabulary.hasUnreadableFiles || (strict && !errors.isEmpty) { throw .unreadable(errors) }
            loaded.append(vocabulary)
        }
        return LoadedVersions(versions: loaded, parts: parts)
    }

    /// Each file of each version read (``SharedReader``), taking what they have in common
    /// with each other and with `earlier`; a file without bytes is read from its path.
    private static func reads(
        of versions: ArraySlice<[(path: String, bytes: SourceBytes?)]>, after earlier: ReadParts, positions: ConceptPositions
    ) -> (results: [[SharedReader.Read]], parts: ReadParts) {
        let readable = versions.joined().compactMap { source in source.bytes.map { (path: source.path, bytes: $0) } }
        let (reads, parts) = SharedReader.read(readable, after: earlier, positions: positions)
        var next = reads.makeIterator()
        let results = versions.map { files in
            files.map { file in file.bytes == nil ? VocabularyLoader.read(file: file.path) : next.next() ?? (nil, []) }
        }
        return (results, parts)
    }
}
