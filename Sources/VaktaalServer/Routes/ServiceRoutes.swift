import Foundation
import Hummingbird
import VaktaalCore

/// The routes of the API, over one store. Handlers read the snapshot current when the
/// request came in and never change it; publishing goes through the store.
struct ServiceRoutes<Context: RequestContext>: Sendable {
    let store: any VocabularyStore
    let tokens: PublishTokens
    /// The largest lint or publish body taken.
    let lintBodyLimit: Int
    let publishBodyLimit: Int

    /// Adds every route to `router`.
    func register(on router: Router<Context>) {
        router.get("/health") { _, _ in JSONResponse.ok(#"{ "status" : "ok" }"#) }
        router.get("/ready") { _, _ in try await ready() }
        router.get("/openapi.json") { _, _ in OpenAPIDocument.response() }
        router.get("/v1/schemes") { _, _ in schemes() }
        router.get("/v1/schemes/:id") { request, context in try scheme(request, context) }
        router.put("/v1/schemes/:id") { request, context in try await publish(request, context) }
        router.get("/v1/schemes/:id/versions") { _, context in try await versions(context) }
        router.get("/v1/schemes/:id/changes") { request, context in try await changes(request, context) }
        router.get("/v1/schemes/:id/concepts/:conceptID") { request, context in try concept(request, context) }
        router.get("/v1/lookup") { request, _ in try lookup(request) }
        router.get("/v1/suggest") { request, _ in try suggest(request) }
        router.post("/v1/lint") { request, _ in try await lint(request) }
    }

    private func ready() async throws -> Response {
        guard await store.isReady() else {
            throw ServiceError(.serviceUnavailable, "the store does not answer; reads are served from the last snapshot")
        }
        let snapshot = store.snapshot
        return JSONResponse.ok(
            #"{ "status" : "ready", "schemes" : \#(snapshot.schemes.count), "generation" : \#(snapshot.generation) }"#)
    }

    /// The scheme named by the `id` parameter.
    func requestedScheme(_ context: Context) throws -> SchemeSnapshot {
        let id = context.pathParameter("id")
        guard IdentifierPattern.scheme.matches(id) else {
            throw ServiceError(.badRequest, "'\(id)' is no scheme id: \(IdentifierPattern.scheme.explanation)")
        }
        guard let scheme = store.snapshot.scheme(id) else { throw ServiceError.notFound("no scheme '\(id)'") }
        return scheme
    }
}

/// JSON answers.
enum JSONResponse {
    /// `200 OK` with a JSON body.
    static func ok(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: json.hasSuffix("\n") ? json : json + "\n")))
    }
}
