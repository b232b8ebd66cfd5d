import VaktaalCore

/// `/` and `/search?q=`: one search box (with suggestions as you type when scripts run),
/// and results with the preferred term, its language, what matched, and for outdated terms
/// what to use instead. A plain form GET, so it works without JavaScript.
enum SearchPage {
    static func form(_ context: PageContext, query: String = "") -> HTML {
        let words = context.words
        let keep: HTML = context.keepsUI ? "<input type=\"hidden\" name=\"ui\" value=\"\(context.ui.rawValue)\">" : .empty
        return """
            <form class="search" action="/search" method="get" role="search">
            <label for="q">\(words.searchLabel)</label>
            <div class="combobox">
            <input id="q" name="q" type="text" inputmode="search" value="\(query)" placeholder="\(words.searchPlaceholder)" autocomplete="off" \
            spellcheck="false" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="suggestions">
            <ul id="suggestions" role="listbox" aria-label="\(words.searchLabel)" hidden></ul>
            </div>
            \(keep)<button type="submit">\(words.searchButton)</button>
            </form>
            """
    }

    static func home(_ context: PageContext) -> HTML {
        let schemes = context.snapshot.schemes.map { scheme -> HTML in
            let title = scheme.vocabulary.title(in: context.ui.rawValue) ?? scheme.id
            return
                "<li><a href=\"\(context.href("/browse/\(scheme.id)"))\">\(title)</a> (\(scheme.vocabulary.concepts.count))</li>"
        }
        return """
            <h1>\(context.words.searchLabel)</h1>
            \(form(context))
            <h2>\(context.words.browse)</h2>
            <ul class="schemes">\(schemes)</ul>
            """
    }

    static func results(_ query: String, _ context: PageContext) -> HTML {
        let words = context.words
        let snapshot = context.snapshot
        let matches = snapshot.index.search(query, limit: 20)
        guard !matches.isEmpty else {
            let hints = snapshot.index.suggestions(for: query).map { entry -> HTML in
                "<li><a href=\"\(context.href("/search", [("q", entry.form)]))\">\(entry.form)</a></li>"
            }
            return """
                <h1>\(words.results) ‘\(query)’</h1>
                \(form(context, query: query))
                <p class="empty">\(words.noResults) ‘\(query)’.</p>
                \(hints.isEmpty ? .empty : "<ul class=\"hints\">\(hints)</ul>")
                """
        }
        let items = matches.map { item($0, context) }
        return """
            <h1>\(words.results) ‘\(query)’</h1>
            \(form(context, query: query))
            <ol class="results">\(items)</ol>
            """
    }

    private static func item(_ match: LookupMatch, _ context: PageContext) -> HTML {
        let words = context.words
        let set = context.snapshot.set
        let concept = set[match.concept]
        let language =
            match.entry.language.isEmpty ? (set.vocabulary(of: match.concept).defaultLanguage ?? "nl") : match.entry.language
        let preferred = concept.preferredLabel(in: language) ?? concept.labels.first { $0.kind == .preferred }
        let href = context.href("/concepts/\(set.vocabulary(of: match.concept).id)/\(concept.id)")
        var notes: [HTML] = []
        switch match.entry.kind {
        case .deprecated, .hidden:
            let kind = match.entry.kind == .deprecated ? words.outdated : words.misspelling
            let instead = set.replacement(for: match.entry) ?? preferred?.text ?? concept.id
            notes.append(
                """
                <p class="advice"><span class="flag">\(kind)</span> <span lang="\(language)">‘\(match.entry.form)’</span>: \
                \(words.useInstead) <strong lang="\(language)">‘\(instead)’</strong></p>
                """)
        case .alternative:
            notes.append("<p class=\"matched\">\(words.alsoWritten): <span lang=\"\(language)\">\(match.entry.form)</span></p>")
        case .preferred:
            break
        }
        if concept.isDeprecated { notes.append("<p class=\"advice\"><span class=\"flag\">\(words.deprecatedConcept)</span></p>") }
        let definition = concept.notes(.definition).first { $0.language == language } ?? concept.notes(.definition).first
        return """
            <li><a href="\(href)"><span lang="\(preferred?.language ?? language)">\(preferred?.text ?? concept.id)</span></a> \
            <span class="language">\(preferred?.language ?? language)</span>
            \(notes)\(definition.map { "<p class=\"definition\" lang=\"\($0.language)\">\($0.text)</p>" } ?? .empty)</li>
            """
    }
}
