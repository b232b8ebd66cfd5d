import Foundation
import VaktaalCore

/// Why the service could not start on a vocabulary.
public enum ServiceStartError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The folder or file could not be found or holds no vocabulary.
    case vocabulary(VocabularyLoadError)
    /// Files with errors (malformed XML, broken rules); their findings name file:line:column.
    case invalid([Finding])
    /// The version history could not be written.
    case history(FileWriteError)
    /// The service cannot listen at its address; the reason says what to do.
    case cannotListen(address: String, reason: String)

    public var description: String {
        switch self {
        case .vocabulary(let error): error.description
        case .invalid(let findings):
            (findings.map(\.description) + ["error: the vocabulary has errors (see vaktaal check); not served"])
                .joined(separator: "\n")
        case .history(let error): error.description
        case .cannotListen(let address, let reason): "error: cannot serve at \(address): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}

/// The service's vocabularies in a folder (the default): each scheme is one file, each
/// published version is kept beside it, a publish replaces the file atomically. Without a
/// folder it serves the built-in vocabulary read-only. Publishes and reloads run one at a
/// time (an actor); reads never wait for them.
public actor FolderStore: VocabularyStore {
    private nonisolated let holder: SnapshotHolder
    public nonisolated let isWritable: Bool
    private let folder: String?
    private var history: VersionHistory
    /// The file each scheme is kept in.
    private var paths: [String: String]
    /// What the folder's files looked like at the last load, to notice changes.
    private var fingerprint: [String: String]
    /// The files as they were when a reload found errors in them: the folder watcher does
    /// not read them again (nor log their errors again) until they change.
    private var refusedFingerprint: [String: String]?

    /// Opens a vocabulary folder (or one file), or the built-in `sources` when `folder` is `nil`.
    ///
    /// - Throws: ``ServiceStartError`` when nothing is there or a file has errors.
    public init(folder: String?, builtIn sources: [(path: String, bytes: [UInt8])] = [], retention: Int = 100)
        throws(ServiceStartError)
    {
        let isFolder =
            folder.map { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            } ?? false
        self.folder = isFolder ? folder : nil
        isWritable = isFolder
        var history = VersionHistory(folder: isFolder ? folder : nil, retention: retention)
        let files: [(path: String, bytes: [UInt8])]
        if let folder {
            do {
                files = try VocabularyLoader.vocabularyFiles(at: folder).map { ($0, FileBytes.read($0) ?? []) }
            } catch {
                throw .vocabulary(error)
            }
        } else {
            files = sources
        }
        let (schemes, paths) = try Self.read(files, history: &history)
        self.history = history
        self.paths = paths
        fingerprint = Self.fingerprint(of: files.map(\.path))
        holder = SnapshotHolder(ServiceSnapshot(schemes: schemes, generation: 1))
    }

    public nonisolated var snapshot: ServiceSnapshot { holder.snapshot }

    public func isReady() async -> Bool { true }

    public func history(of schemeID: String) async -> [PublishedVersion] { history.versions(of: schemeID) }

    public func content(of schemeID: String, revision: Int) async -> [UInt8]? {
        history.content(of: schemeID, revision: revision)
    }

    public func publish(schemeID: String, bytes: [UInt8], precondition: PublishPrecondition) async throws(ServiceError)
        -> SchemeSnapshot
    {
        guard isWritable, let folder else {
            throw ServiceError(
                .methodNotAllowed, "this service serves a built-in vocabulary and takes no publishes",
                headers: [.allow: "GET, HEAD, OPTIONS"])
        }
        try await readEditsOnDisk(of: schemeID)
        let current = snapshot
        let existing = current.scheme(schemeID)
        if let refusal = precondition.refusal(schemeID: schemeID, current: existing?.etag) { throw refusal }
        let name = "\(schemeID).xml"
        let vocabulary = try PublishValidation.validate(bytes, name: name, schemeID: schemeID, others: current.schemes)
        let path = paths[schemeID] ?? (folder as NSString).appendingPathComponent(name)
        let version: PublishedVersion
        do {
            try AtomicFile.write(bytes, to: path)
            version = try history.record(bytes, of: schemeID)
        } catch {
            throw ServiceError(.internalServerError, "the new version could not be stored; nothing was changed")
        }
        paths[schemeID] = path
        fingerprint = Self.fingerprint(of: Array(paths.values))
        let published = SchemeSnapshot(
            vocabulary: vocabulary, bytes: bytes, revision: version.revision, published: version.published)
        let schemes = current.schemes.filter { $0.id != schemeID } + [published]
        holder.replace(ServiceSnapshot(schemes: schemes, generation: current.generation + 1))
        return published
    }

    /// Reads an edit on disk of the scheme's file that the folder watcher has not read yet (a
    /// `git pull` in the folder a moment ago), so that a publish's precondition is judged
    /// against it and the edit is never overwritten unseen; when the folder then does not read
    /// (409), the watcher still reads, and logs, it.
    private func readEditsOnDisk(of schemeID: String) async throws(ServiceError) {
        guard let path = paths[schemeID], Self.fingerprint(of: [path])[path] != fingerprint[path] else { return }
        let refusedBefore = refusedFingerprint
        let findings = await reload()
        guard findings.isEmpty else {
            refusedFingerprint = refusedBefore
            throw ServiceError(
                .conflict,
                "the vocabulary files on the service were changed and have errors; nothing was published: "
                    + "try again once they are mended",
                detailJSON: PublishValidation.findingsJSON(findings.filter { $0.location != nil }))
        }
    }

    public func reload() async -> [Finding] {
        guard let folder else { return [] }
        let files: [(path: String, bytes: [UInt8])]
        do {
            files = try VocabularyLoader.vocabularyFiles(at: folder).map { ($0, FileBytes.read($0) ?? []) }
        } catch {
            // No file left (the last one deleted): kept as refused, and said once.
            refusedFingerprint = [:]
            return [Finding(rule: ReaderRule.unreadableFile.id, severity: .error, message: error.description, location: nil)]
        }
        let seen = Self.fingerprint(of: files.map(\.path))
        guard seen != fingerprint else { return [] }
        var history = self.history
        do {
            let (schemes, paths) = try Self.read(files, history: &history)
            self.history = history
            self.paths = paths
            fingerprint = seen
            holder.replace(ServiceSnapshot(schemes: schemes, generation: snapshot.generation + 1))
            return []
        } catch {
            refusedFingerprint = seen
            if case .invalid(let findings) = error { return findings }
            return [Finding(rule: ReaderRule.unreadableFile.id, severity: .error, message: error.description, location: nil)]
        }
    }

    /// Whether the folder's files changed since the last load (size, time or names; a folder
    /// left without any is a change too), and are not as they were when a reload last
    /// refused them.
    public func folderChanged() -> Bool {
        guard let folder else { return false }
        let current = (try? VocabularyLoader.vocabularyFiles(at: folder)).map { Self.fingerprint(of: $0) } ?? [:]
        return current != fingerprint && current != refusedFingerprint
    }

    /// Reads and checks every file, and records each scheme's content as a version.
    private static func read(
        _ files: [(path: String, bytes: [UInt8])], history: inout VersionHistory
    ) throws(ServiceStartError) -> (schemes: [SchemeSnapshot], paths: [String: String]) {
        // A file that cannot be read keeps the service from starting (and a reload from
        // swapping). The folder's other findings are for `vaktaal check`: a publish is checked
        // in full, and refuses only errors its scheme did not have already, so that what the
        // service serves, a partner can publish back.
        let loaded = VocabularyLoader.load(sources: files)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw .invalid(errors) }
        var schemes: [SchemeSnapshot] = []
        var paths: [String: String] = [:]
        for vocabulary in loaded.set.vocabularies {
            guard let path = vocabulary.path, let bytes = files.first(where: { $0.path == path })?.bytes else { continue }
            do {
                let version = try history.record(bytes, of: vocabulary.id)
                schemes.append(
                    SchemeSnapshot(vocabulary: vocabulary, bytes: bytes, revision: version.revision, published: version.published)
                )
            } catch {
                throw .history(error)
            }
            paths[vocabulary.id] = path
        }
        return (schemes, paths)
    }

    /// Names, sizes and modification times of the files.
    private static func fingerprint(of paths: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for path in paths {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            result[path] = "\(size)/\(modified)"
        }
        return result
    }
}
