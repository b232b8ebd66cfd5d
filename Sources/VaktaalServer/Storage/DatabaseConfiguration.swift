import Foundation
import PostgresNIO

/// Where the database of a replicated service is (`--database postgres://…`), and how long
/// the service waits for it before it answers 503.
public struct DatabaseConfiguration: Sendable {
    /// Whether the connection is encrypted (the URL's `sslmode`).
    public enum Encryption: String, Sendable {
        /// Never (`sslmode=disable`).
        case disable
        /// When the server offers it (`sslmode=prefer`, the default, as for libpq).
        case prefer
        /// Always, with the server's certificate verified (`sslmode=require`, `verify-ca`, `verify-full`).
        case require
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port (5432 unless the URL says otherwise).
    public var port: Int
    /// The role the service logs in as.
    public var username: String
    /// Its password, if the URL has one.
    public var password: String?
    /// The database; the role's name when the URL has none.
    public var database: String?
    /// Whether the connection is encrypted.
    public var encryption: Encryption
    /// The PostgreSQL schema the service keeps its tables in; several services can share
    /// one database with a schema each. Lower-case letters, digits and `_`.
    public let schema: String
    /// How long `/ready` waits for the database before it answers 503.
    public var readyTimeout: Duration = .seconds(2)
    /// How long a publish, or a check for new versions, waits for the database before it fails.
    public var operationTimeout: Duration = .seconds(10)
    /// How long the service waits for the database when it starts.
    public var startTimeout: Duration = .seconds(30)

    /// A configuration from a URL: `postgres://user:password@host:port/database?sslmode=disable`.
    ///
    /// - Parameters:
    ///   - url: A `postgres://` or `postgresql://` URL.
    ///   - schema: The schema for the service's tables.
    /// - Throws: ``DatabaseError/invalidURL(_:reason:)`` for anything else.
    public init(url: String, schema: String = "vaktaal") throws(DatabaseError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw .invalidURL(Self.redact(url), reason: "expected postgres://user:password@host:port/database")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalidURL(Self.redact(url), reason: "the URL names no host")
        }
        guard let user = components.user, !user.isEmpty else {
            throw .invalidURL(Self.redact(url), reason: "the URL names no user")
        }
        guard Self.isSchemaName(schema) else {
            throw .invalidURL(Self.redact(url), reason: "'\(schema)' is no schema name (a-z, 0-9 and _, at most 40)")
        }
        self.host = host
        port = components.port ?? 5432
        username = user
        password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? nil : path
        let sslmode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        switch sslmode {
        case "disable": encryption = .disable
        case "allow", "prefer": encryption = .prefer
        case "require", "verify-ca", "verify-full": encryption = .require
        default: throw .invalidURL(Self.redact(url), reason: "sslmode '\(sslmode)' is not disable, prefer or require")
        }
        self.schema = schema
    }

    /// The URL without its password, for logs and messages.
    public var redactedURL: String {
        "postgres://\(username)@\(host):\(port)/\(database ?? username)"
    }

    /// The channel publishes are announced on: `vaktaal_published` for the default schema.
    var channel: String { "\(schema)_published" }

    /// The connection pool's configuration.
    var clientConfiguration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch encryption {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = readyTimeout
        return configuration
    }

    /// Whether `name` can be written into SQL as a schema (and channel) name as it is.
    static func isSchemaName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || ("a"..."z").contains(first), name.count <= 40 else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// `url` with any password replaced by `***`.
    static func redact(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? "the database URL"
    }
}

/// Why the service cannot use its database.
public enum DatabaseError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// `--database` or `$VAKTAAL_DATABASE_URL` is not a usable PostgreSQL URL.
    case invalidURL(String, reason: String)
    /// The database did not answer when the service started.
    case unreachable(String, reason: String)
    /// Creating or migrating the service's tables failed.
    case migration(String, version: Int, reason: String)
    /// The database was empty, and the vocabulary to seed it with could not be read or has errors.
    case seed(ServiceStartError)

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason): "\(url): error: not a database URL: \(reason)"
        case .unreachable(let url, let reason): "\(url): error: the database does not answer: \(reason)"
        case .migration(let url, let version, let reason):
            "\(url): error: the database could not be migrated to version \(version): \(reason)"
        case .seed(let error): error.description
        }
    }

    public var errorDescription: String? { description }

    /// What went wrong with the database, in words fit for an operator's log (no query text
    /// or parameters): the server's message, or what happened to the connection.
    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] {
                return message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
            }
            return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        case let error as PostgresTransactionError:
            let inner = error.beginError ?? error.closureError ?? error.commitError ?? error.rollbackError
            return inner.map(reason) ?? "the transaction failed"
        case is DeadlineExceeded: return "no answer in time"
        default: return "\(error)"
        }
    }
}
