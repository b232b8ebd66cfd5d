import VaktaalCore
import VaktaalRDF

extension SKOSImporter {
    /// The vocabulary of scheme `index` without its concepts: its metadata.
    func makeHeader(_ index: Int) -> (scheme: Int, vocabulary: Vocabulary, language: String?, top: Set<Int32>) {
        let scheme = schemes[index]
        let language = defaultLanguage(index)
        let schemeURI = scheme.term.map { table.terms[Int($0)] }
        var vocabulary = Vocabulary(
            id: schemeIDs[index], uri: bases[index], schemeURI: schemeURI == bases[index] ? nil : schemeURI,
            defaultLanguage: language)
        var topConcepts = Set<Int32>()
        if let term = scheme.term { describe(scheme: term, index, into: &vocabulary, topConcepts: &topConcepts) }
        return (index, vocabulary, language, topConcepts)
    }

    /// Makes the concepts of header `index` one by one and hands each to `body`.
    func forEachConcept(of index: Int, _ body: (Concept) -> Void) {
        let header = headers[index]
        for term in schemes[header.scheme].concepts {
            body(makeConcept(term, header.scheme, header.language, isTop: header.top.contains(term)))
        }
    }

    /// The scheme's default language: its `dct:language`, else the language most preferred
    /// labels have, else the one the caller gave.
    private func defaultLanguage(_ index: Int) -> String? {
        if let term = schemes[index].term {
            var declared: String?
            for statement in table.statements(about: term) where role(statement) == .language {
                let value = table.objectText(statement)
                let tag = String(value.split(whereSeparator: { $0 == "/" || $0 == "#" }).last ?? "")
                if LanguageTag.isWellFormed(tag) {
                    declared = declared ?? LanguageTag.canonicalCase(tag)
                    consumed[Int(statement)] = true
                }
            }
            if let declared { return declared }
        }
        var counts: [String: Int] = [:]
        for concept in schemes[index].concepts {
            for statement in table.statements(about: concept) where role(statement) == .prefLabel {
                if let language = table.literal(statement)?.language {
                    counts[LanguageTag.canonicalCase(language), default: 0] += 1
                }
            }
        }
        if let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { return best.key }
        return options.defaultLanguage
    }

    /// The language a literal's text is in: its tag, else the default (with a warning).
    /// `declared` is `nil` when it is the default, so the file does not repeat it.
    func language(of literal: RDFLiteral, _ defaultLanguage: String?) -> (declared: String?, language: String) {
        if let written = literal.language {
            // Tags compare without case (`"een"@nl` and `"twee"@NL` are in one language).
            let tag = LanguageTag.canonicalCase(written)
            return (tag == defaultLanguage ? nil : tag, tag)
        }
        warnings.add(
            defaultLanguage.map { "text without a language tag given the default language '\($0)'" }
                ?? "text without a language tag, and no language known (give --lang)",
            example: "\"\(literal.lexicalForm)\"")
        return (nil, defaultLanguage ?? "")
    }

    private func describe(scheme term: Int32, _ index: Int, into vocabulary: inout Vocabulary, topConcepts: inout Set<Int32>) {
        let language = vocabulary.defaultLanguage
        var names: [(Int32, RDFLiteral)] = []
        for statement in table.statements(about: term) where !consumed[Int(statement)] {
            let role = role(statement)
            switch role {
            case .type:
                if let object = table.objectTerm(statement), schemeClasses.contains(object) { consumed[Int(statement)] = true }
            case .title, .description, .publisher, .license, .creator:
                guard let kind = role.metadataKind else { continue }
                if let literal = table.literal(statement) ?? describedName(statement) {
                    let (declared, effective) = self.language(of: literal, language)
                    vocabulary.metadata.append(
                        MetadataEntry(kind: kind, text: literal.lexicalForm, declaredLanguage: declared, language: effective))
                } else if let object = table.objectTerm(statement), table.isBlank(object) {
                    skip(statement, reason: "a \(kind.rawValue) described without a name (a blank node)")
                    continue
                } else {
                    vocabulary.metadata.append(
                        MetadataEntry(kind: kind, text: table.objectText(statement), language: language ?? ""))
                }
                consumed[Int(statement)] = true
            case .prefLabel, .rdfsLabel:
                if let literal = table.literal(statement) { names.append((statement, literal)) }
            case .versionInfo:
                vocabulary.version = table.objectText(statement)
                consumed[Int(statement)] = true
            case .modified:
                let value = table.objectText(statement)
                guard Vocabulary.isValidDate(value) else { continue }
                vocabulary.modified = value
                consumed[Int(statement)] = true
            case .identifier:
                if table.objectText(statement) == vocabulary.id { consumed[Int(statement)] = true }
            case .hasTopConcept:
                guard let object = table.objectTerm(statement) else { continue }
                if placement[object]?.vocabulary == index {
                    topConcepts.insert(object)
                    consumed[Int(statement)] = true
                } else if placement[object] != nil {
                    skip(statement, reason: "a top concept kept in another scheme's file")
                }
            default: break
            }
        }
        // Schemes named only with skos:prefLabel or rdfs:label get those as titles.
        let hasTitle = vocabulary.metadata.contains { $0.kind == .title }
        for (statement, literal) in names {
            let isTitle = vocabulary.metadata.contains { $0.kind == .title && $0.text == literal.lexicalForm }
            if !hasTitle && !isTitle {
                let (declared, effective) = self.language(of: literal, language)
                vocabulary.metadata.append(
                    MetadataEntry(kind: .title, text: literal.lexicalForm, declaredLanguage: declared, language: effective))
                consumed[Int(statement)] = true
            } else if isTitle {
                consumed[Int(statement)] = true
            }
        }
    }

    /// The properties that name what a blank node describes (a publisher as
    /// `[ foaf:name "…" ]`, a creator as a vCard).
    private static let nameProperties: Set<String> = [
        "http://xmlns.com/foaf/0.1/name", "http://schema.org/name", "https://schema.org/name",
        "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
        "http://www.w3.org/2006/vcard/ns#fn", "http://purl.org/dc/terms/title",
    ]

    /// The name of the blank node `statement` points at (its first name literal, then read;
    /// what else it says is reported skipped); `nil` when it points at none or names none.
    private func describedName(_ statement: Int32) -> RDFLiteral? {
        guard let object = table.objectTerm(statement), table.isBlank(object) else { return nil }
        let about = table.statements(about: object)
        guard
            let named = about.first(where: {
                table.literal($0) != nil && Self.nameProperties.contains(table.terms[Int(table.predicates[Int($0)])])
            })
        else { return nil }
        consumed[Int(named)] = true
        return table.literal(named)
    }

    /// The reference to an imported concept from a concept of vocabulary `index`: its id in
    /// the same file, `scheme:id` in another.
    func reference(to term: Int32, from index: Int) -> String? {
        guard let target = placement[term] else { return nil }
        return target.vocabulary == index ? target.id : "\(schemeIDs[target.vocabulary]):\(target.id)"
    }
}
