import VaktaalCore
import VaktaalText

/// Reads one kind of document for the linter: finds its prose, and applies fixes to it in
/// the format's own way. Text formats check that the bytes are UTF-8 text; a container
/// format (a ZIP of XML parts) has its own checks.
public protocol DocumentReader: Sendable {
    /// The format this reader reads.
    var format: DocumentFormat { get }
    /// The prose of a document, its inline directives and declared language.
    ///
    /// - Throws: ``DocumentProblem`` when the bytes are not a document of this format.
    func read(_ bytes: [UInt8]) throws(DocumentProblem) -> ReadDocument
    /// The document with `fixes` applied, and how many were.
    ///
    /// - Throws: ``DocumentProblem`` when the fixed document cannot be made.
    func applying(_ fixes: [Fix], to bytes: [UInt8]) throws(DocumentProblem) -> (bytes: [UInt8], applied: Int)
    /// The prose of a document, read with `options` (alternative text, front matter).
    ///
    /// - Throws: ``DocumentProblem`` when the bytes are not a document of this format.
    func read(_ bytes: [UInt8], options: ReadingOptions) throws(DocumentProblem) -> ReadDocument
    /// The prose of a document held in ``SourceBytes`` (a large file is mapped), read with `options`.
    ///
    /// - Throws: ``DocumentProblem`` when the bytes are not a document of this format.
    func read(_ bytes: SourceBytes, options: ReadingOptions) throws(DocumentProblem) -> ReadDocument
    /// The document with `fixes` applied, for fixes found in a reading with `options`.
    ///
    /// - Throws: ``DocumentProblem`` when the fixed document cannot be made.
    func applying(_ fixes: [Fix], to bytes: [UInt8], options: ReadingOptions) throws(DocumentProblem) -> (
        bytes: [UInt8], applied: Int
    )
}

/// The kinds of document the linter reads, as `--input-format` names them.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case html
    /// Word (Office Open XML).
    case docx
    /// PowerPoint (Office Open XML).
    case pptx
    /// OpenDocument text (LibreOffice Writer).
    case odt
    /// OpenDocument presentation (LibreOffice Impress).
    case odp

    /// Whether documents of this format are text (UTF-8 bytes), not a package of parts.
    public var isText: Bool { [.text, .markdown, .html].contains(self) }
}

/// Every document reader, and which file extensions and media types each one reads. A
/// test keeps it complete.
public enum DocumentReaders {
    /// The readers, one per format.
    public static let all: [any DocumentReader] = [
        PlainTextReader(), MarkdownReader(), HTMLReader(), OfficeReader(.docx), OfficeReader(.pptx), OfficeReader(.odt),
        OfficeReader(.odp),
    ]

    private static let extensions: [String: DocumentFormat] = [
        "txt": .text, "text": .text,
        "md": .markdown, "markdown": .markdown, "mdown": .markdown, "mkd": .markdown,
        "html": .html, "htm": .html, "xhtml": .html,
        "docx": .docx, "docm": .docx, "pptx": .pptx, "pptm": .pptx, "odt": .odt, "odp": .odp,
    ]

    private static let mediaTypes: [String: DocumentFormat] = [
        "text/plain": .text, "text/markdown": .markdown, "text/x-markdown": .markdown,
        "text/html": .html, "application/xhtml+xml": .html,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": .docx,
        "application/vnd.openxmlformats-officedocument.presentationml.presentation": .pptx,
        "application/vnd.oasis.opendocument.text": .odt,
        "application/vnd.oasis.opendocument.presentation": .odp,
    ]

    /// The reader of a format.
    public static func reader(for format: DocumentFormat) -> any DocumentReader {
        all.first { $0.format == format } ?? PlainTextReader()
    }

    /// The format a file name's extension names, if it names one the linter reads: the name
    /// is the last component of `path` (trailing slashes left out), looked for from the end
    /// (a run over a folder asks for thousands).
    public static func format(forPath path: String) -> DocumentFormat? {
        let (slash, dot) = (UInt8(ascii: "/"), UInt8(ascii: "."))
        let utf8 = path.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == slash { end = utf8.index(before: end) }
        var index = end
        while index > utf8.startIndex {
            let before = utf8.index(before: index)
            if utf8[before] == slash { return nil }
            if utf8[before] == dot { return extensions[path[index..<end].lowercased()] }
            index = before
        }
        return nil
    }

    /// The reader for a file: by its extension, plain text for anything else.
    public static func reader(forPath path: String) -> any DocumentReader {
        reader(for: format(forPath: path) ?? .text)
    }

    /// The format of a media type (`text/markdown; charset=utf-8`), if the linter reads it.
    public static func format(forMediaType mediaType: String) -> DocumentFormat? {
        let bare = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return mediaTypes[bare.lowercased()]
    }

    /// Whether a folder walk includes this file.
    public static func isDocument(_ path: String) -> Bool { format(forPath: path) != nil }
}

/// What text formats share: the checks that the bytes are text, and fixes as byte edits.
enum TextDocument {
    /// Why `bytes` is no text to lint, or `nil` when it is fine.
    static func problem(_ bytes: [UInt8]) -> DocumentProblem? {
        bytes.withUnsafeBufferPointer(problem)
    }

    /// Why `bytes` is no text to lint, or `nil` when it is fine.
    static func problem(_ bytes: UnsafeBufferPointer<UInt8>) -> DocumentProblem? {
        if let problem = binaryProblem(bytes) { return problem }
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) { return .notUTF8(offset: offset) }
        return nil
    }

    /// Why `bytes` are no UTF-8 text at all, when they hold a NUL byte in the first 8 KB:
    /// UTF-16 text (named as such, with what to do), or a binary file.
    static func binaryProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> DocumentProblem? {
        guard bytes.prefix(8192).contains(0) else { return nil }
        return UTF16Detection.looksLikeUTF16(bytes) ? .utf16 : .binary
    }

    /// Where the text starts: after a UTF-8 byte order mark, if there is one.
    static func contentStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Replaces exactly the bytes of each fix, so that markup, line endings and everything
    /// else stay as they were; of overlapping fixes, the last is made (``ByteEdit/apply(_:to:)``).
    /// `encode` writes a replacement in the format (escaping, for HTML).
    static func apply(_ fixes: [Fix], to bytes: [UInt8], encode: (String) -> String = { $0 }) -> (bytes: [UInt8], applied: Int) {
        let edits = fixes.compactMap { fix in
            fix.range.bytes.map { ByteEdit(range: $0, bytes: Array(encode(fix.replacement).utf8)) }
        }
        return ByteEdit.apply(edits, to: bytes)
    }
}

extension DocumentReader {
    /// Text formats: each fix replaces its bytes with the replacement as it is.
    public func applying(_ fixes: [Fix], to bytes: [UInt8]) throws(DocumentProblem) -> (bytes: [UInt8], applied: Int) {
        TextDocument.apply(fixes, to: bytes)
    }

    /// Readers that read arrays read the bytes as one (a mapped file is copied into it).
    public func read(_ bytes: SourceBytes, options: ReadingOptions) throws(DocumentProblem) -> ReadDocument {
        try read(bytes.array, options: options)
    }

    /// Readers without options read as ``read(_:)`` does.
    public func read(_ bytes: [UInt8], options: ReadingOptions) throws(DocumentProblem) -> ReadDocument {
        try read(bytes)
    }

    /// Readers whose fixes do not depend on the options apply them as ``applying(_:to:)`` does.
    public func applying(_ fixes: [Fix], to bytes: [UInt8], options: ReadingOptions) throws(DocumentProblem) -> (
        bytes: [UInt8], applied: Int
    ) {
        try applying(fixes, to: bytes)
    }
}
