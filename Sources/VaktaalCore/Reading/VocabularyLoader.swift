import Foundation
import VaktaalText
import VaktaalXML

/// Why a vocabulary could not be loaded at all (problems inside files are ``Finding``s).
public enum VocabularyLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing exists at the path.
    case notFound(path: String)
    /// The folder holds no `*.xml` file.
    case noVocabularyFiles(path: String)
    /// The path is a symbolic link to nothing, or one of links that lead round in a circle.
    case brokenLink(path: String, circular: Bool)

    public var description: String {
        switch self {
        case .notFound(let path): "\(path): error: no such file or folder"
        case .noVocabularyFiles(let path): "\(path): error: the folder holds no vocabulary (*.xml) files"
        case .brokenLink(let path, let circular):
            circular
                ? "\(path): error: the symbolic links lead round in a circle"
                : "\(path): error: the symbolic link leads to nothing"
        }
    }
}

/// A vocabulary folder as loaded: the set of schemes and every problem met while reading.
public struct LoadedVocabulary: Sendable {
    /// The schemes that could be read.
    public let set: VocabularySet
    /// Problems met while reading (malformed XML, unknown elements, missing attributes, …).
    public let diagnostics: [Finding]
    /// The files read, in order.
    public let files: [String]

    /// A folder made of vocabularies read elsewhere, with the problems met reading them.
    public init(set: VocabularySet, diagnostics: [Finding], files: [String]) {
        self.set = set
        self.diagnostics = diagnostics
        self.files = files
    }

    /// Whether some file could not be read as XML at all (exit code 2 territory).
    public var hasUnreadableFiles: Bool { diagnostics.includeAnUnreadableFile }
}

extension [Finding] {
    /// Whether one of these reading problems is a file that could not be read as XML at all,
    /// or is of a format version this vaktaal does not read.
    var includeAnUnreadableFile: Bool {
        let rules = [ReaderRule.malformedXML.id, ReaderRule.unreadableFile.id, ReaderRule.unsupportedFormat.id]
        return contains { rules.contains($0.rule) }
    }
}

/// Reads vocabulary files and folders.
public enum VocabularyLoader {
    /// Loads one file, or every `*.xml` file of a folder (not recursively), as one set.
    ///
    /// - Throws: ``VocabularyLoadError`` when the path does not exist or the folder has no file.
    public static func load(path: String) throws(VocabularyLoadError) -> LoadedVocabulary {
        let files = try vocabularyFiles(at: path)
        var vocabularies: [Vocabulary] = []
        var diagnostics: [Finding] = []
        for file in files {
            let result = read(file: file)
            if let vocabulary = result.vocabulary { vocabularies.append(vocabulary) }
            diagnostics += result.diagnostics
        }
        return LoadedVocabulary(set: VocabularySet(vocabularies), diagnostics: diagnostics, files: files)
    }

    /// Loads vocabularies held in memory, as `(path, bytes)` pairs (the embedded default).
    public static func load(sources: [(path: String, bytes: [UInt8])]) -> LoadedVocabulary {
        var vocabularies: [Vocabulary] = []
        var diagnostics: [Finding] = []
        for source in sources {
            let result = read(bytes: source.bytes, path: source.path)
            if let vocabulary = result.vocabulary { vocabularies.append(vocabulary) }
            diagnostics += result.diagnostics
        }
        return LoadedVocabulary(set: VocabularySet(vocabularies), diagnostics: diagnostics, files: sources.map(\.path))
    }

    /// The vocabulary files a path stands for: itself, or the `*.xml` files of a folder in
    /// name order (hidden files left out).
    public static func vocabularyFiles(at path: String) throws(VocabularyLoadError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            var link = stat()
            guard lstat(path, &link) == 0 else { throw .notFound(path: path) }
            var target = stat()
            throw .brokenLink(path: path, circular: stat(path, &target) != 0 && errno == ELOOP)
        }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        // Files only (links followed): a pipe named `*.xml` would block the read, a device never end.
        let files = names.filter { name in
            name.hasSuffix(".xml") && !name.hasPrefix(".") && FileKind(path: path + "/" + name) == .regularFile
        }.sorted()
        guard !files.isEmpty else { throw .noVocabularyFiles(path: path) }
        let folder = path.hasSuffix("/") ? path : path + "/"
        return files.map { folder + $0 }
    }

    /// Reads one file from disk (a large one mapped into memory, see ``FileBytes/contents(_:)``).
    public static func read(file: String) -> (vocabulary: Vocabulary?, diagnostics: [Finding]) {
        guard let bytes = FileBytes.contents(file) else {
            let diagnostic = Finding(
                rule: ReaderRule.unreadableFile.id, severity: .error, message: "the file cannot be read",
                location: SourceLocation(path: file, line: 1, column: 1))
            return (nil, [diagnostic])
        }
        return read(bytes: bytes, path: file)
    }

    /// Reads one file's bytes; `path` is used in positions. A large file is read in pieces
    /// on all cores (``PieceReader``), with the same result.
    public static func read(bytes: [UInt8], path: String) -> (vocabulary: Vocabulary?, diagnostics: [Finding]) {
        PieceReader.read(bytes: SourceBytes(bytes), path: path)
    }

    /// Reads one file's bytes, held in memory or mapped; `path` is used in positions. A large
    /// file is read in pieces on all cores (``PieceReader``), with the same result.
    public static func read(bytes: SourceBytes, path: String) -> (vocabulary: Vocabulary?, diagnostics: [Finding]) {
        PieceReader.read(bytes: bytes, path: path)
    }

    /// Reads one file's bytes whose cuts between concepts were found already (so that they
    /// are not looked for again).
    package static func read(bytes: SourceBytes, path: String, cuts: ConceptCuts) -> (
        vocabulary: Vocabulary?, diagnostics: [Finding]
    ) {
        PieceReader.read(bytes: bytes, path: path, cuts: cuts)
    }

    /// Reads one file's bytes at once, on one core.
    ///
    /// The model needs the positions of elements only, so the file is parsed without those
    /// of attributes and text; a file with something to report is parsed again with all of
    /// them, so that every finding points at its attribute or text.
    static func readWhole(bytes: SourceBytes, path: String) -> (vocabulary: Vocabulary?, diagnostics: [Finding]) {
        let quick = read(bytes: bytes, path: path, positions: .startTags)
        let isMalformed = quick.diagnostics.count == 1 && quick.diagnostics[0].rule == ReaderRule.malformedXML.id
        return quick.diagnostics.isEmpty || isMalformed ? quick : read(bytes: bytes, path: path, positions: .all)
    }

    private static func read(
        bytes: SourceBytes, path: String, positions: XMLPositions
    ) -> (vocabulary: Vocabulary?, diagnostics: [Finding]) {
        let reader = VocabularyReader(path: path)
        do {
            try bytes.withUnsafeBufferPointer { (buffer) throws(XMLError) in
                try XMLStreamParser.parse(buffer, path: path, handler: reader, positions: positions)
            }
        } catch {
            let diagnostic = Finding(
                rule: ReaderRule.malformedXML.id, severity: .error, message: error.message,
                location: SourceLocation(path: path, line: error.position.line, column: error.position.column))
            return (nil, [diagnostic])
        }
        if reader.vocabulary == nil, !reader.diagnostics.contains(where: { $0.rule == ReaderRule.wrongNamespace.id }) {
            let diagnostic = Finding(
                rule: ReaderRule.wrongNamespace.id, severity: .error, message: "the file has no 'vocabulary' element",
                location: SourceLocation(path: path, line: 1, column: 1))
            return (nil, reader.diagnostics + [diagnostic])
        }
        return (reader.vocabulary, reader.diagnostics)
    }
}

extension VocabularyLoadError: LocalizedError {
    /// The same text as `description`, for callers that show `localizedDescription`.
    public var errorDescription: String? { description }
}
