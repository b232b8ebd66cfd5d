import Foundation
import Hummingbird
import Prometheus

/// The service's Prometheus metrics, in a registry of its own (so that two applications
/// in one test process do not mix): request counts and durations per route, the snapshot
/// generation, and reloads.
public final class ServiceMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry = PrometheusCollectorRegistry()
    private let buckets: [Duration] = [
        .microseconds(100), .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(10),
        .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5),
    ]

    /// An empty registry.
    public init() {}

    /// Counts a finished request and its duration.
    func record(method: String, route: String, status: Int, duration: Duration) {
        registry.makeCounter(
            descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", "\(status)")]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.requestDuration, labels: [("method", method), ("route", route)], buckets: buckets
        ).record(duration)
    }

    /// The generation of the snapshot that serves now (set when `/metrics` is read).
    func snapshotGeneration(_ generation: Int) {
        registry.makeGauge(descriptor: Self.generation).set(Double(generation))
    }

    /// Counts a reload, by outcome.
    func reloaded(successfully: Bool) {
        registry.makeCounter(descriptor: Self.reloads, labels: [("outcome", successfully ? "ok" : "kept")]).increment()
    }

    // The metrics' names, with the help text `/metrics` shows for each.
    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "vaktaal", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "HTTP requests answered, by method, route and status.")
    }
    private static var requestDuration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "vaktaal", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "How long HTTP requests took to answer, by method and route.")
    }
    private static var generation: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "vaktaal", metricName: "snapshot_generation", unitName: "",
            helpText: "The generation of the vocabulary snapshot that serves now; each reload that succeeds adds one.")
    }
    private static var reloads: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "vaktaal", metricName: "reloads", unitName: "total",
            helpText: "Reloads of the vocabulary, by outcome (ok, or kept: the old snapshot stays).")
    }

    /// `GET /metrics`.
    func response() -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
    }
}

/// One log line per request (method, path, status, duration, request id) and the metrics
/// of it, whether the handler answered or threw.
struct ObservingMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        var status = 500
        defer {
            let duration = clock.now - start
            let route = context.endpointPath ?? "unmatched"
            metrics.record(method: request.method.rawValue, route: route, status: status, duration: duration)
            let milliseconds = Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
            // The request id is in the context's logger metadata (`hb.request.id`).
            context.logger.info(
                "\(request.method.rawValue) \(request.uri.path) \(status) \(String(format: "%.2f", milliseconds)) ms")
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch let error as any HTTPResponseError {
            status = error.status.code
            throw error
        }
    }
}

/// Cross-origin requests from the partners' web tools: the configured origins (or `*`)
/// may read the API; preflight `OPTIONS` requests are answered here.
struct CrossOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    let origins: [String]
    /// The methods a preflight allows: no PUT when the service takes no publishes.
    var methods = "GET, HEAD, POST, PUT, OPTIONS"

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let origin = request.headers[.origin], let allowed = allowedOrigin(origin) else {
            // The answer depends on the Origin when only some are allowed: caches keep them
            // apart, error answers too.
            guard !origins.contains("*") else { return try await next(request, context) }
            var response = try await answer(request, context, next)
            response.headers[.vary] = [response.headers[.vary], "Origin"].compactMap { $0 }.joined(separator: ", ")
            return response
        }
        var response: Response
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = methods
            response.headers[.accessControlAllowHeaders] =
                "Accept, Authorization, Content-Type, If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since"
            response.headers[.accessControlMaxAge] = "600"
        } else {
            // An error answer carries the headers too: a partner's web tool reads a 412's
            // current ETag and a 422's findings.
            response = try await answer(request, context, next)
        }
        response.headers[.accessControlAllowOrigin] = allowed
        response.headers[.accessControlExposeHeaders] = "ETag, Last-Modified, Location"
        if allowed != "*" {
            response.headers[.vary] = [response.headers[.vary], "Origin"].compactMap { $0 }.joined(separator: ", ")
        }
        return response
    }

    /// What `next` answers, an error as the response it stands for, so that headers can be added to it.
    private func answer(
        _ request: Request, _ context: Context, _ next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            return try error.response(from: request, context: context)
        }
    }

    private func allowedOrigin(_ origin: String) -> String? {
        if origins.contains("*") { return "*" }
        return origins.contains(origin) ? origin : nil
    }
}
