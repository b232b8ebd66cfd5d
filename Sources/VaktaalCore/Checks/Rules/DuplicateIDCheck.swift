import VaktaalText

/// Ids are unique: a concept id once per file, a scheme id and a scheme URI once per folder.
struct DuplicateIDCheck: VocabularyCheck {
    let rule: RuleID = "duplicate-id"
    let severity = Severity.error
    let summary = "concept ids are unique in their file, scheme ids and URIs in the folder"

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        var schemesByID: [String: Vocabulary] = [:]
        var schemesByURI: [String: Vocabulary] = [:]
        for vocabulary in set.vocabularies {
            let location = vocabulary.path.map { SourceLocation(path: $0, line: 1, column: 1) }
            if let first = schemesByID[vocabulary.id] {
                diagnostics.append(
                    Finding(
                        rule: rule, severity: severity,
                        message: "scheme id '\(vocabulary.id)' is also used by \(first.path ?? "another file")",
                        location: location))
            } else if let first = schemesByURI[vocabulary.uri] {
                diagnostics.append(
                    Finding(
                        rule: rule, severity: severity,
                        message: "scheme uri '\(vocabulary.uri)' is also used by \(first.path ?? "another file")",
                        location: location))
            }
            schemesByID[vocabulary.id] = schemesByID[vocabulary.id] ?? vocabulary
            schemesByURI[vocabulary.uri] = schemesByURI[vocabulary.uri] ?? vocabulary
        }
        var firstByID: [String: ConceptKey] = [:]
        var scheme = -1
        for key in set.keys {
            if set.schemeIndex(of: key) != scheme {
                scheme = set.schemeIndex(of: key)
                firstByID = [:]
            }
            let id = set[key].id
            if let first = firstByID[id] {
                let line = set[first].position.map { " (first at line \($0.line))" } ?? ""
                diagnostics.append(diagnostic("concept id '\(id)' is used twice in this file\(line)", concept: key, in: set))
            } else {
                firstByID[id] = key
            }
        }
        return diagnostics
    }
}
