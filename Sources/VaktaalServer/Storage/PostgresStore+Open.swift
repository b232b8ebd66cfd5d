import Foundation
import Logging
import PostgresNIO
import VaktaalCore

/// What an empty database is filled with when the service first starts on it, so that a
/// first start serves a vocabulary. A database that holds any scheme is never seeded again.
public enum PostgresSeed: Sendable {
    /// A vocabulary folder (or one file), as `--vocabulary` names it.
    case folder(String)
    /// Files held in memory (the built-in vocabulary).
    case files([(path: String, bytes: [UInt8])])

    /// Each scheme's id and file, checked as `vaktaal check` checks a folder.
    ///
    /// - Throws: ``ServiceStartError`` when nothing is there or a file has errors.
    func schemes() throws(ServiceStartError) -> [(id: String, bytes: [UInt8])] {
        let files: [(path: String, bytes: [UInt8])]
        switch self {
        case .files(let given): files = given
        case .folder(let path):
            do {
                files = try VocabularyLoader.vocabularyFiles(at: path).map { ($0, FileBytes.read($0) ?? []) }
            } catch {
                throw .vocabulary(error)
            }
        }
        let loaded = VocabularyLoader.load(sources: files)
        let errors = VocabularyChecker.check(loaded).filter { $0.severity == .error }
        guard errors.isEmpty else { throw .invalid(errors) }
        return loaded.set.vocabularies.compactMap { vocabulary in
            guard let path = vocabulary.path, let file = files.first(where: { $0.path == path }) else { return nil }
            return (vocabulary.id, file.bytes)
        }
    }
}

extension PostgresStore {
    /// Runs `body` with a store over the database: runs the connection pool, waits for the
    /// database, migrates its tables, seeds it when it holds no scheme, and loads the newest
    /// version of every scheme. The pool is closed when `body` returns.
    ///
    /// - Parameters:
    ///   - configuration: Where the database is.
    ///   - seed: What an empty database is filled with.
    ///   - logger: Where the store logs migrations, seeding and failures.
    ///   - body: What to do with the store (serve it).
    /// - Throws: ``DatabaseError`` when the database cannot be used, or what `body` throws.
    public static func withStore<Result: Sendable>(
        _ configuration: DatabaseConfiguration, seed: PostgresSeed, logger: Logger,
        _ body: (PostgresStore) async throws -> Result
    ) async throws -> Result {
        let client = PostgresClient(configuration: configuration.clientConfiguration)
        return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            let store = try await open(client, configuration: configuration, seed: seed, logger: logger)
            return try await body(store)
        }
    }

    /// A store over a running pool: the database answered, is migrated, seeded and loaded.
    static func open(
        _ client: PostgresClient, configuration: DatabaseConfiguration, seed: PostgresSeed, logger: Logger
    ) async throws(DatabaseError) -> PostgresStore {
        do {
            try await withDeadline(configuration.startTimeout) { try await client.query("SELECT 1").drain() }
        } catch {
            throw .unreachable(configuration.redactedURL, reason: DatabaseError.reason(error))
        }
        let applied = try await PostgresSchema.migrate(client, configuration: configuration, logger: logger)
        if !applied.isEmpty {
            logger.info("migrated the database to version \(applied.max() ?? 0) (\(configuration.redactedURL))")
        }
        let seeded = try await seedIfEmpty(client, configuration: configuration, seed: seed, logger: logger)
        if !seeded.isEmpty { logger.info("seeded the empty database with \(seeded.joined(separator: ", "))") }
        let store = PostgresStore(client: client, configuration: configuration, logger: logger)
        do {
            let findings = try await store.refresh().findings
            for finding in findings { logger.error("\(finding.description)") }
        } catch {
            throw .unreachable(configuration.redactedURL, reason: DatabaseError.reason(error))
        }
        return store
    }

    /// Stores the seed's schemes as their first revisions when the database holds none.
    ///
    /// - Returns: The schemes stored (none when the database held some already).
    private static func seedIfEmpty(
        _ client: PostgresClient, configuration: DatabaseConfiguration, seed: PostgresSeed, logger: Logger
    ) async throws(DatabaseError) -> [String] {
        let table = PostgresSchema.versionsTable(configuration.schema)
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(hashtext(\(configuration.schema + ".seed")))", logger: logger
                )
                .drain()
                var count = 0
                let rows = try await connection.query("SELECT count(*) FROM \(unescaped: table)", logger: logger)
                for try await value in rows.decode(Int.self) { count = value }
                guard count == 0 else { return [] }
                let schemes: [(id: String, bytes: [UInt8])]
                do throws(ServiceStartError) {
                    schemes = try seed.schemes()
                } catch {
                    throw DatabaseError.seed(error)
                }
                for scheme in schemes {
                    try await connection.query(
                        """
                        INSERT INTO \(unescaped: table) (scheme, revision, content, etag)
                        VALUES (\(scheme.id), 1, \(ByteBuffer(bytes: scheme.bytes)), \(ETag.of(scheme.bytes)))
                        """, logger: logger
                    ).drain()
                    try await connection.query("SELECT pg_notify(\(configuration.channel), \(scheme.id))", logger: logger).drain()
                }
                return schemes.map(\.id)
            }
        } catch {
            if let seedError = (error as? PostgresTransactionError)?.closureError as? DatabaseError { throw seedError }
            throw .unreachable(configuration.redactedURL, reason: DatabaseError.reason(error))
        }
    }
}
