import VaktaalText
import VaktaalXML

/// The elements of the format: which may stand where, which attributes each takes, and
/// how each becomes part of the model.
extension VocabularyReader {
    static let vocabularyAttributes: [FormatAttribute] = [.format, .id, .uri, .scheme, .version, .modified]
    static let conceptAttributes: [FormatAttribute] = [.id, .top, .deprecated, .replacedBy, .modified]
    static let relationAttributes: [FormatAttribute] = [.ref]
    static let mappingAttributes: [FormatAttribute] = [.uri, .ref]
    static let changeNoteAttributes: [FormatAttribute] = [.date]
    static let labelAttributes: [FormatAttribute] = [.plural, .forms, .caseSensitive, .abbreviation]
    static let outdatedLabelAttributes: [FormatAttribute] = labelAttributes + [.since, .reason, .severity, .exceptions]

    /// The elements a concept holds, by name.
    private enum ConceptElement {
        case label(LabelKind)
        case note(NoteKind)
        case notation
        case relation(RelationKind)
        case mapping(MappingKind)

        /// The element named `name`, if a concept holds one: compared only with the names of
        /// its length (at most five of them), which costs less than hashing it.
        init?(named name: String) {
            let length = name.utf8.count
            guard length < Self.byLength.count, let found = Self.byLength[length].first(where: { $0.name == name }) else {
                return nil
            }
            self = found.child
        }

        /// Every element a concept holds, grouped by the length of its name.
        private static let byLength: [[(name: String, child: ConceptElement)]] = {
            let children: [(name: String, child: ConceptElement)] =
                [("notation", .notation)] + LabelKind.allCases.map { ($0.rawValue, .label($0)) }
                + NoteKind.allCases.map { ($0.rawValue, .note($0)) }
                + RelationKind.allCases.map { ($0.rawValue, .relation($0)) }
                + MappingKind.allCases.map { ($0.rawValue, .mapping($0)) }
            var groups = Array(
                repeating: [(name: String, child: ConceptElement)](), count: 1 + children.map(\.name.utf8.count).max()!)
            for child in children {
                assert(
                    !groups[child.name.utf8.count].contains { $0.name == child.name },
                    "two kinds of concept children share a name")
                groups[child.name.utf8.count].append(child)
            }
            return groups
        }()
    }

    /// Opens an element of the format's namespace below `parent`.
    func open(_ tag: XMLStartTag, inside parent: Frame) -> Frame {
        let name = tag.name.localName
        switch (parent, name) {
        case (.document, "vocabulary"):
            openVocabulary(tag)
            return .vocabulary
        case (.vocabulary, "concept"):
            openConcept(tag)
            return .concept
        case (.vocabulary, _):
            if let kind = MetadataKind(rawValue: name) {
                return leaf(.metadata(kind), tag, allowed: [], acceptsLanguage: true)
            }
        case (.concept, _):
            switch ConceptElement(named: name) {
            case .label(let kind):
                let allowed = kind.isAllowed ? Self.labelAttributes : Self.outdatedLabelAttributes
                return leaf(.label(kind), tag, allowed: allowed, acceptsLanguage: true)
            case .note(let kind):
                return leaf(
                    .note(kind), tag, allowed: kind == .changeNote ? Self.changeNoteAttributes : [], acceptsLanguage: true)
            case .notation:
                return leaf(.notation, tag, allowed: [], acceptsLanguage: false)
            case .relation(let kind):
                childlessChild = openRelation(kind, tag)
                openChildless = name
                return .childless
            case .mapping(let kind):
                childlessChild = openMapping(kind, tag)
                openChildless = name
                return .childless
            case nil:
                break
            }
        default:
            break
        }
        report(.unknownElement, unknownElementMessage(name, inside: parent), at: tag.position)
        return .skipped
    }

    private func unknownElementMessage(_ name: String, inside parent: Frame) -> String {
        let known: String
        switch parent {
        case .document: known = "a vocabulary file starts with 'vocabulary'"
        case .vocabulary: known = "'vocabulary' holds title, description, publisher, license, creator and concept"
        case .concept:
            known =
                "'concept' holds labels (prefLabel, altLabel, deprecatedLabel, hiddenLabel), "
                + "notes (definition, scopeNote, example, note, historyNote, editorialNote, changeNote, source), "
                + "broader, narrower, related, mappings and notation"
        default: known = "\(describe(parent))"
        }
        return "unknown element '\(name)' inside \(describe(parent)): \(known)"
    }

    private func leaf(_ element: LeafElement, _ tag: XMLStartTag, allowed: [FormatAttribute], acceptsLanguage: Bool) -> Frame {
        let attributes = AttributeSet(tag, allowed: allowed, acceptsLanguage: acceptsLanguage, report: report)
        openLeaf = Leaf(element: element, attributes: attributes, position: SourcePosition(tag.position))
        return .leaf
    }

    private func openVocabulary(_ tag: XMLStartTag) {
        markRootSeen()
        let attributes = AttributeSet(tag, allowed: Self.vocabularyAttributes, acceptsLanguage: true, report: report)
        let format = values.required(.format, in: attributes, element: "vocabulary") ?? "1"
        if format != "1" {
            report(
                .unsupportedFormat,
                "format '\(format)' is not supported: this vaktaal reads format 1 (a newer vaktaal may read it)",
                at: attributes.position(of: .format))
        }
        let id = values.required(.id, in: attributes, element: "vocabulary") ?? ""
        if attributes[.id] != nil {
            values.identifier(id, kind: "vocabulary id", pattern: .scheme, at: attributes.position(of: .id))
        }
        let uri = values.required(.uri, in: attributes, element: "vocabulary") ?? ""
        if attributes[.uri] != nil, !isAbsoluteURI(uri) {
            report(.invalidValue, "uri '\(uri)' is not an absolute URI", at: attributes.position(of: .uri))
        }
        if let scheme = attributes[.scheme], !isAbsoluteURI(scheme) {
            report(.invalidValue, "scheme '\(scheme)' is not an absolute URI", at: attributes.position(of: .scheme))
        }
        setVocabulary(
            Vocabulary(
                format: format, id: id, uri: uri, schemeURI: attributes[.scheme], version: attributes[.version],
                modified: values.date(.modified, in: attributes), defaultLanguage: attributes.declaredLanguage,
                extensionAttributes: attributes.extensions, prologComments: takePendingComments(),
                prologInstructions: takePrologInstructions(), path: path))
    }

    private func openConcept(_ tag: XMLStartTag) {
        let attributes = AttributeSet(tag, allowed: Self.conceptAttributes, acceptsLanguage: false, report: report)
        let id = values.required(.id, in: attributes, element: "concept")
        if let id {
            values.identifier(id, kind: "concept id", pattern: .concept, at: attributes.position(of: .id))
        }
        let isDeprecated = values.bool(.deprecated, in: attributes)
        let comments = takePendingComments()
        guard let id else {
            startConcept(nil)
            return
        }
        startConcept(
            Concept(
                id: id, isTopConcept: values.bool(.top, in: attributes), isDeprecated: isDeprecated,
                replacedBy: attributes[.replacedBy], modified: values.date(.modified, in: attributes),
                extensionAttributes: attributes.extensions, leadingComments: comments,
                position: SourcePosition(tag.position)))
    }

    /// Adds the relation `tag` writes to the concept; the child it is, if it is one.
    private func openRelation(_ kind: RelationKind, _ tag: XMLStartTag) -> ConceptChild? {
        let attributes = AttributeSet(tag, allowed: Self.relationAttributes, acceptsLanguage: false, report: report)
        guard let reference = values.required(.ref, in: attributes, element: kind.rawValue) else { return nil }
        return addChildToConcept {
            $0.relations.append(
                ConceptRelation(
                    kind: kind, reference: reference, extensionAttributes: attributes.extensions,
                    position: SourcePosition(tag.position)))
            return .relation($0.relations.count - 1)
        }
    }

    /// Adds the mapping `tag` writes to the concept; the child it is, if it is one.
    private func openMapping(_ kind: MappingKind, _ tag: XMLStartTag) -> ConceptChild? {
        let attributes = AttributeSet(tag, allowed: Self.mappingAttributes, acceptsLanguage: false, report: report)
        let target: MappingTarget
        switch (attributes[.uri], attributes[.ref]) {
        case (let uri?, nil): target = .uri(uri)
        case (nil, let reference?): target = .reference(reference)
        case (nil, nil):
            report(
                .missingAttribute, "'\(kind.rawValue)' needs 'uri' (a full URI) or 'ref' (a concept of the folder)",
                at: tag.position)
            return nil
        default:
            report(.invalidValue, "'\(kind.rawValue)' takes either 'uri' or 'ref', not both", at: tag.position)
            return nil
        }
        return addChildToConcept {
            $0.mappings.append(
                Mapping(
                    kind: kind, target: target, extensionAttributes: attributes.extensions, position: SourcePosition(tag.position)
                ))
            return .mapping($0.mappings.count - 1)
        }
    }

    /// Turns a finished leaf element into its part of the model.
    func close(_ leaf: Leaf) {
        let attributes = leaf.attributes
        let language = attributes.declaredLanguage ?? defaultLanguage
        switch leaf.element {
        case .label(let kind):
            let label = Label(
                kind: kind, text: leaf.text, declaredLanguage: attributes.declaredLanguage, language: language ?? "",
                plurals: splitList(attributes[.plural]), forms: splitList(attributes[.forms]),
                isCaseSensitive: values.bool(.caseSensitive, in: attributes),
                isAbbreviation: values.bool(.abbreviation, in: attributes),
                since: values.date(.since, in: attributes), reason: attributes[.reason],
                severity: values.severity(.severity, in: attributes), exceptions: splitList(attributes[.exceptions]),
                extensionAttributes: attributes.extensions, position: leaf.position)
            addChildToConcept {
                $0.labels.append(label)
                return .label($0.labels.count - 1)
            }
        case .note(let kind):
            let note = Note(
                kind: kind, text: leaf.text, declaredLanguage: attributes.declaredLanguage, language: language ?? "",
                date: values.date(.date, in: attributes), extensionAttributes: attributes.extensions,
                position: leaf.position)
            addChildToConcept {
                $0.notes.append(note)
                return .note($0.notes.count - 1)
            }
        case .metadata(let kind):
            let entry = MetadataEntry(
                kind: kind, text: leaf.text, declaredLanguage: attributes.declaredLanguage, language: language ?? "",
                extensionAttributes: attributes.extensions)
            addFieldToVocabulary {
                $0.metadata.append(entry)
                return .metadata($0.metadata.count - 1)
            }
        case .notation:
            addChildToConcept {
                $0.notations.append(leaf.text)
                return .notation($0.notations.count - 1)
            }
        }
    }
}
