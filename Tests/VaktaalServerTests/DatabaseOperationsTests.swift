import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import Testing

@testable import VaktaalServer

/// Starting on a database: migrations, seeding, and a database that goes away mid-run.
@Suite(needsTestDatabase) struct DatabaseOperationsTests {
    @Test func migrationsRunOnceAndSeedingOnlyFillsAnEmptyDatabase() async throws {
        let database = try TestDatabase()
        try await database.run {
            // Two replicas starting together on an empty database: one migrates and seeds.
            async let first: Int = PostgresStore.withStore(database.configuration, seed: fixtureSeed, logger: quietLogger) {
                $0.snapshot.schemes.count
            }
            async let second: Int = PostgresStore.withStore(database.configuration, seed: fixtureSeed, logger: quietLogger) {
                $0.snapshot.schemes.count
            }
            #expect(try await (first, second) == (1, 1))
            try await database.withAdministrator { client in
                let again = try await PostgresSchema.migrate(client, configuration: database.configuration, logger: quietLogger)
                #expect(again.isEmpty)
                var versions: [Int] = []
                for try await version in try await client.query(
                    "SELECT version FROM \(unescaped: database.schema).migrations ORDER BY version"
                ).decode(Int.self) {
                    versions.append(version)
                }
                #expect(versions == PostgresSchema.migrations(in: database.schema).map(\.version))
            }
            // A database that holds a scheme is not seeded again, whatever the seed says.
            let other = PostgresSeed.files([
                (path: "lerarenopleiding.xml", bytes: Array(changedVocabulary().utf8))
            ])
            try await PostgresStore.withStore(database.configuration, seed: other, logger: quietLogger) { store in
                #expect(store.snapshot.scheme("lerarenopleiding")?.etag == ETag.of(fixtureBytes))
            }
            let rows = try await database.rows()
            #expect(rows.map(\.revision) == [1])
        }
    }

    @Test func anInvalidSeedIsRefusedAndStoresNothing() async throws {
        let database = try TestDatabase()
        try await database.run {
            let broken = PostgresSeed.files([(path: "kapot.xml", bytes: Array("<vocabulary><concept>".utf8))])
            await #expect {
                try await PostgresStore.withStore(database.configuration, seed: broken, logger: quietLogger) { _ in }
            } throws: { error in
                guard case .seed(.invalid(let findings)) = error as? DatabaseError else { return false }
                return findings.first?.location?.path == "kapot.xml"
            }
            let rows = try await database.rows()
            #expect(rows.isEmpty)
        }
    }

    /// The database "goes away" for this replica alone: its role may no longer log in and
    /// its connections are terminated (`pg_terminate_backend`), so other tests sharing the
    /// server are not disturbed. Then it comes back.
    @Test func whenTheDatabaseGoesAwayReadsGoOnPublishesFailCleanlyAndReadyIs503() async throws {
        let database = try TestDatabase()
        let role = database.schema + "_role"
        let password = UUID().uuidString
        try await database.withAdministrator { client in
            try await client.query("CREATE ROLE \(unescaped: role) LOGIN PASSWORD '\(unescaped: password)'").drain()
            try await client.query("CREATE SCHEMA \(unescaped: database.schema) AUTHORIZATION \(unescaped: role)").drain()
        }
        var configuration = database.configuration
        configuration.operationTimeout = .seconds(2)
        configuration.readyTimeout = .milliseconds(500)
        configuration.username = role
        configuration.password = password
        try await database.run(dropping: role) {
            try await withReplica(configuration, pollInterval: .milliseconds(200)) { store, client in
                // Ready once its first check of the database is answered (on a loaded machine
                // that may take longer than the first request).
                #expect(try await eventually { try await client.execute(uri: "/ready", method: .get).status == .ok })
                try await database.withAdministrator { admin in
                    try await admin.query("ALTER ROLE \(unescaped: role) NOLOGIN").drain()
                    try await admin.query(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = \(role)"
                    ).drain()
                }
                try await client.execute(uri: "/ready", method: .get) { response in
                    #expect(response.status == .serviceUnavailable && response.body.text.contains("\"error\""))
                }
                try await client.execute(uri: "/v1/lookup?q=mentor", method: .get) { response in
                    #expect(response.status == .ok && response.body.text.contains("werkplekbegeleider"))
                }
                try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .get) { response in
                    #expect(response.status == .ok && response.headers[.eTag] == ETag.of(fixtureBytes))
                }
                let refused = try await put(client, changedVocabulary(), ifMatch: "*")
                #expect(refused.status == .serviceUnavailable, "\(refused.body.text)")
                #expect(refused.body.text.contains("\"error\"") && !refused.body.text.contains(password))
                #expect(store.snapshot.scheme("lerarenopleiding")?.revision == 1)

                try await database.withAdministrator { admin in
                    try await admin.query("ALTER ROLE \(unescaped: role) LOGIN").drain()
                }
                let back = try await eventually { try await client.execute(uri: "/ready", method: .get).status == .ok }
                #expect(back, "the replica should be ready again once the database answers")
                let etag = store.snapshot.scheme("lerarenopleiding")?.etag
                let accepted = try await put(client, changedVocabulary(), ifMatch: etag)
                #expect(accepted.status == .ok, "\(accepted.body.text)")
            }
            let rows = try await database.rows()
            #expect(rows.map(\.revision) == [1, 2])
        }
    }

    func put(_ client: any TestClientProtocol, _ body: String, ifMatch: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/xml", .authorization: "Bearer \(partnerToken)"]
        if let ifMatch { headers[.ifMatch] = ifMatch }
        return try await client.execute(
            uri: "/v1/schemes/lerarenopleiding", method: .put, headers: headers, body: ByteBuffer(string: body))
    }
}

/// What needs no database: reading `--database` URLs, and a database that is not there.
@Suite struct DatabaseConfigurationTests {
    @Test(arguments: [
        ("postgres://vaktaal:geheim@db.example.org:6543/woorden?sslmode=require", "db.example.org", 6543, "woorden"),
        ("postgresql://vaktaal@127.0.0.1/woorden", "127.0.0.1", 5432, "woorden"),
        ("postgres://vaktaal@localhost", "localhost", 5432, nil),
    ])
    func aURLNamesTheServerRoleAndDatabase(_ url: String, _ host: String, _ port: Int, _ name: String?) throws {
        let configuration = try DatabaseConfiguration(url: url)
        #expect(configuration.host == host && configuration.port == port && configuration.database == name)
        #expect(configuration.username == "vaktaal" && configuration.channel == "vaktaal_published")
        #expect(!configuration.redactedURL.contains("geheim"))
    }

    @Test(arguments: [
        "mysql://vaktaal@localhost/woorden", "postgres://:geheim@localhost/woorden", "postgres:///woorden",
        "postgres://vaktaal:geheim@localhost/woorden?sslmode=sometimes", "niets",
    ])
    func anythingElseIsRefusedWithoutShowingThePassword(_ url: String) {
        #expect {
            try DatabaseConfiguration(url: url)
        } throws: { error in
            guard case .invalidURL = error as? DatabaseError else { return false }
            return !"\(error)".contains("geheim") && "\(error)".contains("error: not a database URL")
        }
    }

    @Test(arguments: ["vaktaal", "vt_0123", "_x"]) func schemaNamesAreSafeInSQL(_ name: String) {
        #expect(DatabaseConfiguration.isSchemaName(name))
    }

    @Test(arguments: ["Vaktaal", "1abc", "a-b", "a;drop", "", String(repeating: "a", count: 41)])
    func otherSchemaNamesAreRefused(_ name: String) {
        #expect(!DatabaseConfiguration.isSchemaName(name))
        #expect(throws: DatabaseError.self) { try DatabaseConfiguration(url: "postgres://u@localhost/d", schema: name) }
    }

    /// Nothing listens on port 1: the service does not start, and says why.
    @Test func aDatabaseThatDoesNotAnswerStopsTheStart() async throws {
        var configuration = try DatabaseConfiguration(url: "postgres://vaktaal:geheim@127.0.0.1:1/woorden?sslmode=disable")
        configuration.startTimeout = .milliseconds(500)
        await #expect {
            try await PostgresStore.withStore(configuration, seed: fixtureSeed, logger: quietLogger) { _ in }
        } throws: { error in
            guard case .unreachable(let url, _) = error as? DatabaseError else { return false }
            return url == "postgres://vaktaal@127.0.0.1:1/woorden" && !"\(error)".contains("geheim")
        }
    }
}
