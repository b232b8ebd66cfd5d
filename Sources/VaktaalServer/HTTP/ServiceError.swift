import Foundation
import Hummingbird
import NIOCore
import VaktaalCore

/// An error answer of the service: a status and a JSON body `{ "error": "...", "detail": ... }`.
/// Messages speak of what the client sent or asked for; no stack traces, server paths or
/// libxml2 messages about the server's own files reach a client.
public struct ServiceError: Error, HTTPResponseError, Sendable {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// What went wrong, in one sentence.
    public let message: String
    /// Structured detail (findings, limits, offsets) as JSON text, if any.
    public let detailJSON: String?
    /// Extra headers (`WWW-Authenticate`, `Allow`).
    public let headers: HTTPFields

    /// An error with a status and a message.
    public init(_ status: HTTPResponse.Status, _ message: String, detailJSON: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.detailJSON = detailJSON
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The JSON body.
    var body: String {
        var text = "{\n  \"error\" : \(JSONString.quoted(message))"
        if let detailJSON { text += ",\n  \"detail\" : \(detailJSON)" }
        return text + "\n}\n"
    }

    static func notFound(_ what: String) -> ServiceError { ServiceError(.notFound, what) }
    static func badRequest(_ what: String) -> ServiceError { ServiceError(.badRequest, what) }
}

/// JSON string literals, escaped as every other JSON of the project is (``JSONText``).
enum JSONString {
    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var json = JSONText()
        json.string(text)
        return json.text
    }
}

/// Every error answer as JSON `{ "error", "detail" }`: the router's own (no such route,
/// method not allowed) and anything unexpected, which becomes a 500 without internals. A
/// path that exists with other methods is 405 with `Allow` (RFC 9110 15.5.6), and a plain
/// `OPTIONS` says what `Allow`s.
struct ErrorBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    let allowed: AllowedMethods

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServiceError {
            throw error
        } catch let error as any HTTPResponseError {
            switch error.status {
            case .notFound:
                guard let methods = allowed.methods(for: request.uri.path) else {
                    throw ServiceError(.notFound, "no such resource: \(request.method.rawValue) \(request.uri.path)")
                }
                let allow = methods.joined(separator: ", ")
                if request.method == .options { return Response(status: .noContent, headers: [.allow: allow]) }
                throw ServiceError(
                    .methodNotAllowed, "\(request.method.rawValue) is not allowed on \(request.uri.path): \(allow)",
                    headers: [.allow: allow])
            case .methodNotAllowed: throw ServiceError(.methodNotAllowed, "\(request.method.rawValue) is not allowed here")
            case .contentTooLarge: throw ServiceError(.contentTooLarge, "the body is too large")
            default: throw ServiceError(error.status, error.status.reasonPhrase)
            }
        } catch {
            context.logger.error("unexpected error: \(String(reflecting: error))")
            throw ServiceError(.internalServerError, "the service could not answer this request")
        }
    }
}

/// The methods each route answers, by path pattern (`/v1/schemes/{id}`): a `HEAD` for every
/// `GET` (the router makes those), and `OPTIONS`.
struct AllowedMethods: Sendable {
    private let routes: [(segments: [Substring], methods: [String])]

    init(_ routes: [(path: String, method: HTTPRequest.Method)]) {
        var byPath: [String: Set<String>] = [:]
        for route in routes {
            byPath[route.path, default: []].insert(route.method.rawValue)
            if route.method == .get { byPath[route.path, default: []].insert("HEAD") }
        }
        // A route of plain segments is looked at before one that captures a segment there.
        self.routes = byPath.map { path, methods in (path.split(separator: "/"), (methods.union(["OPTIONS"])).sorted()) }
            .sorted { $0.segments.count { $0.hasPrefix("{") } < $1.segments.count { $0.hasPrefix("{") } }
    }

    /// The methods of the route `path` is on; `nil` when none is.
    func methods(for path: String) -> [String]? {
        let segments = path.split(separator: "/")
        return routes.first { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { pattern, segment in
                    (pattern.hasPrefix("{") && pattern.hasSuffix("}")) || pattern == segment
                }
        }?.methods
    }
}
