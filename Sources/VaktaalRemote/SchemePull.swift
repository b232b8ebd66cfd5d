import Foundation
import VaktaalCore
import VaktaalSync

/// What a pull did.
public enum PullOutcome: Sendable {
    /// 304: the scheme did not change on the service since the last pull; nothing was written.
    case upToDate
    /// 304, but the last pull left conflicts and the file is still as it wrote it: nobody
    /// looked at them yet. Its report says them again.
    case conflictsStillOpen(report: String)
    /// There was no local file: the fetched one was written as it is.
    case firstPull(concepts: Int)
    /// The fetched version was merged into the local file; `incoming` is what changed on the
    /// service since the last pull (since nothing, when the local file was never pulled);
    /// `earlierConflicts` the report of conflicts an earlier pull left that nobody has looked at.
    case merged(MergeResult, incoming: VocabularyDiff, earlierConflicts: String?)
}

/// `vaktaal pull`: brings a scheme from a vaktaal service into the local vocabulary folder.
///
/// The first pull writes `<folder>/<scheme>.xml`; later ones merge three-way, with the last
/// pulled version (``PulledCopy``) as base, the local file as ours and the fetched one as
/// theirs. Conflicts keep ours and are reported with theirs, so nothing local is lost; the
/// fetched version becomes the new base either way.
public struct SchemePull: Sendable {
    /// The scheme on the service.
    public let address: ServiceAddress
    /// The local vocabulary folder.
    public let folder: String

    /// A pull of `address` into `folder`.
    public init(_ address: ServiceAddress, into folder: String) {
        self.address = address
        self.folder = folder
    }

    /// `<folder>/<scheme>.xml`.
    public var localFile: String { (folder.hasSuffix("/") ? folder : folder + "/") + "\(address.scheme).xml" }

    /// Fetches, merges and writes.
    ///
    /// - Throws: ``RemoteError``, ``VocabularyInputError`` (an input does not read),
    ///   ``MergeError`` or ``FileWriteError``.
    public func run(client: ServiceClient = ServiceClient()) async throws -> PullOutcome {
        let pulled = PulledCopy(vocabularyFolder: folder)
        // Nothing is read before the service answers: an unchanged scheme (304) costs one request.
        let hasLocal = FileManager.default.isReadableFile(atPath: localFile)
        let hasBase = pulled.has(scheme: address.scheme)
        let sentETag = hasLocal && hasBase ? pulled.etag(scheme: address.scheme) : nil
        guard case .fetched(let bytes, let etag) = try await client.fetch(address.schemeURL, ifNoneMatch: sentETag) else {
            if let local = FileBytes.read(localFile),
                let report = pulled.unresolvedConflictsReport(scheme: address.scheme, local: local)
            {
                return .conflictsStillOpen(report: report)
            }
            return .upToDate
        }
        guard hasLocal else {
            let theirs = try RemoteInput.read(bytes, from: address.schemeURL, strict: true).set
            try checkSchemeID(of: theirs)
            // A first pull makes the vocabulary folder when there is none yet.
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw FileWriteError.failed(path: folder, operation: "create the folder", reason: error.localizedDescription)
            }
            try AtomicFile.write(bytes, to: localFile)
            pulled.forgetConflicts(scheme: address.scheme)
            try pulled.save(bytes, etag: etag, scheme: address.scheme)
            return .firstPull(concepts: theirs.vocabularies.reduce(0) { $0 + $1.concepts.count })
        }
        // Base, ours and theirs are read together: what they have in common is read once.
        let basePath = pulled.path(scheme: address.scheme)
        let versions = try VocabularyInput.loadVersions(
            sources: [
                hasBase ? [(basePath, FileBytes.contents(basePath))] : [], [(localFile, FileBytes.contents(localFile))],
                [(address.schemeURL, SourceBytes(bytes))],
            ], strict: true, positions: .ofFirstReading)
        let (baseSet, ours, theirs) = (versions.versions[0].set, versions.versions[1].set, versions.versions[2].set)
        try checkSchemeID(of: theirs)
        // Conflicts an earlier pull left and nobody looked at yet stay open: merged again with
        // theirs as the base, our kept side would pass as a change of ours.
        let previousReport = FileBytes.read(localFile).flatMap {
            pulled.unresolvedConflictsReport(scheme: address.scheme, local: $0)
        }
        let stillOpen = previousReport != nil
        let result = try VocabularyMerge.merge(base: baseSet, ours: ours, theirs: theirs, read: versions.parts)
        try result.write(to: localFile, oursFiles: [localFile])
        // The note is kept before the base moves on: a pull that stops between the two
        // leaves the guard, never a new base without it.
        if result.hasUnresolvedConflicts || stillOpen {
            guard let written = FileBytes.read(localFile) else {
                throw FileWriteError.failed(path: localFile, operation: "read the merged file back", reason: "it cannot be read")
            }
            // The conflicts still open from before are said again until someone looks at them.
            // Conflicts still open from before stay in the report beside this pull's (a line
            // both say, once).
            let new = result.hasUnresolvedConflicts ? MergeReport(result).text(colour: false) : ""
            var seen = Set<Substring>()
            let report = ((previousReport ?? "") + new).split(separator: "\n", omittingEmptySubsequences: false)
                .filter { $0.isEmpty || seen.insert($0).inserted }.joined(separator: "\n")
            try pulled.noteConflicts(scheme: address.scheme, written: written, report: report)
        } else {
            pulled.forgetConflicts(scheme: address.scheme)
        }
        try pulled.save(bytes, etag: etag, scheme: address.scheme)
        return .merged(result, incoming: VocabularyDiff(from: baseSet, to: theirs), earlierConflicts: previousReport)
    }

    /// Refuses a fetched file that is another scheme than the one asked for (a proxy that
    /// sends another path's answer): written, the next publish would be refused.
    private func checkSchemeID(of fetched: VocabularySet) throws(RemoteError) {
        let ids = fetched.vocabularies.map(\.id)
        guard ids == [address.scheme] else {
            throw .otherScheme(url: address.schemeURL, asked: address.scheme, got: ids.joined(separator: ", "))
        }
    }
}
