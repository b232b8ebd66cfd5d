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
/// method not allowed) and anything unexpected, which becomes a 500 without internals.
struct ErrorBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServiceError {
            throw error
        } catch let error as any HTTPResponseError {
            switch error.status {
            case .notFound: throw ServiceError(.notFound, "no such resource: \(request.method.rawValue) \(request.uri.path)")
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
