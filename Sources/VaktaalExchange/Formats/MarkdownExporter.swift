import VaktaalCore
import VaktaalText

/// The glossary as a Markdown document: a heading per language and letter, an anchor per
/// concept, outdated terms struck through with the term to use instead.
struct MarkdownExporter: Exporter {
    let format = ExportFormat.markdown

    func export(_ input: ExportInput, to sink: any ExportSink) {
        let baseName = input.baseName
        let glossary = input.glossary
        var markdown = ByteBuffer(file: "\(baseName).md", on: sink)
        markdown += "# "
        Self.writeEscaped(glossary.title, into: &markdown)
        markdown += "\n\n"
        if let description = glossary.description {
            Self.writeEscaped(description, into: &markdown)
            markdown += "\n\n"
        }
        for section in glossary.sections {
            markdown += "## "
            Self.writeEscaped(section.words.language, into: &markdown)
            markdown += " (\(section.language))\n\n"
            func anchor(_ letter: String) -> String {
                "\(section.language)-letter-\(Glossary.anchorName(ofLetter: letter).lowercased())"
            }
            markdown += section.letters.map { "[\($0.letter)](#\(anchor($0.letter)))" }.joined(separator: " · ") + "\n\n"
            for (letter, range) in section.letters {
                markdown += "### \(letter) <a id=\"\(anchor(letter))\"></a>\n\n"
                for index in range {
                    write(section.entries[index], in: section, of: glossary, into: &markdown)
                    markdown.flushIfFull()
                }
            }
        }
        markdown.finish()
    }

    private func write(
        _ entry: Glossary.Entry, in section: Glossary.Section, of glossary: Glossary, into markdown: inout ByteBuffer
    ) {
        let words = section.words
        if entry.isOutdated {
            markdown += "- ~~"
            Self.writeEscaped(entry.term, into: &markdown)
            markdown += "~~ ("
            markdown += entry.isMisspelling ? words.misspelling : words.outdated
            markdown += ")"
            if let target = entry.useInstead {
                markdown += ": "
                markdown += words.useInstead
                markdown += " "
                writeLink(to: target, in: section, into: &markdown)
            }
            markdown += "\n"
            return
        }
        markdown += "- <a id=\""
        markdown += section.anchors[entry.concept.rawValue]
        markdown += "\"></a>**"
        Self.writeEscaped(entry.term, into: &markdown)
        markdown += "**"
        if let definition = section.details[entry.concept.rawValue].definition {
            markdown += ": "
            Self.writeEscaped(definition, into: &markdown)
        }
        var separator = "  \n  "
        let alternatives = section.details[entry.concept.rawValue].alternatives
        if !alternatives.isEmpty {
            markdown += separator
            markdown += words.also
            markdown += ": "
            for (index, alternative) in alternatives.enumerated() {
                if index > 0 { markdown += ", " }
                Self.writeEscaped(alternative, into: &markdown)
            }
            separator = "; "
        }
        glossary.forEachLinkGroup(of: entry.concept, words: words) { name, keys in
            markdown += separator
            markdown += name
            markdown += ": "
            for (index, key) in keys.enumerated() {
                if index > 0 { markdown += ", " }
                writeLink(to: key, in: section, into: &markdown)
            }
            separator = "; "
        }
        markdown += "\n"
    }

    /// A link to the concept's entry, or its name alone when it has none in this language.
    private func writeLink(to key: ConceptKey, in section: Glossary.Section, into markdown: inout ByteBuffer) {
        guard section.hasEntry[key.rawValue] else {
            Self.writeEscaped(section.names[key.rawValue], into: &markdown)
            return
        }
        markdown += "["
        Self.writeEscaped(section.names[key.rawValue], into: &markdown)
        markdown += "](#"
        markdown += section.anchors[key.rawValue]
        markdown += ")"
    }

    /// The characters Markdown would read as markup (`&` starts an entity such as `&copy;`).
    private static let markup = ByteSet("\\`*_[]<>#|~&")

    /// Writes text with a backslash before every character Markdown would read as markup,
    /// and each line break as `<br>`: a text of several lines or paragraphs stays in its list
    /// item, and a line that starts with `- ` or `1. ` starts no list.
    private static func writeEscaped(_ text: String, into markdown: inout ByteBuffer) {
        guard text.contains(where: \.isNewline) else { return markdown.appendBackslashEscaped(text, markup) }
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if index > 0 { markdown += "<br>" }
            markdown.appendBackslashEscaped(String(line), markup)
        }
    }
}
