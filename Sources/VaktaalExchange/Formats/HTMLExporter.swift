import VaktaalCore

/// A single self-contained glossary page: A to Z per language, an anchor per concept,
/// outdated terms with the term to use instead, and a search field that filters the page
/// in the browser, without a server. Valid HTML5.
struct HTMLExporter: Exporter {
    let format = ExportFormat.html

    func export(_ input: ExportInput, to sink: any ExportSink) {
        let baseName = input.baseName
        let glossary = input.glossary
        let language = glossary.sections.first?.language ?? "en"
        let search = GlossaryWords(language).search
        var html = ByteBuffer(file: "\(baseName).html", on: sink)
        html += "<!DOCTYPE html>\n<html lang=\""
        html.appendEscaped(language)
        html += """
            ">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>
            """
        html.appendEscaped(glossary.title)
        html += """
            </title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
            nav a{margin-right:.4rem}dt{font-weight:600;margin-top:.8rem}dd{margin-left:1.2rem}
            .outdated dt{font-weight:400}del{color:#9b1c1c}.meta{color:#555;font-size:.9rem}
            input[type=search]{width:100%;font-size:1rem;padding:.4rem;margin:1rem 0}
            </style>
            </head>
            <body>
            <header>
            <h1>
            """
        html.appendEscaped(glossary.title)
        html += "</h1>\n"
        if let description = glossary.description {
            html += "<p>"
            html.appendEscaped(description)
            html += "</p>\n"
        }
        html += "<input type=\"search\" id=\"search\" placeholder=\""
        html.appendEscaped(search)
        html += "\" aria-label=\""
        html.appendEscaped(search)
        html += "\">\n</header>\n<main>\n"
        for section in glossary.sections { write(section, of: glossary, into: &html) }
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
        html.finish()
    }

    private func write(_ section: Glossary.Section, of glossary: Glossary, into html: inout ByteBuffer) {
        let language = section.language
        html += "<section lang=\""
        html.appendEscaped(language)
        html += "\" id=\""
        html.appendEscaped(language)
        html += "\""
        html += TextDirection.attribute(for: language, in: "")
        html += ">\n<h2>"
        html.appendEscaped(section.words.language)
        html += " ("
        html.appendEscaped(language)
        html += ")</h2>\n<nav>"
        for (letter, _) in section.letters {
            html += "<a href=\"#"
            writeLetterAnchor(letter, language, into: &html)
            html += "\">"
            html.appendEscaped(letter)
            html += "</a>"
        }
        html += "</nav>\n"
        for (letter, range) in section.letters {
            html += "<h3 id=\""
            writeLetterAnchor(letter, language, into: &html)
            html += "\">"
            html.appendEscaped(letter)
            html += "</h3>\n<dl>\n"
            for index in range {
                write(section.entries[index], in: section, of: glossary, into: &html)
                html.flushIfFull()
            }
            html += "</dl>\n"
        }
        html += "</section>\n"
    }

    private func writeLetterAnchor(_ letter: String, _ language: String, into html: inout ByteBuffer) {
        html.appendEscaped(language)
        html += "-letter-"
        html.appendEscaped(Glossary.anchorName(ofLetter: letter))
    }

    private func write(_ entry: Glossary.Entry, in section: Glossary.Section, of glossary: Glossary, into html: inout ByteBuffer)
    {
        html += entry.isOutdated ? "<div class=\"entry outdated\" id=\"" : "<div class=\"entry\" id=\""
        html.appendEscaped(section.anchor(of: entry))
        html += "\" data-terms=\""
        var first = true
        glossary.forEachSearchWord(of: entry, in: section) { word in
            if !first { html.append(UInt8(ascii: " ")) }
            first = false
            html.appendEscaped(word)
        }
        if entry.isOutdated {
            html += "\"><dt><del>"
            html.appendEscaped(entry.term)
            html += "</del></dt><dd>"
            html.appendEscaped(entry.isMisspelling ? section.words.misspelling : section.words.outdated)
            if let target = entry.useInstead {
                html += ": "
                html.appendEscaped(section.words.useInstead)
                html += " "
                writeLink(to: target, in: section, into: &html)
            }
            html += "</dd></div>\n"
            return
        }
        html += "\"><dt><dfn>"
        html.appendEscaped(entry.term)
        html += "</dfn></dt>"
        let details = section.details[entry.concept.rawValue]
        if let definition = details.definition {
            // A definition in another language than the section's says so, and which way it runs.
            if let other = details.definitionLanguage {
                html += "<dd lang=\""
                html.appendEscaped(other)
                html += "\""
                html += TextDirection.attribute(for: other, in: section.language)
                html += ">"
            } else {
                html += "<dd>"
            }
            html.appendEscaped(definition)
            html += "</dd>"
        }
        let alternatives = section.details[entry.concept.rawValue].alternatives
        if !alternatives.isEmpty {
            html += "<dd class=\"meta\">"
            html.appendEscaped(section.words.also)
            html += ": "
            for (index, alternative) in alternatives.enumerated() {
                if index > 0 { html += ", " }
                html.appendEscaped(alternative)
            }
            html += "</dd>"
        }
        glossary.forEachLinkGroup(of: entry.concept, words: section.words) { name, keys in
            html += "<dd class=\"meta\">"
            html.appendEscaped(name)
            html += ": "
            for (index, key) in keys.enumerated() {
                if index > 0 { html += ", " }
                writeLink(to: key, in: section, into: &html)
            }
            html += "</dd>"
        }
        html += "</div>\n"
    }

    /// A link to the concept's entry, or its name alone when it has none in this language.
    private func writeLink(to key: ConceptKey, in section: Glossary.Section, into html: inout ByteBuffer) {
        guard section.hasEntry[key.rawValue] else {
            html.appendEscaped(section.names[key.rawValue])
            return
        }
        html += "<a href=\"#"
        html.appendEscaped(section.anchors[key.rawValue])
        html += "\">"
        html.appendEscaped(section.names[key.rawValue])
        html += "</a>"
    }
}
