import Foundation
import Hummingbird
import VaktaalCore
import VaktaalSync

extension ServiceRoutes {
    /// `GET /v1/schemes/{id}/changes?since=REVISION`: the concept-level changes from a
    /// published version to the current one, as `vaktaal diff --format json` gives them, for
    /// partners that want to know what changed rather than download everything. 410 for a
    /// version the service no longer keeps; 304 for a client that has these changes already
    /// (their tag names the current version and `since`).
    func changes(_ request: Request, _ context: Context) async throws -> Response {
        let scheme = try requestedScheme(context)
        guard let text = request.queryValue("since"), let since = Int(text), since >= 1 else {
            throw ServiceError.badRequest(
                "give 'since', the revision to compare from (1, 2, …; see /v1/schemes/\(scheme.id)/versions)")
        }
        guard since <= scheme.revision else {
            throw ServiceError.notFound(
                "the scheme '\(scheme.id)' has no revision \(since) yet (the current one is \(scheme.revision))")
        }
        let history = await store.history(of: scheme.id)
        guard let oldest = history.first?.revision, since >= oldest,
            let bytes = await store.content(of: scheme.id, revision: since)
        else {
            throw ServiceError(
                .gone, "revision \(since) of '\(scheme.id)' is no longer kept: download the whole scheme",
                detailJSON: "{ \"oldestKept\" : \(history.first?.revision ?? scheme.revision) }")
        }
        let etag = String(scheme.etag.dropLast()) + ".since-\(since)\""
        if let noneMatch = request.headers[.ifNoneMatch], ETagMatching.noneMatchHits(noneMatch, etag) {
            return Response(status: .notModified, headers: [.eTag: etag, .cacheControl: "no-cache"])
        }
        let old = VocabularyLoader.load(sources: [(path: "\(scheme.id).xml", bytes: bytes)]).set
        let diff = VocabularyDiff(from: old, to: scheme.set)
        var response = JSONResponse.ok(DiffRenderer.render(diff, as: .json))
        response.headers[.eTag] = etag
        return response
    }
}
