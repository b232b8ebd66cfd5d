import VaktaalCore

extension TBXImporter {
    /// Puts every entry in its vocabulary with an id, and turns entry ids in relations and
    /// replacements into references.
    func resolveConcepts(_ drafts: inout [EntryDraft]) {
        var byEntryID: [String: (vocabulary: Int, id: String)] = [:]
        var taken = [Set<String>](repeating: [], count: vocabularies.count)
        for index in drafts.indices {
            let vocabulary = vocabularyIndex(drafts[index])
            drafts[index].vocabulary = vocabulary
            let base = vocabularies[vocabulary].uri
            var id: String?
            if let uri = drafts[index].uri, uri.hasPrefix(base) {
                let rest = String(uri.dropFirst(base.count))
                if Vocabulary.isValidConceptID(rest), !taken[vocabulary].contains(rest) { id = rest }
            }
            if id == nil {
                var stem = drafts[index].entryID
                let prefix = vocabularies[vocabulary].id + "."
                if stem.hasPrefix(prefix) { stem = String(stem.dropFirst(prefix.count)) }
                stem = ConceptIdentifiers.stem(stem.isEmpty ? "c\(index + 1)" : stem)
                var candidate = stem
                var number = 2
                while taken[vocabulary].contains(candidate) {
                    candidate = "\(stem)-\(number)"
                    number += 1
                }
                if candidate != stem {
                    // Two entries of one id (or of ids that make one) are two concepts: the later is renamed.
                    warnings.add(
                        "entries whose id another entry has given a new id (references to the id go to the first)",
                        example: "\(drafts[index].entryID) → \(candidate)")
                }
                id = candidate
                if let uri = drafts[index].uri {
                    warnings.add("concept URIs not under the vocabulary's namespace kept as exactMatch", example: uri)
                    drafts[index].concept.mappings.append(Mapping(kind: .exactMatch, target: .uri(uri)))
                }
            }
            let final = id ?? "c\(index + 1)"
            taken[vocabulary].insert(final)
            drafts[index].concept.id = final
            // A reference to an id two entries have goes to the first (which kept it).
            if !drafts[index].entryID.isEmpty, byEntryID[drafts[index].entryID] == nil {
                byEntryID[drafts[index].entryID] = (vocabulary, final)
            }
        }
        for index in drafts.indices {
            guard let vocabulary = drafts[index].vocabulary else { continue }
            func reference(_ entryID: String) -> String? {
                guard let target = byEntryID[entryID] else {
                    skip("crossReference", "a reference to an entry the file does not have", example: entryID)
                    return nil
                }
                return target.vocabulary == vocabulary ? target.id : "\(vocabularies[target.vocabulary].id):\(target.id)"
            }
            let typed = Set(drafts[index].typedRelations.map(\.entryID) + (drafts[index].replacedBy.map { [$0] } ?? []))
            for (kind, entryID) in drafts[index].typedRelations {
                if let target = reference(entryID) {
                    drafts[index].concept.relations.append(ConceptRelation(kind: kind, reference: target))
                }
            }
            for entryID in drafts[index].crossReferences where !typed.contains(entryID) {
                guard let target = reference(entryID) else { continue }
                warnings.add("cross references read as related concepts", example: entryID)
                drafts[index].concept.relations.append(ConceptRelation(kind: .related, reference: target))
            }
            if let replacement = drafts[index].replacedBy { drafts[index].concept.replacedBy = reference(replacement) }
            settleLanguages(&drafts[index].concept, vocabularies[vocabulary].defaultLanguage)
        }
    }

    private func vocabularyIndex(_ draft: EntryDraft) -> Int {
        if let scheme = draft.schemeID, let index = vocabularies.firstIndex(where: { $0.id == scheme }) { return index }
        if let uri = draft.uri {
            let matches = vocabularies.indices.filter { uri.hasPrefix(vocabularies[$0].uri) }
            if let best = matches.max(by: { vocabularies[$0].uri.count < vocabularies[$1].uri.count }) { return best }
        }
        return 0
    }

    /// Declared languages left out where they are the vocabulary's default, and notes
    /// without a language given the default.
    private func settleLanguages(_ concept: inout Concept, _ defaultLanguage: String?) {
        for index in concept.labels.indices {
            let language = concept.labels[index].language
            concept.labels[index].declaredLanguage = language == defaultLanguage ? nil : language
        }
        for index in concept.notes.indices {
            if concept.notes[index].language == Self.defaultLanguageMarker {
                concept.notes[index].language = defaultLanguage ?? ""
            }
            let language = concept.notes[index].language
            concept.notes[index].declaredLanguage = language == defaultLanguage ? nil : language
        }
    }
}
