import VaktaalCore

/// `/concepts/{scheme}/{id}`: a concept as an editor wants to see it: the preferred term in
/// each language, alternatives, outdated terms with since, reason and what to use instead,
/// the notes, broader, narrower and related concepts as links, mappings as outgoing links,
/// the URI with a copy button, and the concept in the RDF formats.
enum ConceptPage {
    static func main(_ key: ConceptKey, in scheme: SchemeSnapshot, _ context: PageContext) -> (title: String, html: HTML) {
        let words = context.words
        let set = scheme.set
        let concept = set[key]
        let uri = set.uri(of: key)
        let defaultLanguage = scheme.vocabulary.defaultLanguage ?? "nl"
        let title = concept.displayName(in: context.ui.rawValue)
        let titleLanguage =
            (concept.preferredLabel(in: context.ui.rawValue) ?? concept.labels.first { $0.kind == .preferred })?
            .language ?? defaultLanguage
        let languages = orderedLanguages(concept, first: context.ui.rawValue)
        let sections = languages.map { language in section(concept, language: language, set: set, key: key, words) }
        var flags: [HTML] = []
        if concept.isDeprecated {
            let replacement = set.replacement(of: key).map { other -> HTML in
                ": \(words.useInstead) \(link(other, set, context))"
            }
            flags.append("<p class=\"advice\"><span class=\"flag\">\(words.deprecatedConcept)</span>\(replacement ?? .empty)</p>")
        }
        let relations: [HTML] = [
            relationList(words.broader, set.graph.broader(of: key), set, context),
            relationList(words.narrower, set.graph.narrower(of: key), set, context),
            relationList(words.related, set.graph.related(of: key), set, context),
        ]
        let mappings = concept.mappings.map { mapping -> HTML in
            let target: String
            switch mapping.target {
            case .uri(let value): target = value
            case .reference(let reference): target = set.resolve(reference, fromScheme: 0).map(set.uri(of:)) ?? reference
            }
            // Only web addresses become links: a `javascript:` URI in a vocabulary stays text.
            let isWeb = target.lowercased().hasPrefix("https://") || target.lowercased().hasPrefix("http://")
            let shown: HTML = isWeb ? "<a href=\"\(target)\" rel=\"external\">\(target)</a>" : "<span>\(target)</span>"
            return "<li>\(mapping.kind.rawValue): \(shown)</li>"
        }
        let api = "/v1/schemes/\(scheme.id)/concepts/\(concept.id)"
        let formats: [HTML] = [("skos", "RDF/XML"), ("turtle", "Turtle"), ("jsonld", "JSON-LD"), ("json", "JSON")].map {
            "<li><a href=\"\(api)?format=\($0.0)\">\($0.1)</a></li>"
        }
        let html: HTML = """
            <article class="concept">
            <h1 lang="\(titleLanguage)">\(title)</h1>
            \(flags)
            \(sections)
            \(relations)
            \(mappings.isEmpty ? .empty : "<h2>\(words.mappings)</h2><ul class=\"mappings\">\(mappings)</ul>")
            <h2>\(words.uri)</h2>
            <p class="uri"><code id="concept-uri">\(uri)</code> \
            <button type="button" class="copy" data-copy="concept-uri" data-copied="\(words.copied)" hidden>\(words.copy)</button></p>
            <p>\(words.formats):</p><ul class="formats">\(formats)</ul>
            </article>
            """
        return (title, html)
    }

    /// The languages the concept has labels or notes in, `first` first.
    private static func orderedLanguages(_ concept: Concept, first: String) -> [String] {
        var languages: [String] = []
        for language in concept.labels.map(\.language) + concept.notes.map(\.language) where !languages.contains(language) {
            languages.append(language)
        }
        return languages.sorted { ($0 == first ? 0 : 1, $0) < ($1 == first ? 0 : 1, $1) }
    }

    private static func section(
        _ concept: Concept, language: String, set: VocabularySet, key: ConceptKey, _ words: InterfaceWords
    ) -> HTML {
        let labels = concept.labels.filter { $0.language == language }
        let preferred = labels.filter { $0.kind == .preferred }.map { "<dd class=\"preferred\">\($0.text)</dd>" as HTML }
        let alternatives = labels.filter { $0.kind == .alternative }.map { "<dd>\($0.text)</dd>" as HTML }
        let replacement = concept.preferredLabel(writing: language)?.text
        let outdated = labels.filter { $0.kind == .deprecated }.map { label -> HTML in
            var details: [HTML] = []
            if let since = label.since { details.append(" · \(words.outdatedSince) \(since)") }
            if let replacement { details.append(" · \(words.useInstead) <strong>‘\(replacement)’</strong>") }
            if let reason = label.reason { details.append("<br><span class=\"reason\">\(words.reason): \(reason)</span>") }
            return "<dd class=\"outdated\"><s>\(label.text)</s>\(details)</dd>"
        }
        let notes: [(NoteKind, String)] = [
            (.definition, words.definition), (.scopeNote, words.scopeNote), (.example, words.example),
        ]
        let noteItems = notes.flatMap { kind, name in
            concept.notes(kind).filter { $0.language == language }.map { "<dt>\(name)</dt><dd>\($0.text)</dd>" as HTML }
        }
        var entries: [HTML] = []
        if !preferred.isEmpty { entries.append("<dt>\(words.preferred)</dt>\(preferred)") }
        if !alternatives.isEmpty { entries.append("<dt>\(words.alsoWritten)</dt>\(alternatives)") }
        if !outdated.isEmpty { entries.append("<dt>\(words.outdated)</dt>\(outdated)") }
        return """
            <section class="language-section" lang="\(language)">
            <h2><span class="language">\(language)</span></h2>
            <dl>\(entries)\(noteItems)</dl>
            </section>
            """
    }

    private static func relationList(_ name: String, _ keys: ArraySlice<ConceptKey>, _ set: VocabularySet, _ context: PageContext)
        -> HTML
    {
        guard !keys.isEmpty else { return .empty }
        let items = keys.map { "<li>\(link($0, set, context))</li>" as HTML }
        return "<h2>\(name)</h2><ul class=\"relations\">\(items)</ul>"
    }

    /// A link to another concept, named by its preferred term in the interface language.
    static func link(_ key: ConceptKey, _ set: VocabularySet, _ context: PageContext) -> HTML {
        let concept = set[key]
        let label = concept.preferredLabel(in: context.ui.rawValue) ?? concept.labels.first { $0.kind == .preferred }
        let deprecated: HTML = concept.isDeprecated ? " <span class=\"flag\">\(context.words.deprecatedConcept)</span>" : .empty
        return """
            <a href="\(context.href("/concepts/\(set.vocabulary(of: key).id)/\(concept.id)"))" lang="\(label?.language ?? "")">\
            \(label?.text ?? concept.id)</a>\(deprecated)
            """
    }
}
