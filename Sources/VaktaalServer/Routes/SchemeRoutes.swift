import Foundation
import Hummingbird
import VaktaalCore

extension ServiceRoutes {
    /// `GET /v1/schemes`: each scheme with its identity, metadata and ETag.
    func schemes() -> Response {
        let entries = store.snapshot.schemes.map(SchemeSummary.init)
        return JSONResponse.ok(JSONOutput.encode(entries))
    }

    /// `GET /v1/schemes/{id}`: the whole scheme, in the negotiated representation.
    func scheme(_ request: Request, _ context: Context) throws -> Response {
        let scheme = try requestedScheme(context)
        let offered: [Representation] = [.xml, .skos, .turtle, .jsonld, .tbx, .csv, .html, .markdown]
        let representation = try Representation.negotiate(request, offered: offered)
        let bytes = representation.exportFormat.map(scheme.export) ?? scheme.bytes
        let etag = representation == .xml ? scheme.etag : String(scheme.etag.dropLast()) + ".\(representation.rawValue)\""
        return try ContentResponse(
            bytes: bytes, mediaType: representation.mediaType, etag: etag, lastModified: scheme.lastModified,
            modified: scheme.published, compressedBodies: scheme.compressedBodies
        )
        .response(for: request)
    }

    /// `GET /v1/schemes/{id}/versions`: the versions the service keeps, oldest first.
    func versions(_ context: Context) async throws -> Response {
        let scheme = try requestedScheme(context)
        let history = await store.history(of: scheme.id).map(VersionSummary.init)
        return JSONResponse.ok(JSONOutput.encode(history))
    }

    /// `GET /v1/schemes/{id}/concepts/{conceptID}`: one concept, as lookup's JSON or in the
    /// vocabulary and RDF formats (the concept with the concepts it names, as stubs).
    func concept(_ request: Request, _ context: Context) throws -> Response {
        let scheme = try requestedScheme(context)
        let id = context.pathParameter("conceptID")
        guard IdentifierPattern.concept.matches(id), let key = scheme.set.resolve(id, fromScheme: 0) else {
            throw ServiceError.notFound("no concept '\(id)' in the scheme '\(scheme.id)'")
        }
        let representation = try Representation.negotiate(request, offered: [.json, .xml, .skos, .turtle, .jsonld, .html])
        let bytes: [UInt8]
        switch representation {
        case .json:
            bytes = Array(ConceptDescription(concept: key, in: scheme.set).json.utf8)
        default:
            bytes = ConceptExcerpt(key, of: scheme).bytes(as: representation)
        }
        // A header is ASCII: an id with other letters is written percent-encoded in the tag.
        let tagID =
            id.utf8.allSatisfy { $0 < 0x80 }
            ? id : id.utf8.map { $0 < 0x80 ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        let etag = String(scheme.etag.dropLast()) + ".\(tagID).\(representation.rawValue)\""
        return try ContentResponse(
            bytes: bytes, mediaType: representation.mediaType, etag: etag, lastModified: scheme.lastModified,
            modified: scheme.published
        )
        .response(for: request)
    }

    /// The longest scheme id a publish may have: its file name, with `.xml` and the temporary
    /// suffix of an atomic write, stays within 255 bytes.
    static var longestSchemeID: Int { 200 }

    /// `PUT /v1/schemes/{id}`: a partner publishes a new version of its scheme (201 for its first).
    func publish(_ request: Request, _ context: Context) async throws -> Response {
        let id = context.pathParameter("id")
        guard IdentifierPattern.scheme.matches(id) else {
            throw ServiceError(.badRequest, "'\(id)' is no scheme id: \(IdentifierPattern.scheme.explanation)")
        }
        // The scheme is kept as `<id>.xml`, and a file name has at most 255 bytes.
        guard id.utf8.count <= Self.longestSchemeID else {
            throw ServiceError(
                .badRequest, "a scheme id of \(id.utf8.count) characters is too long: at most \(Self.longestSchemeID)")
        }
        try tokens.authorize(request.headers[.authorization], scheme: id)
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces)
        guard type == nil || type == "application/xml" || type == "text/xml" else {
            throw ServiceError(.unsupportedMediaType, "publish the vocabulary file as application/xml")
        }
        let body = try await RequestBody.collect(request, limit: publishBodyLimit)
        let precondition = PublishPrecondition(ifMatch: request.headers[.ifMatch], ifNoneMatch: request.headers[.ifNoneMatch])
        // A publish that succeeds where the service had no such scheme created it (a publish
        // over a version published in between would have been refused by its precondition):
        // its first revision, when this replica's view, which may be behind, had none.
        let wasAbsent = store.snapshot.scheme(id) == nil
        let published = try await store.publish(schemeID: id, bytes: body, precondition: precondition)
        let created = wasAbsent && published.revision == 1
        // RFC 9110 9.3.4: a PUT that creates its resource answers 201.
        var response = JSONResponse.ok(JSONOutput.encode(SchemeSummary(published)), status: created ? .created : .ok)
        response.headers[.eTag] = published.etag
        response.headers[.location] = "/v1/schemes/\(id)"
        return response
    }
}

/// A scheme as `GET /v1/schemes` lists it.
struct SchemeSummary: Encodable {
    let id: String
    let uri: String
    let title: String?
    let version: String?
    let modified: String?
    let concepts: Int
    let revision: Int
    let etag: String
    let published: String

    init(_ scheme: SchemeSnapshot) {
        let vocabulary = scheme.vocabulary
        id = scheme.id
        uri = vocabulary.uri
        title = vocabulary.title(in: vocabulary.defaultLanguage)
        version = vocabulary.version
        modified = vocabulary.modified
        concepts = vocabulary.concepts.count
        revision = scheme.revision
        etag = scheme.etag
        published = ISO8601DateFormatter().string(from: scheme.published)
    }
}

/// A kept version as `GET /v1/schemes/{id}/versions` lists it.
struct VersionSummary: Encodable {
    let revision: Int
    let etag: String
    let published: String

    init(_ version: PublishedVersion) {
        revision = version.revision
        etag = version.etag
        published = ISO8601DateFormatter().string(from: version.published)
    }
}
