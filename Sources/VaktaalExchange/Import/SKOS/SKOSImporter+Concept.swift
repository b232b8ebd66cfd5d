import VaktaalCore
import VaktaalRDF

extension SKOSImporter {
    /// One concept from its statements (and those of its SKOS-XL labels and dated notes).
    func makeConcept(_ term: Int32, _ index: Int, _ language: String?, isTop: Bool) -> Concept {
        var concept = Concept(id: placement[term]?.id ?? "", isTopConcept: isTop)
        var xlLabels: [(statement: Int32, resource: Int32, kind: LabelKind)] = []
        var datedNotes: [(statement: Int32, resource: Int32)] = []
        var names: [(Int32, RDFLiteral)] = []
        let schemeTerm = schemes[index].term
        for statement in table.statements(about: term) where !consumed[Int(statement)] {
            let role = role(statement)
            switch role {
            case .type:
                if let object = table.objectTerm(statement), conceptClasses.contains(object) { consumed[Int(statement)] = true }
            case .prefLabel, .altLabel, .hiddenLabel:
                guard let kind = role.labelKind, let literal = table.literal(statement) else { continue }
                let (declared, effective) = self.language(of: literal, language)
                // A label given again through a subproperty (`ex:name rdfs:subPropertyOf
                // skos:prefLabel`) is the same statement in RDF: kept once.
                if !concept.labels.contains(where: {
                    $0.kind == kind && $0.text == literal.lexicalForm && $0.language == effective
                }) {
                    concept.labels.append(
                        Label(kind: kind, text: literal.lexicalForm, declaredLanguage: declared, language: effective))
                }
                consumed[Int(statement)] = true
            case .xlPrefLabel, .xlAltLabel, .xlHiddenLabel:
                if let kind = role.labelKind, let resource = table.objectTerm(statement) {
                    xlLabels.append((statement, resource, kind))
                }
            case .rdfsLabel:
                if let literal = table.literal(statement) { names.append((statement, literal)) }
            case .notation:
                guard let literal = table.literal(statement) else { continue }
                if literal.datatype != nil {
                    warnings.add(
                        "typed notations kept as plain text (the datatype is not kept)", example: table.describe(statement))
                }
                concept.notations.append(literal.lexicalForm)
                consumed[Int(statement)] = true
            case .definition, .scopeNote, .example, .note, .historyNote, .editorialNote, .changeNote, .source:
                if let kind = role.noteKind, let note = note(statement, kind, language) {
                    if !concept.notes.contains(note) { concept.notes.append(note) }
                    consumed[Int(statement)] = true
                }
            case .datedNote:
                if let resource = table.objectTerm(statement) { datedNotes.append((statement, resource)) }
            case .broader, .narrower, .related:
                relation(statement, role, index, into: &concept)
            case .exactMatch, .closeMatch, .broadMatch, .narrowMatch, .relatedMatch:
                guard let kind = role.mappingKind, let object = table.objectTerm(statement), !table.isBlank(object) else {
                    continue
                }
                if let reference = reference(to: object, from: index) {
                    concept.mappings.append(Mapping(kind: kind, target: .reference(reference)))
                    consumed[Int(statement)] = true
                } else {
                    mapping(kind, to: object, statement, into: &concept)
                }
            case .inScheme, .topConceptOf:
                guard let object = table.objectTerm(statement) else { continue }
                if object == schemeTerm {
                    if role == .topConceptOf { concept.isTopConcept = true }
                    consumed[Int(statement)] = true
                } else if schemes.contains(where: { $0.term == object }) || schemeTerm == nil {
                    skip(statement, reason: "membership of a second scheme (a concept is kept in one file)")
                }
            case .deprecated:
                concept.isDeprecated = concept.isDeprecated || Self.isTrue(table.literal(statement))
                consumed[Int(statement)] = table.literal(statement) != nil
            case .isReplacedBy:
                guard let object = table.objectTerm(statement), let target = reference(to: object, from: index) else { continue }
                // The format names one replacement: the first is kept, the others are reported.
                guard concept.replacedBy == nil || concept.replacedBy == target else {
                    skip(statement, reason: "a second replacement (a concept names one: the first is kept)")
                    continue
                }
                concept.replacedBy = target
                consumed[Int(statement)] = true
            case .modified:
                let value = table.objectText(statement)
                if Vocabulary.isValidDate(value) {
                    concept.modified = value
                    consumed[Int(statement)] = true
                }
            default: break
            }
        }
        mergeXL(xlLabels, into: &concept, language)
        useNames(names, into: &concept, language)
        dateNotes(datedNotes, in: &concept, language)
        if renamedConcepts.contains(term) {
            // The IRI the concept had, unless it is none that a mapping can hold (`\*_x`).
            if isIRI(table.terms[Int(term)]) {
                concept.mappings.append(Mapping(kind: .exactMatch, target: .uri(table.terms[Int(term)])))
            } else {
                warnings.add(
                    "concepts whose IRI is no IRI (it holds a blank or a sign IRIs may not) got a new one, without a mapping to the old",
                    example: table.terms[Int(term)])
            }
        }
        return concept
    }

    /// A note from a literal, or from a resource that gives its text with `rdf:value` (and
    /// perhaps a `dct:date`).
    private func note(_ statement: Int32, _ kind: NoteKind, _ language: String?) -> Note? {
        if let literal = table.literal(statement) {
            let (declared, effective) = self.language(of: literal, language)
            return Note(kind: kind, text: literal.lexicalForm, declaredLanguage: declared, language: effective)
        }
        guard let resource = table.objectTerm(statement) else { return nil }
        var text: RDFLiteral?
        var date: String?
        var used: [Int32] = []
        for inner in table.statements(about: resource) {
            switch role(inner) {
            case .value:
                if let literal = table.literal(inner), text == nil {
                    text = literal
                    used.append(inner)
                }
            case .date, .modified:
                // The format dates change notes only.
                let value = table.objectText(inner)
                if kind == .changeNote, Vocabulary.isValidDate(value), date == nil {
                    date = value
                    used.append(inner)
                }
            default: break
            }
        }
        guard let text else { return nil }
        for inner in used { consumed[Int(inner)] = true }
        usedResources.insert(resource)
        let (declared, effective) = self.language(of: text, language)
        return Note(kind: kind, text: text.lexicalForm, declaredLanguage: declared, language: effective, date: date)
    }

    /// A relation to an imported concept; one to a concept outside the import becomes the
    /// matching mapping (`broadMatch`, `narrowMatch`, `relatedMatch`), which is what SKOS
    /// has for links between schemes.
    private func relation(_ statement: Int32, _ role: SKOSRole, _ index: Int, into concept: inout Concept) {
        guard let kind = role.relationKind, let object = table.objectTerm(statement), !table.isBlank(object) else { return }
        if let target = reference(to: object, from: index) {
            concept.relations.append(ConceptRelation(kind: kind, reference: target))
        } else {
            let mapping: MappingKind =
                switch kind {
                case .broader: .broadMatch
                case .narrower: .narrowMatch
                case .related: .relatedMatch
                }
            warnings.add(
                "relations to concepts outside the import written as mappings (broadMatch, narrowMatch, relatedMatch)",
                example: table.describe(statement))
            self.mapping(mapping, to: object, statement, into: &concept)
            return
        }
        consumed[Int(statement)] = true
    }

    /// Adds the mapping of `statement` to the IRI `object`, or reports it skipped when the IRI
    /// holds what no IRI may (a blank, `{`), which the format and RDF writers refuse.
    private func mapping(_ kind: MappingKind, to object: Int32, _ statement: Int32, into concept: inout Concept) {
        let uri = table.terms[Int(object)]
        guard isIRI(uri) else {
            return skip(statement, reason: "a mapping to what is no IRI (it holds a blank or a sign IRIs may not)")
        }
        concept.mappings.append(Mapping(kind: kind, target: .uri(uri)))
        consumed[Int(statement)] = true
    }

    /// `rdfs:label` names a concept that has no preferred label (retired descriptors often
    /// have only that); besides preferred labels it is kept only when it repeats a label.
    private func useNames(_ names: [(Int32, RDFLiteral)], into concept: inout Concept, _ language: String?) {
        guard !names.isEmpty else { return }
        let hasPreferred = concept.labels.contains { $0.kind == .preferred }
        var preferredLanguages = Set<String>()
        for (statement, literal) in names {
            let (declared, effective) = self.language(of: literal, language)
            if concept.labels.contains(where: { $0.text == literal.lexicalForm && $0.language == effective }) {
                consumed[Int(statement)] = true
            } else if !hasPreferred {
                let kind: LabelKind = preferredLanguages.insert(effective).inserted ? .preferred : .alternative
                concept.labels.append(
                    Label(kind: kind, text: literal.lexicalForm, declaredLanguage: declared, language: effective))
                consumed[Int(statement)] = true
            }
        }
    }

    /// Gives dated notes (`vt:note` resources of our own export) their dates.
    private func dateNotes(_ resources: [(statement: Int32, resource: Int32)], in concept: inout Concept, _ language: String?) {
        for (statement, resource) in resources {
            var kind: NoteKind?
            var text: RDFLiteral?
            var date: String?
            var used: [Int32] = []
            for inner in table.statements(about: resource) {
                switch role(inner) {
                case .noteKind:
                    kind = NoteKind(rawValue: table.objectText(inner))
                    used.append(inner)
                case .value:
                    text = table.literal(inner)
                    used.append(inner)
                case .date:
                    date = table.objectText(inner)
                    used.append(inner)
                default: break
                }
            }
            guard let kind, kind == .changeNote, let text, let date, Vocabulary.isValidDate(date) else { continue }
            let effective = text.language ?? language ?? ""
            if let position = concept.notes.firstIndex(where: {
                $0.kind == kind && $0.text == text.lexicalForm && $0.language == effective && $0.date == nil
            }) {
                concept.notes[position].date = date
            } else {
                let (declared, effective) = self.language(of: text, language)
                concept.notes.append(
                    Note(kind: kind, text: text.lexicalForm, declaredLanguage: declared, language: effective, date: date))
            }
            for inner in used { consumed[Int(inner)] = true }
            consumed[Int(statement)] = true
            usedResources.insert(resource)
        }
    }
}
