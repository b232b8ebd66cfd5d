import VaktaalCore
import VaktaalXML

/// A single self-contained glossary page: A to Z per language, an anchor per concept,
/// outdated terms with the term to use instead, and a search field that filters the page
/// in the browser, without a server. Valid HTML5.
struct HTMLExporter: Exporter {
    let format = ExportFormat.html

    func export(_ set: VocabularySet, baseName: String) -> [ExportFile] {
        let glossary = Glossary(set)
        let language = glossary.sections.first?.language ?? "en"
        var html = """
            <!DOCTYPE html>
            <html lang="\(e(language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(glossary.title))</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
            nav a{margin-right:.4rem}dt{font-weight:600;margin-top:.8rem}dd{margin-left:1.2rem}
            .outdated dt{font-weight:400}del{color:#9b1c1c}.meta{color:#555;font-size:.9rem}
            input[type=search]{width:100%;font-size:1rem;padding:.4rem;margin:1rem 0}
            </style>
            </head>
            <body>
            <header>
            <h1>\(e(glossary.title))</h1>

            """
        if let description = glossary.description { html += "<p>\(e(description))</p>\n" }
        html += "<input type=\"search\" id=\"search\" placeholder=\"\(e(Glossary.words(language)["search"]!))\" aria-label=\"\(e(Glossary.words(language)["search"]!))\">\n</header>\n<main>\n"
        for section in glossary.sections { html += render(section) }
        html += """
            </main>
            <script>
            const fold = s => s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
            document.getElementById('search').addEventListener('input', event => {
              const query = fold(event.target.value.trim());
              for (const entry of document.querySelectorAll('.entry')) {
                entry.hidden = query !== '' && !fold(entry.dataset.terms).includes(query);
              }
            });
            </script>
            </body>
            </html>

            """
        return [ExportFile(path: "\(baseName).html", text: html)]
    }

    private func render(_ section: Glossary.Section) -> String {
        let words = Glossary.words(section.language)
        var html = "<section lang=\"\(e(section.language))\" id=\"\(e(section.language))\">\n"
        html += "<h2>\(e(words["language"]!)) (\(e(section.language)))</h2>\n<nav>"
        html += section.letters.map { "<a href=\"#\(e(section.language))-letter-\(e($0.letter))\">\(e($0.letter))</a>" }.joined()
        html += "</nav>\n"
        for (letter, entries) in section.letters {
            html += "<h3 id=\"\(e(section.language))-letter-\(e(letter))\">\(e(letter))</h3>\n<dl>\n"
            for entry in entries { html += render(entry, words) }
            html += "</dl>\n"
        }
        return html + "</section>\n"
    }

    private func render(_ entry: Glossary.Entry, _ words: [String: String]) -> String {
        if let target = entry.useInstead {
            let kind = entry.isMisspelling ? words["misspelling"]! : words["outdated"]!
            return """
                <div class="entry outdated" id="\(e(entry.anchor))" data-terms="\(e(entry.searchText))"><dt><del>\(e(entry.term))</del></dt>\
                <dd>\(e(kind)): \(e(words["useInstead"]!)) <a href="#\(e(target.anchor))">\(e(target.term))</a></dd></div>

                """
        }
        var html = "<div class=\"entry\" id=\"\(e(entry.anchor))\" data-terms=\"\(e(entry.searchText))\"><dt><dfn>\(e(entry.term))</dfn></dt>"
        if let definition = entry.definition { html += "<dd>\(e(definition))</dd>" }
        if !entry.alternatives.isEmpty {
            html += "<dd class=\"meta\">\(e(words["also"]!)): \(e(entry.alternatives.joined(separator: ", ")))</dd>"
        }
        for (name, links) in [("broader", entry.broader), ("narrower", entry.narrower), ("related", entry.related)] where !links.isEmpty {
            let anchors = links.map { "<a href=\"#\(e($0.anchor))\">\(e($0.term))</a>" }.joined(separator: ", ")
            html += "<dd class=\"meta\">\(e(words[name]!)): \(anchors)</dd>"
        }
        return html + "</div>\n"
    }

    /// HTML escaping for text and double-quoted attributes.
    private func e(_ text: String) -> String { XMLWriter.escapeAttribute(text) }
}
