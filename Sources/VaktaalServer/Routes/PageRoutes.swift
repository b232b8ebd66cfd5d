import Foundation
import Hummingbird
import VaktaalCore
import VaktaalLint

/// The web pages for editors and authors, on the same snapshot and library as the API:
/// server-rendered, with a little plain JavaScript that only enhances them.
struct PageRoutes<Context: RequestContext>: Sendable {
    let store: any VocabularyStore
    let lintBodyLimit: Int

    func register(on router: Router<Context>) {
        router.get("/") { request, _ in page(request) { ($0.words.search, SearchPage.home($0)) } }
        router.get("/search") { request, _ in
            let query = request.queryValue("q") ?? ""
            return page(request) { context in
                query.trimmingCharacters(in: .whitespaces).isEmpty
                    ? (context.words.search, SearchPage.home(context))
                    : ("\(context.words.results) ‘\(query)’", SearchPage.results(query, context))
            }
        }
        router.get("/concepts/:scheme/:id") { request, context in try concept(request, context) }
        router.get("/browse/:scheme") { request, context in try browse(request, context) }
        router.get("/lint") { request, _ in page(request) { ($0.words.check, LintPage.form($0)) } }
        router.post("/lint") { request, _ in try await lint(request) }
        router.get("/changes/:scheme") { request, context in try await changes(request, context) }
        router.get("/assets/:file") { _, context in try asset(context.pathParameter("file")) }
    }

    private func page(_ request: Request, _ make: (PageContext) -> (String, HTML)) -> Response {
        let context = PageContext(request, snapshot: store.snapshot)
        let (title, main) = make(context)
        return PageLayout.page(title, context, main: main)
    }

    private func notFound(_ request: Request, _ message: String) -> Response {
        let context = PageContext(request, snapshot: store.snapshot)
        return PageLayout.page(message, context, main: "<h1>\(message)</h1>\(SearchPage.form(context))", status: .notFound)
    }

    private func concept(_ request: Request, _ context: Context) throws -> Response {
        let schemeID = context.pathParameter("scheme")
        let id = context.pathParameter("id")
        let snapshot = store.snapshot
        guard let scheme = snapshot.scheme(schemeID), IdentifierPattern.concept.matches(id),
            let key = scheme.set.resolve(id, fromScheme: 0)
        else { return notFound(request, "404 · \(schemeID)/\(id)") }
        let pageContext = PageContext(request, snapshot: snapshot)
        let (title, html) = ConceptPage.main(key, in: scheme, pageContext)
        return PageLayout.page(title, pageContext, main: html)
    }

    private func browse(_ request: Request, _ context: Context) throws -> Response {
        let schemeID = context.pathParameter("scheme")
        guard let scheme = store.snapshot.scheme(schemeID) else { return notFound(request, "404 · \(schemeID)") }
        let language = request.queryValue("lang")
        let letter = request.queryValue("letter")
        return page(request) { context in
            (context.words.browse, BrowsePage.main(scheme, language: language, letter: letter, context))
        }
    }

    private func lint(_ request: Request) async throws -> Response {
        let body: [UInt8]
        do {
            body = try await RequestBody.collect(request, limit: lintBodyLimit)
        } catch let error as ServiceError where error.status == .contentTooLarge {
            let limit = lintBodyLimit % (1 << 20) == 0 ? "\(lintBodyLimit >> 20) MB" : "\(lintBodyLimit >> 10) KB"
            return formAgain(
                request, status: .contentTooLarge,
                dutch: "De tekst of het bestand is groter dan \(limit): controleer het met vaktaal lint op de opdrachtregel.",
                english: "The text or file is larger than \(limit): check it with vaktaal lint on the command line.")
        }
        let type = request.headers[.contentType] ?? ""
        var submission = LintPage.Submission(text: [], format: .text, language: nil)
        var fields: [String: [UInt8]] = [:]
        // The format an uploaded file's name gives.
        var uploaded: DocumentFormat?
        // A form is sent URL-encoded or as multipart (with a file); anything else is no form.
        if !type.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            guard let form = MultipartForm(body, contentType: type) else {
                return formAgain(
                    request, status: .badRequest,
                    dutch: "Het formulier kon niet gelezen worden: stuur het opnieuw vanaf deze pagina.",
                    english: "The form could not be read: send it again from this page.")
            }
            for field in form.fields { fields[field.name] = field.bytes }
            if let file = form["file"], let name = file.filename, !name.isEmpty, !file.bytes.isEmpty {
                fields["text"] = file.bytes
                uploaded = DocumentReaders.format(forPath: name)
            }
        } else {
            guard let form = URLEncodedForm.fields(body) else {
                return formAgain(
                    request, status: .badRequest,
                    dutch:
                        "Het formulier kon niet gelezen worden (een %-teken zonder twee cijfers erna): stuur het opnieuw vanaf deze pagina.",
                    english:
                        "The form could not be read (a % sign without two hex digits after it): send it again from this page.")
            }
            for (name, value) in form { fields[name] = Array(value.utf8) }
        }
        submission.text = fields["text"] ?? []
        // The page shows and fixes text, of the format the form chose; an uploaded office
        // document has its findings listed.
        submission.format =
            uploaded
            ?? fields["format"].flatMap { DocumentFormat(rawValue: String(decoding: $0, as: UTF8.self)) }.flatMap {
                $0.isText ? $0 : nil
            } ?? .text
        let language = fields["lang"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        submission.language = language.isEmpty ? nil : language
        return page(request) { ($0.words.check, LintPage.results(submission, $0)) }
    }

    /// The form again, saying in the page's language what went wrong (a person at the form
    /// reads this, not JSON).
    private func formAgain(_ request: Request, status: HTTPResponse.Status, dutch: String, english: String) -> Response {
        let context = PageContext(request, snapshot: store.snapshot)
        let message = HTML.escaped(context.ui == .dutch ? dutch : english)
        return PageLayout.page(
            context.words.check, context, main: "\(LintPage.form(context))<p class=\"empty\" role=\"alert\">\(message)</p>",
            status: status)
    }

    private func changes(_ request: Request, _ context: Context) async throws -> Response {
        let schemeID = context.pathParameter("scheme")
        guard let scheme = store.snapshot.scheme(schemeID) else { return notFound(request, "404 · \(schemeID)") }
        let history = await store.history(of: scheme.id)
        var versions: [(PublishedVersion, [UInt8]?)] = []
        for version in history.reversed() {
            versions.append((version, await store.content(of: scheme.id, revision: version.revision)))
        }
        return page(request) { context in (context.words.changes, ChangesPage.main(scheme, versions, context)) }
    }

    private func asset(_ name: String) throws -> Response {
        let types = ["app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"]
        guard let type = types[name], let text = embeddedResources.first(where: { $0.name == name })?.text else {
            throw ServiceError.notFound("no asset '\(name)'")
        }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// `application/x-www-form-urlencoded` bodies.
enum URLEncodedForm {
    /// The fields, decoded; `nil` when a `%` is not followed by two hex digits (or what they
    /// spell is not UTF-8): the form was not made by a browser, and its text is not what was typed.
    static func fields(_ body: [UInt8]) -> [(String, String)]? {
        var fields: [(String, String)] = []
        for (name, value) in pairs(body) {
            guard let name = name.removingPercentEncoding, let value = value.removingPercentEncoding else { return nil }
            fields.append((name, value))
        }
        return fields
    }

    /// The fields of a query, each part that does not decode taken as it is written.
    static func lenientFields(_ query: [UInt8]) -> [(String, String)] {
        pairs(query).map { ($0.removingPercentEncoding ?? $0, $1.removingPercentEncoding ?? $1) }
    }

    /// Each `name=value` pair, `+` read as a space, not yet percent-decoded.
    private static func pairs(_ body: [UInt8]) -> [(String, String)] {
        String(decoding: body, as: UTF8.self).split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.replacingOccurrences(of: "+", with: " ") }
            return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
        }
    }
}
