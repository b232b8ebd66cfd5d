import Foundation
import Hummingbird
import VaktaalCore

extension ServiceRoutes {
    /// `GET /v1/lookup?q=&lang=&limit=&offset=&scheme=`: the CLI's lookup and its JSON (an
    /// empty array when nothing matches); `offset` pages on, `scheme` keeps one scheme's concepts.
    func lookup(_ request: Request) throws -> Response {
        let query = try QueryText.required(request, "q")
        let languages = try QueryText.languages(request)
        let (limit, offset) = (try QueryText.limit(request, default: 10), try QueryText.offset(request))
        let snapshot = store.snapshot
        let concepts = try QueryText.scheme(request, in: snapshot)
        let descriptions = snapshot.index.search(query, languages: languages, limit: offset + limit, concepts: concepts)
            .dropFirst(offset).map { ConceptDescription($0, in: snapshot.set, languages: languages) }
        return JSONResponse.ok(ConceptDescription.json(Array(descriptions)))
    }

    /// `GET /v1/suggest?q=&lang=&limit=&offset=&scheme=`: labels that complete what was typed,
    /// each with the concept it leads to; outdated terms are marked and say what to use instead.
    func suggest(_ request: Request) throws -> Response {
        let typed = try QueryText.required(request, "q")
        let languages = try QueryText.languages(request)
        let (limit, offset) = (try QueryText.limit(request, default: 8), try QueryText.offset(request))
        let snapshot = store.snapshot
        let concepts = try QueryText.scheme(request, in: snapshot)
        let suggestions = snapshot.index.completions(of: typed, languages: languages, limit: offset + limit, concepts: concepts)
            .dropFirst(offset).map { Suggestion($0, in: snapshot.set) }
        return JSONResponse.ok(Suggestion.json(Array(suggestions)))
    }
}

/// One completion for a search box.
struct Suggestion: Encodable {
    /// The label form that completes the typed text.
    let label: String
    let language: String?
    /// `preferred`, `alternative` or `deprecated`.
    let status: String
    let concept: String
    let id: String
    let scheme: String
    /// The concept's preferred term in the label's language.
    let preferred: String
    /// Whether the label is outdated (or names a deprecated concept).
    let outdated: Bool
    /// What to write instead, for an outdated label.
    let useInstead: String?

    /// Suggestions as a JSON array, written directly (a search box asks on every keystroke).
    static func json(_ suggestions: [Suggestion]) -> String {
        var json = JSONText()
        json.open("[")
        for (index, suggestion) in suggestions.enumerated() {
            json.separator(first: index == 0, indent: 1)
            json.open("{")
            json.key("concept", first: true, indent: 2)
            json.string(suggestion.concept)
            json.key("id", first: false, indent: 2)
            json.string(suggestion.id)
            json.key("label", first: false, indent: 2)
            json.string(suggestion.label)
            json.optionalString("language", suggestion.language, indent: 2)
            json.key("outdated", first: false, indent: 2)
            json.boolean(suggestion.outdated)
            json.key("preferred", first: false, indent: 2)
            json.string(suggestion.preferred)
            json.key("scheme", first: false, indent: 2)
            json.string(suggestion.scheme)
            json.key("status", first: false, indent: 2)
            json.string(suggestion.status)
            json.optionalString("useInstead", suggestion.useInstead, indent: 2)
            json.close("}", empty: false, indent: 1)
        }
        json.close("]", empty: suggestions.isEmpty, indent: 0)
        return json.text
    }

    init(_ entry: IndexEntry, in set: VocabularySet) {
        let concept = set[entry.concept]
        label = entry.form
        language = entry.labelIndex == nil ? nil : entry.language
        status = entry.kind.status
        self.concept = set.uri(of: entry.concept)
        id = concept.id
        scheme = set.vocabulary(of: entry.concept).id
        preferred = concept.displayName(in: entry.language)
        outdated = entry.kind == .deprecated || entry.conceptIsDeprecated
        useInstead = outdated ? set.replacement(for: entry) : nil
    }
}

/// Query parameters, checked.
enum QueryText {
    /// A parameter that must be there and not be blank.
    static func required(_ request: Request, _ name: String) throws(ServiceError) -> String {
        guard let value = request.queryValue(name), !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ServiceError.badRequest("give the parameter '\(name)'")
        }
        return value
    }

    /// `lang`: a comma-separated list, or `all` / absent for every language.
    ///
    /// - Throws: ``ServiceError`` 400 for a tag of no language.
    static func languages(_ request: Request) throws(ServiceError) -> Set<String>? {
        do {
            return try LanguageTag.selection(request.queryValue("lang"))
        } catch {
            throw ServiceError.badRequest("lang \(error)")
        }
    }

    /// `offset`: how many of the best answers to pass over, 0 to 1,000 (0 when absent).
    static func offset(_ request: Request) throws(ServiceError) -> Int {
        guard let text = request.queryValue("offset") else { return 0 }
        guard let offset = Int(text), (0...1000).contains(offset) else {
            throw ServiceError.badRequest("'offset' must be a whole number from 0 to 1000")
        }
        return offset
    }

    /// `scheme`: the id of the one scheme whose concepts count (all when absent).
    ///
    /// - Throws: ``ServiceError`` 404 for a scheme the service does not have.
    static func scheme(_ request: Request, in snapshot: ServiceSnapshot) throws(ServiceError) -> ((ConceptKey) -> Bool)? {
        guard let id = request.queryValue("scheme") else { return nil }
        guard let index = snapshot.set.vocabularies.firstIndex(where: { $0.id == id }) else {
            throw ServiceError.notFound("the service has no scheme '\(id)' (see /v1/schemes)")
        }
        let set = snapshot.set
        return { set.schemeIndex(of: $0) == index }
    }

    /// `limit`: 1 to 100.
    static func limit(_ request: Request, default value: Int) throws(ServiceError) -> Int {
        guard let text = request.queryValue("limit") else { return value }
        guard let limit = Int(text), (1...100).contains(limit) else {
            throw ServiceError.badRequest("'limit' must be a whole number from 1 to 100")
        }
        return limit
    }
}
