import Foundation
import VaktaalCore

/// The last version of each scheme pulled from a vaktaal service, kept in the vocabulary
/// folder under `.vaktaal/pulled/` (hidden, so it is never read as part of the vocabulary):
/// the base of the next three-way merge and the ETag to send with the next request, so that
/// pulling needs no state on the server.
///
/// A pull is then: fetch the scheme (with ``etag(scheme:)`` as `If-None-Match`; 304 ends it),
/// merge with ``VocabularyMerge/merge(base:ours:theirs:options:read:)`` (base: the file at
/// ``path(scheme:)``, or none on the first pull, which just writes the file), write the
/// result, and ``save(_:etag:scheme:)`` what was fetched.
public struct PulledCopy: Sendable {
    /// `<vocabulary folder>/.vaktaal/pulled`.
    public let folder: String

    /// The pulled copies of the vocabulary folder `vocabularyFolder`.
    public init(vocabularyFolder: String) {
        folder = (vocabularyFolder.hasSuffix("/") ? vocabularyFolder : vocabularyFolder + "/") + ".vaktaal/pulled"
    }

    /// Where the last pulled version of a scheme is kept.
    public func path(scheme: String) -> String { "\(folder)/\(scheme).xml" }

    /// Whether a scheme was pulled before.
    public func has(scheme: String) -> Bool { FileManager.default.fileExists(atPath: path(scheme: scheme)) }

    /// The ETag the service gave with the last pulled version, if any.
    public func etag(scheme: String) -> String? {
        guard let data = FileManager.default.contents(atPath: "\(folder)/\(scheme).etag") else { return nil }
        let etag = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return etag.isEmpty ? nil : etag
    }

    /// Where the mark of a pull that left conflicts is kept: the hash of the file it wrote.
    private func conflictsPath(scheme: String) -> String { "\(folder)/\(scheme).conflicts" }

    /// Where that pull's report of them is kept, beside the mark (which stays the hash alone,
    /// as every version of vaktaal reads it).
    private func conflictsReportPath(scheme: String) -> String { "\(folder)/\(scheme).conflicts.txt" }

    /// Notes that the pull of `scheme` left conflicts in the file it wrote as `written`:
    /// until that file changes, publishing it would send our side of each conflict unseen.
    /// `report` says what they are, for a later pull to say again.
    public func noteConflicts(scheme: String, written: [UInt8], report: String = "") throws(FileWriteError) {
        try AtomicFile.write(report, to: conflictsReportPath(scheme: scheme))
        try AtomicFile.write(Self.hash(written) + "\n", to: conflictsPath(scheme: scheme))
    }

    /// The report of the conflicts the last pull of `scheme` left, while the file is still
    /// `local`, as that pull wrote it; `nil` when there are none open (empty when the report
    /// was not kept: a mark an older vaktaal wrote).
    public func unresolvedConflictsReport(scheme: String, local: [UInt8]) -> String? {
        guard hasUnresolvedConflicts(scheme: scheme, local: local) else { return nil }
        return FileManager.default.contents(atPath: conflictsReportPath(scheme: scheme)).map {
            String(decoding: $0, as: UTF8.self)
        }
            ?? ""
    }

    /// Forgets a pull's conflicts (a later pull or publish settled them).
    public func forgetConflicts(scheme: String) {
        try? FileManager.default.removeItem(atPath: conflictsPath(scheme: scheme))
        try? FileManager.default.removeItem(atPath: conflictsReportPath(scheme: scheme))
    }

    /// Whether the last pull of `scheme` left conflicts and the file is still `local`, as
    /// the pull wrote it (nobody looked at them yet).
    public func hasUnresolvedConflicts(scheme: String, local: [UInt8]) -> Bool {
        guard let data = FileManager.default.contents(atPath: conflictsPath(scheme: scheme)) else { return false }
        let mark = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let hash = local.withUnsafeBytes { ContentHash.of($0) }
        // Marks written before December 2026 have no leading zeros in either word.
        return mark == ContentHash.hex(hash) || mark == String(hash.0, radix: 16) + String(hash.1, radix: 16)
    }

    private static func hash(_ bytes: [UInt8]) -> String {
        ContentHash.hex(bytes.withUnsafeBytes { ContentHash.of($0) })
    }

    /// Keeps a pulled version and its ETag, atomically.
    public func save(_ bytes: [UInt8], etag: String?, scheme: String) throws(FileWriteError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .failed(path: folder, operation: "create the folder", reason: error.localizedDescription)
        }
        try AtomicFile.write(bytes, to: path(scheme: scheme))
        let etagPath = "\(folder)/\(scheme).etag"
        if let etag {
            try AtomicFile.write(etag + "\n", to: etagPath)
        } else {
            try? FileManager.default.removeItem(atPath: etagPath)
        }
    }
}
