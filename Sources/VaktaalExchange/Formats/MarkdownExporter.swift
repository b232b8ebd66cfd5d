import VaktaalCore

/// The glossary as a Markdown document: a heading per language and letter, an anchor per
/// concept, outdated terms struck through with the term to use instead.
struct MarkdownExporter: Exporter {
    let format = ExportFormat.markdown

    func export(_ set: VocabularySet, baseName: String) -> [ExportFile] {
        let glossary = Glossary(set)
        var markdown = "# \(escape(glossary.title))\n\n"
        if let description = glossary.description { markdown += "\(escape(description))\n\n" }
        for section in glossary.sections {
            let words = Glossary.words(section.language)
            markdown += "## \(escape(words["language"]!)) (\(section.language))\n\n"
            markdown += section.letters.map { "[\($0.letter)](#\(section.language)-letter-\($0.letter.lowercased()))" }
                .joined(separator: " · ") + "\n\n"
            for (letter, entries) in section.letters {
                markdown += "### \(letter) <a id=\"\(section.language)-letter-\(letter.lowercased())\"></a>\n\n"
                for entry in entries { markdown += render(entry, words) }
            }
        }
        return [ExportFile(path: "\(baseName).md", text: markdown)]
    }

    private func render(_ entry: Glossary.Entry, _ words: [String: String]) -> String {
        if let target = entry.useInstead {
            let kind = entry.isMisspelling ? words["misspelling"]! : words["outdated"]!
            return "- ~~\(escape(entry.term))~~ (\(kind)): \(words["useInstead"]!) [\(escape(target.term))](#\(target.anchor))\n"
        }
        var line = "- <a id=\"\(entry.anchor)\"></a>**\(escape(entry.term))**"
        if let definition = entry.definition { line += ": \(escape(definition))" }
        var details: [String] = []
        if !entry.alternatives.isEmpty { details.append("\(words["also"]!): \(entry.alternatives.map(escape).joined(separator: ", "))") }
        for (name, links) in [("broader", entry.broader), ("narrower", entry.narrower), ("related", entry.related)] where !links.isEmpty {
            details.append("\(words[name]!): " + links.map { "[\(escape($0.term))](#\($0.anchor))" }.joined(separator: ", "))
        }
        if !details.isEmpty { line += "  \n  " + details.joined(separator: "; ") }
        return line + "\n"
    }

    /// Escapes the characters Markdown would read as markup.
    private static let markup = ByteSet("\\`*_[]<>#|~")

    private func escape(_ text: String) -> String {
        guard Self.markup.occurs(in: text) else { return text }
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if Self.markup.contains(byte) { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
