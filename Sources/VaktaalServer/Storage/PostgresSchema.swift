import Logging
import PostgresNIO

/// The service's tables in PostgreSQL, created and migrated by the service when it starts.
/// Each migration runs once, in order, and is recorded in `<schema>.migrations`; all of them
/// run in one transaction under a lock, so replicas that start together migrate once and a
/// migration that fails leaves the database as it was.
enum PostgresSchema {
    /// One step of the schema's history. Never change a published step: add the next one.
    struct Migration: Sendable {
        let version: Int
        let summary: String
        let statements: [String]
    }

    /// The table every published version of every scheme is a row of.
    static func versionsTable(_ schema: String) -> String { "\(schema).scheme_versions" }

    /// The migrations, oldest first, for the tables in `schema`.
    static func migrations(in schema: String) -> [Migration] {
        [
            Migration(
                version: 1, summary: "every published version of every scheme",
                statements: [
                    """
                    CREATE TABLE \(versionsTable(schema)) (
                        scheme text NOT NULL,
                        revision bigint NOT NULL CHECK (revision > 0),
                        content bytea NOT NULL,
                        etag text NOT NULL,
                        published timestamptz NOT NULL DEFAULT now(),
                        PRIMARY KEY (scheme, revision)
                    )
                    """
                ])
        ]
    }

    /// Creates the schema and brings its tables up to the newest migration.
    ///
    /// - Returns: The versions this call applied (none when the database was up to date).
    /// - Throws: ``DatabaseError/migration(_:version:reason:)``; nothing is changed then.
    static func migrate(
        _ client: PostgresClient, configuration: DatabaseConfiguration, logger: Logger
    ) async throws(DatabaseError) -> [Int] {
        let schema = configuration.schema
        let migrations = migrations(in: schema)
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(schema + ".migrations")))", logger: logger)
                    .drain()
                // Only when it is missing: a schema made by an administrator needs no right to create schemas.
                var exists = false
                for try await _ in try await connection.query(
                    "SELECT 1 FROM pg_namespace WHERE nspname = \(schema)", logger: logger)
                {
                    exists = true
                }
                if !exists {
                    try await connection.query("CREATE SCHEMA \(unescaped: schema)", logger: logger).drain()
                }
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS \(unescaped: schema).migrations (
                        version integer PRIMARY KEY,
                        summary text NOT NULL,
                        applied timestamptz NOT NULL DEFAULT now()
                    )
                    """, logger: logger
                ).drain()
                var applied: Set<Int> = []
                let rows = try await connection.query("SELECT version FROM \(unescaped: schema).migrations", logger: logger)
                for try await version in rows.decode(Int.self) { applied.insert(version) }
                var now: [Int] = []
                for migration in migrations where !applied.contains(migration.version) {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).drain()
                    }
                    try await connection.query(
                        """
                        INSERT INTO \(unescaped: schema).migrations (version, summary)
                        VALUES (\(migration.version), \(migration.summary))
                        """, logger: logger
                    ).drain()
                    now.append(migration.version)
                }
                return now
            }
        } catch {
            let pending = migrations.last?.version ?? 0
            throw .migration(configuration.redactedURL, version: pending, reason: DatabaseError.reason(error))
        }
    }
}

extension PostgresRowSequence {
    /// Reads and drops every row, so that the connection is free for the next query.
    func drain() async throws {
        for try await _ in self {}
    }
}
