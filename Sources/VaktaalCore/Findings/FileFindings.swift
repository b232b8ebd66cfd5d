import Foundation

/// The findings of one file, or why it could not be examined.
public struct FileFindings: Sendable {
    /// The file, as the caller named it.
    public let path: String
    /// The findings, in line and column order.
    public let findings: [Finding]
    /// Why the file was skipped, if it was.
    public let problem: DocumentProblem?
    /// The text of the lines that have findings, for reporters that show them, and where
    /// each starts in the file: with the findings' byte ranges, reporters show a window of a
    /// long line without scanning it.
    public let quotedLines: QuotedLines
    /// For office documents: the text of the paragraphs that have findings, by place.
    public let placeTexts: [DocumentPlace: String]
    /// What a person should know of the file that is no finding, as `file:line: …` lines
    /// (a directive naming a rule that does not exist): the command line says it on
    /// standard error.
    public let notices: [String]

    /// The text of the lines that have findings, by number: made from ``quotedLines`` on
    /// each read (reporters read ``quotedLines``).
    public var lineTexts: [Int: String] { quotedLines.texts }
    /// Where each line of ``lineTexts`` starts, as a byte offset in the file, where known:
    /// made from ``quotedLines`` on each read. (A start given for a line without a text is not kept.)
    public var lineStarts: [Int: Int] { quotedLines.starts }

    /// Creates the result of one file.
    public init(
        path: String, findings: [Finding], problem: DocumentProblem? = nil, lineTexts: [Int: String] = [:],
        lineStarts: [Int: Int] = [:], placeTexts: [DocumentPlace: String] = [:], notices: [String] = []
    ) {
        let lines = lineTexts.isEmpty ? QuotedLines() : QuotedLines(texts: lineTexts, starts: lineStarts)
        self.init(path: path, findings: findings, problem: problem, quotedLines: lines, placeTexts: placeTexts, notices: notices)
    }

    /// Creates the result of one file whose quoted lines are gathered already.
    public init(
        path: String, findings: [Finding], problem: DocumentProblem?, quotedLines: QuotedLines,
        placeTexts: [DocumentPlace: String], notices: [String] = []
    ) {
        self.path = path
        self.findings = findings
        self.problem = problem
        self.quotedLines = quotedLines
        self.placeTexts = placeTexts
        self.notices = notices
    }

    /// The same file with `problem`, and what else it says.
    public func with(problem: DocumentProblem) -> FileFindings {
        FileFindings(
            path: path, findings: findings, problem: problem, quotedLines: quotedLines, placeTexts: placeTexts, notices: notices)
    }

    /// The same file with only the findings that `keep` accepts.
    public func filter(_ keep: (Finding) -> Bool) -> FileFindings {
        // Most often every finding is kept: then the findings are shared, not copied.
        guard !findings.indices.allSatisfy({ keep(findings[$0]) }) else { return self }
        return FileFindings(
            path: path, findings: findings.filter(keep), problem: problem, quotedLines: quotedLines, placeTexts: placeTexts,
            notices: notices)
    }

    /// The same file with only its findings of `minimum` severity or above (``filter(_:)``
    /// for a severity, without passing each finding on: a file may have a million).
    public func keeping(severity minimum: Severity) -> FileFindings {
        // Most often every finding is kept: then the findings are shared, not copied. A finding
        // is looked at where it lies: passed on as a whole, each of a million would be copied.
        guard findings.indices.contains(where: { findings[$0].severity < minimum }) else { return self }
        return FileFindings(
            path: path, findings: findings.filter { $0.severity >= minimum }, problem: problem, quotedLines: quotedLines,
            placeTexts: placeTexts, notices: notices)
    }
}

/// Why a document was skipped: reported for that file while the others are still examined.
public enum DocumentProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing exists at the path.
    case notFound
    /// The file exists but cannot be read (permissions, a folder, an I/O error).
    case unreadable
    /// The path names a device or a socket, not a file.
    case notAFile
    /// The file holds NUL bytes: it is binary, not text.
    case binary
    /// The file is UTF-16 text (``UTF16Detection``), which lint does not read.
    case utf16
    /// The bytes are not UTF-8, from this byte offset on.
    case notUTF8(offset: Int)
    /// The document could not be written back after fixing.
    case notWritten(reason: String)
    /// Another reason, in words (a container or format reader's own).
    case other(String)
    /// An office document's package could not be read or fixed.
    case package(PackageProblem)

    /// The reason, as reports show it.
    public var description: String {
        switch self {
        case .notFound: "no such file or folder"
        case .unreadable: "cannot be read"
        case .notAFile: "not a file but a device or socket: name a file, or pipe the text to -"
        case .binary: "binary file (it contains NUL bytes)"
        case .utf16: "UTF-16 text (what Notepad calls Unicode), not UTF-8: save it as UTF-8"
        case .notUTF8: "not UTF-8 text"
        case .notWritten(let reason): reason
        case .other(let reason): reason
        case .package(let problem): problem.description
        }
    }
}

extension DocumentProblem: LocalizedError {
    /// The same text as `description`, for callers that show `localizedDescription`.
    public var errorDescription: String? { description }
}
