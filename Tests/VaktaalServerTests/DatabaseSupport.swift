import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import Testing

@testable import VaktaalServer

/// The PostgreSQL server the database tests use, as a superuser URL; `.ci/run` starts a
/// throw-away cluster and sets it. Without it the database tests are skipped.
let testDatabaseURL = ProcessInfo.processInfo.environment["VAKTAAL_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }

/// Skips a suite without a test database, saying how to get one.
let needsTestDatabase = Testing.ConditionTrait.enabled(
    if: testDatabaseURL != nil, "needs PostgreSQL: set VAKTAAL_TEST_DATABASE_URL (.ci/run starts a cluster and sets it)")

/// A schema of its own for each test, dropped afterwards, so that database tests run
/// together on one server without seeing each other.
struct TestDatabase {
    let schema: String
    let configuration: DatabaseConfiguration

    /// A fresh schema name on the test server. A transaction may take `operationTimeout`
    /// (operations that queue, such as many publishes of one scheme, may be given longer); the
    /// readiness check before each publish is given 10 s, since the other tests keep both cores
    /// busy (CI once saw ten publishes answer 503 with 0.5 s). A test of a database that goes
    /// away sets a short one itself.
    init(operationTimeout: Duration = .seconds(5)) throws {
        schema = "vt_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        var configuration = try DatabaseConfiguration(url: try #require(testDatabaseURL), schema: schema)
        configuration.readyTimeout = .seconds(10)
        configuration.operationTimeout = operationTimeout
        self.configuration = configuration
    }

    /// Runs `body`, then drops the schema (and a role the test made).
    func run<Value: Sendable>(dropping role: String? = nil, _ body: () async throws -> Value) async throws -> Value {
        do {
            let value = try await body()
            try await drop(role: role)
            return value
        } catch {
            try? await drop(role: role)
            throw error
        }
    }

    private func drop(role: String?) async throws {
        try await withAdministrator { client in
            try await client.query("DROP SCHEMA IF EXISTS \(unescaped: schema) CASCADE").drain()
            if let role { try await client.query("DROP ROLE IF EXISTS \(unescaped: role)").drain() }
        }
    }

    /// Runs `body` with a client of the test server's superuser.
    func withAdministrator<Value: Sendable>(_ body: (PostgresClient) async throws -> Value) async throws -> Value {
        let client = PostgresClient(
            configuration: try DatabaseConfiguration(url: try #require(testDatabaseURL)).clientConfiguration)
        return try await withThrowingTaskGroup(of: Void.self, returning: Value.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    /// The revisions the database holds of a scheme, and the ETags of their contents.
    func rows(of scheme: String = "lerarenopleiding") async throws -> [(revision: Int, etag: String)] {
        try await withAdministrator { client in
            var rows: [(revision: Int, etag: String)] = []
            let sequence = try await client.query(
                "SELECT revision, content FROM \(unescaped: schema).scheme_versions WHERE scheme = \(scheme) ORDER BY revision")
            for try await (revision, content) in sequence.decode((Int, ByteBuffer).self) {
                rows.append((revision, ETag.of(Array(content.readableBytesView))))
            }
            return rows
        }
    }
}

/// The ETag of a vocabulary text.
func tag(of text: String) -> String { ETag.of(Array(text.utf8)) }

/// The fixture vocabulary, as the seed of an empty database.
let fixtureSeed = PostgresSeed.files([(path: "lerarenopleiding.xml", bytes: fixtureBytes)])

/// A logger that drops everything (the tests look at answers, not at logs).
let quietLogger = Logger(label: "vaktaal-test") { _ in SwiftLogNoOpLogHandler() }

/// Runs `body` with a replica: a store over the test database and the application
/// `vaktaal serve` runs on it (with its watcher), tested without sockets.
func withReplica<Value: Sendable>(
    _ configuration: DatabaseConfiguration, pollInterval: Duration? = nil,
    _ body: @Sendable @escaping (PostgresStore, any TestClientProtocol) async throws -> Value
) async throws -> Value {
    try await PostgresStore.withStore(configuration, seed: fixtureSeed, logger: quietLogger) { store in
        let settings = ServiceConfiguration(tokens: testTokens, pollInterval: pollInterval)
        let application = buildApplication(store: store, configuration: settings, logger: quietLogger)
        return try await application.test(.router) { client in try await body(store, client) }
    }
}

/// Waits until `condition` holds, checking every 20 ms, at most `attempts` times.
func eventually(attempts: Int = 1000, _ condition: () async throws -> Bool) async throws -> Bool {
    for _ in 0..<attempts {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return false
}
