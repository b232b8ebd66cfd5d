import VaktaalCore

/// `/browse/{scheme}`: the concepts A–Z in a language, a letter at a time, and the
/// hierarchy from the top concepts, as Skosmos offers them; deprecated concepts marked.
enum BrowsePage {
    /// The most concepts the hierarchy shows at once.
    static let hierarchyLimit = 2000

    static func main(
        _ scheme: SchemeSnapshot, language requestedLanguage: String?, letter requestedLetter: String?, _ context: PageContext
    ) -> HTML {
        let words = context.words
        let set = scheme.set
        let languages = Array(Set(set.keys.flatMap { set[$0].preferredLanguages })).sorted()
        let language =
            requestedLanguage.flatMap { languages.contains($0) ? $0 : nil }
            ?? (languages.contains(context.ui.rawValue)
                ? context.ui.rawValue : scheme.vocabulary.defaultLanguage ?? languages.first ?? "nl")
        var byLetter: [String: [(text: String, key: ConceptKey)]] = [:]
        for key in set.keys {
            guard let label = set[key].preferredLabel(in: language) else { continue }
            let first = TermNormalizer.removingAccents(label.text.lowercased()).unicodeScalars.first
            let letter = first.map { ("a"..."z").contains($0) ? String($0).uppercased() : "#" } ?? "#"
            byLetter[letter, default: []].append((label.text, key))
        }
        let letters = byLetter.keys.sorted { ($0 == "#" ? 1 : 0, $0) < ($1 == "#" ? 1 : 0, $1) }
        let letter = requestedLetter.flatMap { byLetter[$0.uppercased()] == nil ? nil : $0.uppercased() } ?? letters.first ?? "A"
        let languageLinks = languages.map { other -> HTML in
            let current: HTML = other == language ? " aria-current=\"page\"" : .empty
            return "<li><a href=\"\(context.href("/browse/\(scheme.id)", [("lang", other)]))\"\(current)>\(other)</a></li>"
        }
        let letterLinks = letters.map { other -> HTML in
            let current: HTML = other == letter ? " aria-current=\"page\"" : .empty
            let href = context.href("/browse/\(scheme.id)", [("lang", language), ("letter", other)])
            return "<li><a href=\"\(href)\"\(current)>\(other)</a></li>"
        }
        let entries = (byLetter[letter] ?? [])
            .sorted { ($0.text.lowercased(), $0.text) < ($1.text.lowercased(), $1.text) }
            .map { "<li>\(ConceptPage.link($0.key, set, context))</li>" as HTML }
        let title = scheme.vocabulary.title(in: context.ui.rawValue) ?? scheme.id
        return """
            <h1>\(title)</h1>
            <nav aria-label="\(words.language)"><ul class="inline">\(languageLinks)</ul></nav>
            <section lang="\(language)">
            <h2>\(words.alphabetical)</h2>
            <nav aria-label="\(words.alphabetical)"><ul class="letters">\(letterLinks)</ul></nav>
            <h3>\(letter)</h3>
            <ul class="terms">\(entries)</ul>
            </section>
            <section>
            <h2>\(words.hierarchy)</h2>
            \(hierarchy(set, context))
            </section>
            """
    }

    /// Nested lists from the top concepts (or, where none are marked, the concepts without
    /// broader ones) down, each concept once.
    private static func hierarchy(_ set: VocabularySet, _ context: PageContext) -> HTML {
        var tops = set.keys.filter { set[$0].isTopConcept }
        if tops.isEmpty { tops = set.keys.filter { set.graph.broader(of: $0).isEmpty } }
        var shown = Set<ConceptKey>()
        func branch(_ keys: [ConceptKey]) -> HTML {
            var items: [HTML] = []
            for key in keys where shown.count < hierarchyLimit && shown.insert(key).inserted {
                let children = set.graph.narrower(of: key).filter { !shown.contains($0) }
                let nested = children.isEmpty ? .empty : branch(children)
                items.append("<li>\(ConceptPage.link(key, set, context))\(nested)</li>")
            }
            return items.isEmpty ? .empty : "<ul class=\"tree\">\(items)</ul>"
        }
        return branch(tops)
    }
}
