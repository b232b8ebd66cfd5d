import VaktaalCore

/// The ways `vaktaal diff` shows a diff.
public enum DiffFormat: String, Sendable, CaseIterable {
    /// Grouped per concept: `+` added, `-` removed, `~` changed, each change on its own line.
    case text
    /// The versioned JSON of ``VocabularyDiff``.
    case json
    /// A pull request description or changelog entry.
    case markdown
}

/// Renders a ``VocabularyDiff``.
public enum DiffRenderer {
    /// The diff in `format`; colour (ANSI) only for text, and only when asked.
    public static func render(_ diff: VocabularyDiff, as format: DiffFormat, colour: Bool = false) -> String {
        switch format {
        case .text: text(diff, colour: colour)
        case .json: JSONOutput.encode(diff) + "\n"
        case .markdown: markdown(diff)
        }
    }

    /// Grouped per concept, a summary line last.
    public static func text(_ diff: VocabularyDiff, colour: Bool = false) -> String {
        let paint = Paint(enabled: colour)
        var output = ""
        for scheme in diff.schemes {
            let text = ChangeText(schemeURI: "", quote: { "'\($0)'" })
            switch scheme.change {
            case .added: output += paint.green("+ scheme \(scheme.id)") + "\n"
            case .removed: output += paint.red("- scheme \(scheme.id)") + "\n"
            case .changed:
                output += paint.yellow("~ scheme \(scheme.id)") + "\n"
                for change in scheme.changes { output += "    \(text.title(change.field)): \(text.body(change))\n" }
            }
        }
        for concept in diff.concepts {
            let text = ChangeText(schemeURI: ChangeText.schemeURI(of: concept.uri, id: concept.id), quote: { "'\($0)'" })
            let heading = "\(concept.id)" + (concept.name != concept.id ? " '\(concept.name)'" : "") + "  \(concept.uri)"
            switch concept.change {
            case .added: output += paint.green("+ " + heading) + "\n"
            case .removed: output += paint.red("- " + heading) + "\n"
            case .changed:
                output += paint.yellow("~ " + heading) + "\n"
                if concept.pairedBy == .preferredLabel {
                    output += "    paired by preferred label" + (concept.oldURI.map { " with \($0)" } ?? "") + "\n"
                }
                for change in concept.changes { output += "    \(text.title(change.field)): \(text.body(change))\n" }
            }
        }
        return output + summaryLine(diff) + "\n"
    }

    /// A Markdown section: counts, then added, removed and changed concepts.
    public static func markdown(_ diff: VocabularyDiff) -> String {
        var output = "## Vocabulary changes\n\n"
        guard !diff.isEmpty else { return output + "No changes.\n" }
        output += summaryLine(diff) + ".\n"
        let text: (ConceptChange) -> ChangeText = {
            ChangeText(schemeURI: ChangeText.schemeURI(of: $0.uri, id: $0.id), quote: { "`\(Markdown.code($0))`" })
        }
        func item(_ concept: ConceptChange) -> String {
            "- **\(Markdown.escaped(concept.name))** (`\(Markdown.code(concept.id))`)"
        }
        if !diff.schemes.isEmpty {
            output += "\n### Schemes\n\n"
            for scheme in diff.schemes {
                output += "- `\(Markdown.code(scheme.id))` \(scheme.change.rawValue)\n"
                let words = ChangeText(schemeURI: "", quote: { "`\(Markdown.code($0))`" })
                for change in scheme.changes {
                    output += "  - \(words.title(change.field)): \(Markdown.escapedOutsideCode(words.body(change)))\n"
                }
            }
        }
        for (kind, heading) in [(ChangeKind.added, "Added"), (.removed, "Removed"), (.changed, "Changed")] {
            let concepts = diff.concepts.filter { $0.change == kind }
            guard !concepts.isEmpty else { continue }
            output += "\n### \(heading)\n\n"
            for concept in concepts {
                output += item(concept) + "\n"
                if concept.pairedBy == .preferredLabel {
                    output += "  - paired by preferred label" + (concept.oldURI.map { " with <\($0)>" } ?? "") + "\n"
                }
                let words = text(concept)
                for change in concept.changes {
                    output += "  - \(words.title(change.field)): \(Markdown.escapedOutsideCode(words.body(change)))\n"
                }
            }
        }
        return output
    }

    /// `1 concept added, 2 removed, 3 changed` (and schemes), or `no changes`.
    static func summaryLine(_ diff: VocabularyDiff) -> String {
        guard !diff.isEmpty else { return "no changes" }
        let summary = diff.summary
        var parts: [String] = []
        if summary.added > 0 { parts.append("\(summary.added) added") }
        if summary.removed > 0 { parts.append("\(summary.removed) removed") }
        if summary.changed > 0 { parts.append("\(summary.changed) changed") }
        var line = ""
        if !parts.isEmpty {
            let concepts = summary.added + summary.removed + summary.changed
            line = "\(concepts) \(concepts == 1 ? "concept" : "concepts"): " + parts.joined(separator: ", ")
        }
        if summary.schemes > 0 {
            line += (line.isEmpty ? "" : "; ") + "\(summary.schemes) \(summary.schemes == 1 ? "scheme" : "schemes") changed"
        }
        return line
    }
}

/// ANSI colours, or nothing.
struct Paint {
    let enabled: Bool

    func green(_ text: String) -> String { wrap(text, "32") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func yellow(_ text: String) -> String { wrap(text, "33") }

    private func wrap(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
}

/// Markdown escaping for the diff.
enum Markdown {
    private static let special = Set("\\`*_[]<>|~")

    /// Text with every character Markdown could read as markup escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if special.contains(character) { result.append("\\") }
            result.append(character == "\n" ? " " : character)
        }
        return result
    }

    /// Text for inside a code span: backticks and line breaks would end it, so they become quotes and spaces.
    static func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
    }

    /// Text with code spans left as they are and the rest escaped.
    static func escapedOutsideCode(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, part in
            index % 2 == 1 ? "`\(part)`" : escaped(String(part))
        }.joined()
    }
}
