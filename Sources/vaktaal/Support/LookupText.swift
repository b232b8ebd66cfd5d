import VaktaalCore

/// Renders lookup results for a person: the preferred terms first, a clear "use … instead"
/// for outdated terms, then meaning, relations, mappings and the scheme.
struct LookupText {
    let set: VocabularySet
    let languages: Set<String>?

    func render(_ descriptions: [ConceptDescription]) -> String {
        descriptions.map(render).joined(separator: "\n")
    }

    private func render(_ description: ConceptDescription) -> String {
        var lines: [String] = []
        let names = sorted(description.prefLabels).map { "\($0.value) (\($0.key))" }
        lines.append(names.isEmpty ? description.id : names.joined(separator: " · "))
        lines.append("  matched '\(description.matchedLabel)': \(matchSummary(description))")
        if let advice = advice(description) { lines.append("  \(advice)") }
        if let reason = description.outdated?.reason { lines.append("  reason: \(reason)") }
        for (language, texts) in sorted(description.altLabels) {
            lines.append("  also (\(language)): \(texts.joined(separator: ", "))")
        }
        for (language, texts) in sorted(description.deprecatedLabels) {
            lines.append("  outdated (\(language)): \(texts.joined(separator: ", "))")
        }
        appendNotes("definition", description.definition, to: &lines)
        appendNotes("scope note", description.scopeNote, to: &lines)
        appendNotes("example", description.example, to: &lines)
        appendRelation("broader", description.broader, to: &lines)
        appendRelation("narrower", description.narrower, to: &lines)
        appendRelation("related", description.related, to: &lines)
        for mapping in description.mappings { lines.append("  \(mapping.type): \(mapping.uri)") }
        let schemeKey = set.vocabularies.firstIndex { $0.id == description.scheme }
        let title = schemeKey.flatMap { set.vocabularies[$0].title(in: languages?.first ?? "nl") } ?? description.scheme
        lines.append("  scheme: \(title)")
        lines.append("  uri: \(description.concept)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func matchSummary(_ description: ConceptDescription) -> String {
        let status: String
        switch description.labelStatus {
        case _ where description.matchedNotation: status = "notation"
        case "preferred": status = "preferred term"
        case "alternative": status = "admitted synonym"
        case "deprecated": status = "outdated term"
        default: status = "misspelling or variant"
        }
        let how = description.matchDetail ?? description.matchKind
        let language = description.matchedLanguage.map { ", \($0)" } ?? ""
        let concept = description.deprecated ? ", deprecated concept" : ""
        return "\(status) (\(how) match\(language)\(concept))"
    }

    private func advice(_ description: ConceptDescription) -> String? {
        guard let useInstead = description.useInstead else {
            return description.deprecated ? "this concept is deprecated and names no replacement" : nil
        }
        let terms = sorted(useInstead).map { "'\($0.value)'" }.joined(separator: " / ")
        var since = ""
        if let date = description.outdated?.since { since = " (outdated since \(date))" }
        return "use \(terms) instead of '\(description.matchedLabel)'\(since)"
    }

    private func appendNotes(_ name: String, _ notes: [String: String], to lines: inout [String]) {
        // A note of several lines (or several notes, a paragraph each) goes on indented.
        for (language, text) in sorted(notes) {
            let textLines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            lines.append("  \(name) (\(language)): \(textLines[0])")
            lines += textLines.dropFirst().map { $0.isEmpty ? "" : "    \($0)" }
        }
    }

    private func appendRelation(_ name: String, _ uris: [String], to lines: inout [String]) {
        guard !uris.isEmpty else { return }
        let terms = uris.map { uri -> String in
            guard let key = set.key(forURI: uri) else { return uri }
            return set[key].displayName(in: languages?.first ?? set.vocabulary(of: key).defaultLanguage ?? "")
        }
        lines.append("  \(name): \(terms.joined(separator: ", "))")
    }

    /// Language-keyed values with the default language first, then alphabetically.
    private func sorted<Value>(_ values: [String: Value]) -> [(key: String, value: Value)] {
        let first = set.vocabularies.first?.defaultLanguage ?? "nl"
        return values.sorted { left, right in
            if (left.key == first) != (right.key == first) { return left.key == first }
            return left.key < right.key
        }
    }
}
