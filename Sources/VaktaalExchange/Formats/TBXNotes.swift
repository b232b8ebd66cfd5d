import VaktaalCore

/// What TBX-Basic has no data category for, written as `key: value` notes (and source
/// lines in the header) that the TBX importer reads back, so that a vocabulary survives a
/// round trip through TBX. People see them as plain notes.
///
/// - Header, per vocabulary: `id: …`, `scheme: …`, `language: …`, `modified: …` and the
///   metadata as `title@nl: …`, `publisher@nl: …`.
/// - Entry: `scheme: …` (when schemes share a namespace), `top: true`, `deprecated: true`,
///   `replacedBy: …`, `broader: …`, `narrower: …`, `related: …` (entry ids), `notation: …`.
/// - Notes other than definitions and sources: `scopeNote: …`, `changeNote (2025-09-01): …`;
///   on the entry, for a language without terms, `definition@en: …`.
/// - Hidden labels (not terms in TBX): `hiddenLabel: …`, followed by `hiddenLabel plural: …` and so on.
/// - Terms: `plural: …`, `form: …`, `exception: …`, `since: …`, `reason: …`, `severity: …`,
///   `caseSensitive: true`, and `label: prefLabel` where the administrative status does not
///   say the kind (every term of a deprecated concept is superseded).
enum TBXNotes {
    static func header(_ vocabulary: Vocabulary) -> [String] {
        var lines = ["id: \(vocabulary.id)"]
        if let scheme = vocabulary.schemeURI { lines.append("scheme: \(scheme)") }
        if let language = vocabulary.defaultLanguage { lines.append("language: \(language)") }
        if let modified = vocabulary.modified { lines.append("modified: \(modified)") }
        for entry in vocabulary.metadata { lines.append("\(entry.kind.rawValue)@\(entry.language): \(entry.text)") }
        return lines
    }

    static func entry(_ key: ConceptKey, _ set: VocabularySet, entryIDs: [String]) -> [String] {
        let concept = set[key]
        let vocabulary = set.vocabulary(of: key)
        var lines: [String] = []
        if set.vocabularies.filter({ $0.uri == vocabulary.uri }).count > 1 { lines.append("scheme: \(vocabulary.id)") }
        if concept.isTopConcept { lines.append("top: true") }
        if concept.isDeprecated { lines.append("deprecated: true") }
        if let replacement = set.replacement(of: key) { lines.append("replacedBy: \(entryIDs[replacement.rawValue])") }
        for (kind, keys) in [
            ("broader", set.graph.broader(of: key)), ("narrower", set.graph.narrower(of: key)),
            ("related", set.graph.related(of: key)),
        ] where !keys.isEmpty {
            lines.append("\(kind): " + keys.map { entryIDs[$0.rawValue] }.joined(separator: " "))
        }
        for notation in concept.notations { lines.append("notation: \(notation)") }
        return lines
    }

    /// A note as `kind[@language][ (date)]: text`; plain notes without a date stay plain.
    static func note(_ note: Note, language: String?) -> String {
        if note.kind == .note, note.date == nil, language == nil { return note.text }
        var key = note.kind.rawValue
        if let language { key += "@" + language }
        if let date = note.date { key += " (\(date))" }
        return "\(key): \(note.text)"
    }

    static func hidden(_ label: Label, language: String?) -> [String] {
        let key = "hiddenLabel" + (language.map { "@" + $0 } ?? "")
        return ["\(key): \(label.text)"] + properties(label).map { "\(key) \($0)" }
    }

    static func term(_ label: Label, statusSaysKind: Bool) -> [String] {
        var lines = label.plurals.map { "plural: \($0)" }
        lines += properties(label).filter { !$0.hasPrefix("plural: ") && $0 != "abbreviation: true" }
        if !statusSaysKind || label.kind == .hidden { lines.append("label: \(label.kind.rawValue)") }
        return lines
    }

    /// A label's own properties as `key: value`.
    private static func properties(_ label: Label) -> [String] {
        var lines = label.plurals.map { "plural: \($0)" }
        lines += label.forms.map { "form: \($0)" }
        lines += label.exceptions.map { "exception: \($0)" }
        if let since = label.since { lines.append("since: \(since)") }
        if let reason = label.reason { lines.append("reason: \(reason)") }
        if let severity = label.severity { lines.append("severity: \(severity.rawValue)") }
        if label.isCaseSensitive { lines.append("caseSensitive: true") }
        if label.isAbbreviation { lines.append("abbreviation: true") }
        return lines
    }
}
