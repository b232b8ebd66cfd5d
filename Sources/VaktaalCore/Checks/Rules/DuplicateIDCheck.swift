import VaktaalText

/// Ids are unique: a concept id once per file, a scheme id and a scheme URI once per folder,
/// and a concept URI once per folder (files may share a namespace `uri` when their schemes
/// have URIs of their own, as imported thesauri do).
struct DuplicateIDCheck: VocabularyCheck {
    let rule: RuleID = "duplicate-id"
    let severity = Severity.error
    let summary = "concept ids are unique in their file, scheme ids and URIs and concept URIs in the folder"

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        var schemesByID: [String: Vocabulary] = [:]
        var schemesByURI: [String: Vocabulary] = [:]
        var schemesByNamespace: [String: [Int]] = [:]
        for (index, vocabulary) in set.vocabularies.enumerated() {
            let schemeURI = vocabulary.conceptSchemeURI
            if let first = schemesByID[vocabulary.id] {
                diagnostics.append(
                    diagnostic(
                        "scheme id '\(vocabulary.id)' is also used by \(first.path ?? "another file")", scheme: vocabulary))
            } else if let first = schemesByURI[schemeURI] {
                diagnostics.append(
                    diagnostic("scheme uri '\(schemeURI)' is also used by \(first.path ?? "another file")", scheme: vocabulary))
            }
            schemesByID[vocabulary.id] = schemesByID[vocabulary.id] ?? vocabulary
            schemesByURI[schemeURI] = schemesByURI[schemeURI] ?? vocabulary
            schemesByNamespace[vocabulary.uri, default: []].append(index)
        }
        // Building the set's index of ids found the concepts that repeat one.
        for (key, first) in set.repeatedIDs {
            let line = set[first].position.map { " (first at line \($0.line))" } ?? ""
            diagnostics.append(
                diagnostic("concept id '\(set[key].id)' is used twice in this file\(line)", concept: key, in: set))
        }
        diagnostics += sharedNamespaceClashes(set, schemesByNamespace.values.filter { $0.count > 1 })
        return diagnostics
    }

    /// Files that share a namespace must not have a concept id in common: both would have
    /// the same URI.
    private func sharedNamespaceClashes(_ set: VocabularySet, _ groups: [[Int]]) -> [Finding] {
        guard !groups.isEmpty else { return [] }
        var keysByScheme: [Int: [ConceptKey]] = [:]
        for key in set.keys { keysByScheme[set.schemeIndex(of: key), default: []].append(key) }
        var diagnostics: [Finding] = []
        for group in groups {
            var owner: [String: Int] = [:]
            for scheme in group {
                for key in keysByScheme[scheme] ?? [] {
                    let id = set[key].id
                    if let first = owner[id], first != scheme {
                        let other = set.vocabularies[first].path ?? set.vocabularies[first].id
                        diagnostics.append(
                            diagnostic("concept URI '\(set.uri(of: key))' is also a concept of \(other)", concept: key, in: set))
                    } else {
                        owner[id] = owner[id] ?? scheme
                    }
                }
            }
        }
        return diagnostics
    }
}
