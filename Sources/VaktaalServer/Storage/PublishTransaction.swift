import Foundation
import Logging
import PostgresNIO
import VaktaalCore

/// One publish to the database, as one transaction: lock the scheme (an advisory lock, so
/// that the first publish of a new scheme is serialised too), compare `If-Match` with the
/// latest row's ETag (412), take the checked vocabulary (422), insert the next revision and
/// `NOTIFY` the replicas. The notification is delivered when the transaction commits; a
/// transaction that fails changes nothing.
struct PublishTransaction: Sendable {
    /// What was stored.
    struct Outcome: Sendable {
        let vocabulary: Vocabulary
        let version: PublishedVersion
    }

    let table: String
    let configuration: DatabaseConfiguration
    let schemeID: String
    let bytes: [UInt8]
    let precondition: PublishPrecondition
    let logger: Logger

    /// Runs the transaction.
    ///
    /// - Parameter validation: The vocabulary as checked for publishing, or its findings.
    /// - Throws: ``ServiceError`` 412 or 422 (inside a `PostgresTransactionError`; see
    ///   ``refusal(in:)``), or the database's errors.
    func run(on client: PostgresClient, validation: Result<Vocabulary, ServiceError>) async throws -> Outcome {
        let etag = ETag.of(bytes)
        return try await client.withTransaction(logger: logger) { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtext(\(configuration.schema)), hashtext(\(schemeID)))", logger: logger
            ).drain()
            let latest = try await connection.query(
                """
                SELECT scheme, revision, etag, published FROM \(unescaped: table)
                WHERE scheme = \(schemeID) ORDER BY revision DESC LIMIT 1
                """, logger: logger
            ).versions().first?.version
            if let refusal = precondition.refusal(schemeID: schemeID, current: latest?.etag) { throw refusal }
            let vocabulary = try validation.get()
            // The same content again is no new version (as in the folder store).
            if let latest, latest.etag == etag { return Outcome(vocabulary: vocabulary, version: latest) }
            let revision = (latest?.revision ?? 0) + 1
            let rows = try await connection.query(
                """
                INSERT INTO \(unescaped: table) (scheme, revision, content, etag)
                VALUES (\(schemeID), \(revision), \(ByteBuffer(bytes: bytes)), \(etag)) RETURNING published
                """, logger: logger)
            var published = Date()
            for try await date in rows.decode(Date.self) { published = date }
            try await connection.query("SELECT pg_notify(\(configuration.channel), \(schemeID))", logger: logger).drain()
            return Outcome(
                vocabulary: vocabulary, version: PublishedVersion(revision: revision, etag: etag, published: published))
        }
    }

    /// The answer a client gets when the transaction was refused rather than failed: 412 or
    /// 422 from inside it, or 412 when another publish took the revision first.
    func refusal(in error: any Error) -> ServiceError? {
        guard let error = error as? PostgresTransactionError, let inner = error.closureError else { return nil }
        if let refusal = inner as? ServiceError { return refusal }
        if let database = inner as? PSQLError, database.serverInfo?[.sqlState] == "23505" {
            return Self.stale(schemeID, currentETag: nil)
        }
        return nil
    }

    /// 412: someone else published since the client read the scheme.
    static func stale(_ schemeID: String, currentETag: String?) -> ServiceError {
        ServiceError(
            .preconditionFailed,
            "the scheme '\(schemeID)' changed since you last read it: fetch the current version, merge, and publish again",
            detailJSON: currentETag.map { "{ \"currentETag\" : \(JSONString.quoted($0)) }" })
    }
}
