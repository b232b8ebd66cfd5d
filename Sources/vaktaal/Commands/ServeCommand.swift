import ArgumentParser
import Foundation
import Logging
import VaktaalConfig
import VaktaalEmbeddedVocabulary
import VaktaalServer

/// `vaktaal serve`: the shared vocabulary as an HTTP service.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the vocabulary over HTTP: sync, lookup, suggest, lint and publish.",
        discussion: """
            Serves the vocabulary folder (found as for every command; the built-in vocabulary, \
            read-only, when there is none). Published versions are kept in <folder>/.vaktaal/versions. \
            The folder is reloaded when its files change and on SIGHUP; a folder with errors keeps \
            the version that was serving. SIGTERM and SIGINT stop it gracefully.
            Publishing needs tokens: --tokens FILE or $VAKTAAL_TOKENS with 'scheme sha256-hex' \
            entries ('*' for every scheme); --hash-token prints the hash of a token.
            With --database postgres://... (or $VAKTAAL_DATABASE_URL) every version is a row in \
            PostgreSQL instead, so that several replicas answer the same: the service creates and \
            migrates its tables, seeds an empty database from the vocabulary folder (or the \
            built-in vocabulary), and learns of other replicas' publishes with LISTEN/NOTIFY. \
            It keeps every version (--retain is for the folder).

            Examples:
              vaktaal serve
              vaktaal serve --host 0.0.0.0 --port 8080 --cors-origin https://partner.example.org
              vaktaal serve --hash-token "$(openssl rand -hex 24)"
              vaktaal serve --database postgres://vaktaal:secret@db.example.org/vaktaal
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(name: .customLong("cors-origin"), help: "An origin whose web pages may call the API ('*' for any); repeatable.")
    var corsOrigins: [String] = []

    @Option(help: "A file of 'scheme-id sha256-hex' lines: who may publish (also $VAKTAAL_TOKENS).")
    var tokens: String?

    @Option(name: .customLong("hash-token"), help: "Print the SHA-256 hash of a token for the tokens file, and exit.")
    var hashToken: String?

    @Option(help: "How many published versions of a scheme to keep.")
    var retain = 100

    @Option(help: "A PostgreSQL URL to keep the versions in, for several replicas (also $VAKTAAL_DATABASE_URL).")
    var database: String?

    @OptionGroup var vocabularyOptions: VocabularyOptions

    func validate() throws {
        if !(1...65535).contains(port) { throw ValidationError("--port must be from 1 to 65535") }
        if retain < 1 { throw ValidationError("--retain must be 1 or more") }
    }

    func run() async throws {
        if let hashToken {
            print(PublishTokens.hash(of: hashToken))
            return
        }
        var logger = Logger(label: "vaktaal")
        logger.logLevel = .info
        let url = database ?? ProcessInfo.processInfo.environment["VAKTAAL_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let url {
            let configuration = try DatabaseConfiguration(url: url)
            let seed: PostgresSeed =
                switch try vocabularyOptions.location() {
                case .path(let path): .folder(path)
                case .builtIn: .files(EmbeddedVocabulary.sources)
                }
            try await PostgresStore.withStore(configuration, seed: seed, logger: logger) { store in
                try await serve(store, from: configuration.redactedURL, logger: logger)
            }
            return
        }
        let store: FolderStore
        switch try vocabularyOptions.location() {
        case .path(let path):
            store = try FolderStore(folder: path, retention: retain)
        case .builtIn:
            store = try FolderStore(folder: nil, builtIn: EmbeddedVocabulary.sources, retention: retain)
        }
        try await serve(store, logger: logger)
    }

    /// Runs the service over `store` until SIGTERM or SIGINT.
    private func serve(_ store: any VocabularyStore, from source: String? = nil, logger: Logger) async throws {
        var tokenText = ProcessInfo.processInfo.environment["VAKTAAL_TOKENS"] ?? ""
        if let tokens {
            guard let text = try? String(contentsOfFile: tokens, encoding: .utf8) else {
                throw CommandError.unreadableTokens(path: tokens)
            }
            tokenText += "\n" + text
        }
        let configuration = ServiceConfiguration(
            host: host, port: port, corsOrigins: corsOrigins, tokens: try PublishTokens.parse(tokenText))
        let schemes = store.snapshot.schemes.map { scheme in
            let count = scheme.vocabulary.concepts.count
            return "\(scheme.id) (\(count) \(count == 1 ? "concept" : "concepts"))"
        }
        let origin = source.map { " from \($0)" } ?? ""
        // Said once the port is bound: a port in use is an error, not a service running.
        let serving = "serving \(schemes.joined(separator: ", "))\(origin) at http://\(host):\(port)"
        try await runService(store: store, configuration: configuration, logger: logger) { logger.info("\(serving)") }
    }
}
