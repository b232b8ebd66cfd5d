import Foundation
import Logging
import PostgresNIO
import VaktaalCore
import VaktaalText

/// The service's vocabularies in PostgreSQL, for several replicas behind a load balancer.
/// Every published version of every scheme is a row. A publish is one transaction: it locks
/// the scheme, compares `If-Match` with the latest row's ETag, checks the vocabulary, adds
/// the next revision and announces it with `NOTIFY`. Each replica answers from its own
/// immutable snapshot and installs newer versions when it hears of them or at a periodic
/// check (``DatabaseWatcher``). When the database does not answer, reads keep serving the
/// last snapshot, ``isReady()`` is false and publishes fail with 503.
///
/// Open one with ``withStore(_:seed:logger:_:)``, which also runs its connection pool.
public actor PostgresStore: VocabularyStore {
    /// The connection pool (run by ``withStore(_:seed:logger:_:)``).
    nonisolated let client: PostgresClient
    /// Where the database is and how long to wait for it.
    public nonisolated let configuration: DatabaseConfiguration
    public nonisolated let isWritable = true
    private nonisolated let holder = SnapshotHolder(ServiceSnapshot(schemes: [], generation: 0))
    private let logger: Logger
    /// The published versions of each scheme, as last read or written.
    private var versions: [String: [PublishedVersion]] = [:]
    /// The publishes of each scheme through this replica, one at a time.
    private let turns = PublishTurns()

    /// A store over a running, migrated database; its snapshot is empty until ``refresh()``.
    init(client: PostgresClient, configuration: DatabaseConfiguration, logger: Logger) {
        self.client = client
        self.configuration = configuration
        self.logger = logger
    }

    public nonisolated var snapshot: ServiceSnapshot { holder.snapshot }

    private nonisolated var table: String { PostgresSchema.versionsTable(configuration.schema) }

    /// Whether the database answers within ``DatabaseConfiguration/readyTimeout``.
    public nonisolated func isReady() async -> Bool {
        do {
            try await withDeadline(configuration.readyTimeout) { [client] in try await client.query("SELECT 1").drain() }
            return true
        } catch {
            return false
        }
    }

    public func history(of schemeID: String) async -> [PublishedVersion] { versions[schemeID] ?? [] }

    public func content(of schemeID: String, revision: Int) async -> [UInt8]? {
        if let scheme = snapshot.scheme(schemeID), scheme.revision == revision { return scheme.bytes }
        let table = table
        return try? await withDeadline(configuration.operationTimeout) { [client] in
            let rows = try await client.query(
                "SELECT content FROM \(unescaped: table) WHERE scheme = \(schemeID) AND revision = \(revision)")
            var content: [UInt8]?
            for try await buffer in rows.decode(ByteBuffer.self) { content = Array(buffer.readableBytesView) }
            return content
        }
    }

    public func publish(schemeID: String, bytes: [UInt8], precondition: PublishPrecondition) async throws(ServiceError)
        -> SchemeSnapshot
    {
        let unavailable = ServiceError(
            .serviceUnavailable, "the database does not answer; nothing was published, try again later")
        // One publish of the scheme at a time through this replica (``PublishTurns``).
        switch await turns.take(schemeID, waitingAtMost: configuration.operationTimeout) {
        case .granted: break
        case .databaseGone: throw unavailable
        case .timedOut:
            throw ServiceError(
                .serviceUnavailable,
                "other publishes of '\(schemeID)' took too long; nothing was published, try again later")
        }
        var databaseAnswers = true
        defer { turns.end(schemeID, databaseAnswers: databaseAnswers) }
        // A client that went away while its publish waited for its turn publishes nothing.
        guard !Task.isCancelled else {
            throw ServiceError(.serviceUnavailable, "the request was cancelled while it waited; nothing was published")
        }
        let name = "\(schemeID).xml"
        let others = snapshot.schemes
        // Checked before the database's lock is taken, to keep that short; its verdict counts
        // only after If-Match, as in the folder store.
        let validation = Result { () throws(ServiceError) in
            try PublishValidation.validate(bytes, name: name, schemeID: schemeID, others: others)
        }
        // A database that went away fails the publish, and those queued behind it, in the
        // time /ready takes, not the longer time a transaction is given.
        guard await isReady() else {
            databaseAnswers = false
            throw unavailable
        }
        let transaction = PublishTransaction(
            table: table, configuration: configuration, schemeID: schemeID, bytes: bytes, precondition: precondition,
            logger: logger)
        let stored: PublishTransaction.Outcome
        do {
            stored = try await withDeadline(configuration.operationTimeout) { [client] in
                try await transaction.run(on: client, validation: validation)
            }
        } catch {
            if let refusal = transaction.refusal(in: error) { throw refusal }
            logger.error("publish of \(schemeID) failed: \(String(reflecting: error))")
            throw ServiceError(
                .serviceUnavailable,
                "the database does not answer (\(DatabaseError.reason(error))); the new version may not have been stored: "
                    + "read the scheme's ETag before you publish again")
        }
        let published = SchemeSnapshot(
            vocabulary: stored.vocabulary, bytes: bytes, revision: stored.version.revision, published: stored.version.published)
        record([schemeID: [stored.version]])
        install([published])
        return published
    }

    public func reload() async -> [Finding] {
        do {
            return try await refresh().findings
        } catch {
            let message = "\(configuration.redactedURL): the database does not answer: \(DatabaseError.reason(error))"
            return [Finding(rule: ReaderRule.unreadableFile.id, severity: .error, message: message, location: nil)]
        }
    }

    /// Installs the versions the database holds that are newer than the snapshot's: one
    /// small query when nothing changed.
    ///
    /// - Returns: The schemes that changed, and findings for stored versions that do not
    ///   read (the snapshot keeps the version it had of those).
    /// - Throws: When the database does not answer in time.
    @discardableResult
    func refresh() async throws -> (changed: [String], findings: [Finding]) {
        let table = table
        let latest = try await withDeadline(configuration.operationTimeout) { [client] in
            try await client.query(
                """
                SELECT DISTINCT ON (scheme) scheme, revision, etag, published FROM \(unescaped: table)
                ORDER BY scheme, revision DESC
                """
            ).versions()
        }
        let current = snapshot
        let stale = latest.filter { (current.scheme($0.scheme)?.revision ?? 0) < $0.version.revision }.map(\.scheme)
        guard !stale.isEmpty else { return ([], []) }
        let (contents, history) = try await withDeadline(configuration.operationTimeout) { [client] in
            let contents = try await client.query(
                """
                SELECT DISTINCT ON (scheme) scheme, revision, etag, published, content FROM \(unescaped: table)
                WHERE scheme = ANY(\(stale)) ORDER BY scheme, revision DESC
                """
            ).contents()
            let history = try await client.query(
                """
                SELECT scheme, revision, etag, published FROM \(unescaped: table)
                WHERE scheme = ANY(\(stale)) ORDER BY scheme, revision
                """
            ).versions()
            return (contents, history)
        }
        var schemes: [SchemeSnapshot] = []
        var findings: [Finding] = []
        for stored in contents {
            let name = "\(stored.scheme).xml"
            let (vocabulary, diagnostics) = VocabularyLoader.read(bytes: stored.bytes, path: name)
            let errors = diagnostics.filter { $0.severity == .error }
            guard let vocabulary, vocabulary.id == stored.scheme, errors.isEmpty else {
                findings += errors.isEmpty ? [Self.unreadable(stored)] : errors
                continue
            }
            schemes.append(
                SchemeSnapshot(
                    vocabulary: vocabulary, bytes: stored.bytes, revision: stored.version.revision,
                    published: stored.version.published))
        }
        record(Dictionary(grouping: history, by: \.scheme).mapValues { $0.map(\.version) })
        install(schemes)
        return (schemes.map(\.id), findings)
    }

    /// Puts newer versions of schemes into a new snapshot and swaps it in. Never goes back:
    /// a scheme is replaced only by a higher revision, whatever order publishes and checks
    /// finish in. Synchronous on the actor, so no two swaps interleave.
    private func install(_ schemes: [SchemeSnapshot]) {
        let current = holder.snapshot
        var byID = Dictionary(uniqueKeysWithValues: current.schemes.map { ($0.id, $0) })
        var changed = false
        for scheme in schemes where (byID[scheme.id]?.revision ?? 0) < scheme.revision {
            byID[scheme.id] = scheme
            changed = true
        }
        guard changed else { return }
        holder.replace(ServiceSnapshot(schemes: Array(byID.values), generation: current.generation + 1))
    }

    /// Adds versions to the known history of each scheme.
    private func record(_ new: [String: [PublishedVersion]]) {
        for (scheme, list) in new {
            var byRevision = Dictionary((versions[scheme] ?? []).map { ($0.revision, $0) }, uniquingKeysWith: { $1 })
            for version in list { byRevision[version.revision] = version }
            versions[scheme] = byRevision.values.sorted { $0.revision < $1.revision }
        }
    }

    private static func unreadable(_ stored: StoredContent) -> Finding {
        Finding(
            rule: ReaderRule.unreadableFile.id, severity: .error,
            message: "revision \(stored.version.revision) of the scheme '\(stored.scheme)' in the database does not read as it",
            location: SourceLocation(path: "\(stored.scheme).xml", line: 1, column: 1))
    }
}

/// One version row without its content.
struct StoredVersion: Sendable {
    let scheme: String
    let version: PublishedVersion
}

/// One version row with its content.
struct StoredContent: Sendable {
    let scheme: String
    let version: PublishedVersion
    let bytes: [UInt8]
}

extension PostgresRowSequence {
    /// Rows of `scheme, revision, etag, published`.
    func versions() async throws -> [StoredVersion] {
        var result: [StoredVersion] = []
        for try await (scheme, revision, etag, published) in decode((String, Int, String, Date).self) {
            result.append(
                StoredVersion(scheme: scheme, version: PublishedVersion(revision: revision, etag: etag, published: published)))
        }
        return result
    }

    /// Rows of `scheme, revision, etag, published, content`.
    func contents() async throws -> [StoredContent] {
        var result: [StoredContent] = []
        for try await (scheme, revision, etag, published, content) in decode((String, Int, String, Date, ByteBuffer).self) {
            let version = PublishedVersion(revision: revision, etag: etag, published: published)
            result.append(StoredContent(scheme: scheme, version: version, bytes: Array(content.readableBytesView)))
        }
        return result
    }
}
