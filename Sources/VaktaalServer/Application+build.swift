import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The service's router over a store: every route of the API, `/metrics`, and the
/// middleware for logs, metrics and cross-origin calls. Shared by `vaktaal serve` and the tests.
public func buildRouter(
    store: any VocabularyStore, configuration: ServiceConfiguration, metrics: ServiceMetrics = ServiceMetrics()
) -> Router<BasicRequestContext> {
    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/metrics") { _, _ in
            // The generation is read when scraped: reloads and publishes both make new ones.
            metrics.snapshotGeneration(store.snapshot.generation)
            return metrics.response()
        }
        ServiceRoutes<BasicRequestContext>(
            store: store, tokens: configuration.tokens, lintBodyLimit: configuration.lintBodyLimit,
            publishBodyLimit: configuration.publishBodyLimit
        ).register(on: router)
        PageRoutes<BasicRequestContext>(store: store, lintBodyLimit: configuration.lintBodyLimit).register(on: router)
    }
    // Middleware wraps the routes added after it, and a 405 names the methods of every
    // route: the routes are listed once on a router of their own first.
    let listing = Router(context: BasicRequestContext.self)
    addRoutes(to: listing)
    // A store that takes no publishes (the built-in vocabulary) offers no PUT, in an Allow or a preflight.
    let allowed = AllowedMethods(
        listing.routes.filter { store.isWritable || $0.method != .put }.map { (path: $0.path.description, method: $0.method) })
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: ObservingMiddleware(metrics: metrics))
    // CORS outside the error bodies: it adds its headers to the JSON error answers (a 405
    // with its Allow) that the error middleware makes of the router's own errors.
    if !configuration.corsOrigins.isEmpty {
        router.add(
            middleware: CrossOriginMiddleware(
                origins: configuration.corsOrigins,
                methods: store.isWritable ? "GET, HEAD, POST, PUT, OPTIONS" : "GET, HEAD, POST, OPTIONS"))
    }
    router.add(middleware: ErrorBodyMiddleware(allowed: allowed))
    router.add(middleware: CompressionMiddleware())
    addRoutes(to: router)
    return router
}

/// The application `vaktaal serve` runs: the router on the configured address, and for a
/// folder store the watcher that reloads it (for a database, the one that installs new
/// versions). It stops gracefully on SIGTERM and SIGINT (requests in flight finish).
public func buildApplication(
    store: any VocabularyStore, configuration: ServiceConfiguration, logger: Logger,
    onRunning: @escaping @Sendable () async -> Void = {}
) -> some ApplicationProtocol {
    let metrics = ServiceMetrics()
    var services: [any Service] = []
    if let folder = store as? FolderStore, folder.isWritable, let interval = configuration.pollInterval {
        services.append(FolderWatcher(store: folder, interval: interval, metrics: metrics, logger: logger))
    }
    if let database = store as? PostgresStore {
        services.append(DatabaseWatcher(store: database, interval: configuration.pollInterval, metrics: metrics, logger: logger))
    }
    return Application(
        router: buildRouter(store: store, configuration: configuration, metrics: metrics),
        server: .http1(
            configuration: .init(additionalChannelHandlers: [MalformedRequestAnswer(), ContinueExpectation(), DrainBeforeClose()])
        ),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "vaktaal"),
        services: services,
        onServerRunning: { _ in await onRunning() },
        logger: logger)
}

/// Runs ``buildApplication(store:configuration:logger:onRunning:)`` until SIGTERM or SIGINT;
/// `onRunning` is called once it listens.
///
/// - Throws: ``ServiceStartError/cannotListen(address:reason:)`` when the address cannot be
///   bound (the port is in use, or not the user's to take).
public func runService(
    store: any VocabularyStore, configuration: ServiceConfiguration, logger: Logger,
    onRunning: @escaping @Sendable () async -> Void
) async throws {
    do {
        try await buildApplication(store: store, configuration: configuration, logger: logger, onRunning: onRunning)
            .runService()
    } catch let error as IOError where [EADDRINUSE, EADDRNOTAVAIL, EACCES].contains(error.errnoCode) {
        let reason =
            switch error.errnoCode {
            case EADDRINUSE: "the port is in use (is another service running there?): choose another with --port"
            case EACCES: "the port is not yours to take (ports below 1024 need privileges): choose another with --port"
            default: "this machine has no such address: choose another with --host"
            }
        throw ServiceStartError.cannotListen(address: "http://\(configuration.host):\(configuration.port)", reason: reason)
    }
}
