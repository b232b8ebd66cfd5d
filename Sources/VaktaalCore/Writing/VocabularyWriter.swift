import VaktaalXML

/// Writes a ``Vocabulary`` in the one canonical layout of the format: a stable order of
/// elements and attributes, two-space indentation, UTF-8 and a final newline, so that
/// diffs stay small and reading then writing a canonical file gives the same bytes.
public enum VocabularyWriter {
    /// The canonical XML text of a scheme.
    public static func xml(for vocabulary: Vocabulary) -> String {
        String(decoding: bytes(for: vocabulary), as: UTF8.self)
    }

    /// The canonical XML of a scheme as UTF-8 bytes, ready to be written.
    public static func bytes(for vocabulary: Vocabulary) -> [UInt8] {
        var writer = XMLWriter()
        write(vocabulary, into: &writer) { _ in }
        return writer.bytes
    }

    /// Hands the canonical XML of a scheme to `body` in pieces of about `pieceSize` bytes,
    /// in order, so that a large vocabulary is written without its whole text in memory.
    /// After `vocabulary`'s own concepts come those `concepts` produces (by calling the
    /// function it is given once per concept): a producer can make concepts one at a time,
    /// so that they never all stand in memory.
    public static func write(
        _ vocabulary: Vocabulary, concepts: (_ write: (Concept) -> Void) -> Void = { _ in }, pieceSize: Int = 1 << 20,
        to body: ([UInt8]) -> Void
    ) {
        var writer = XMLWriter()
        write(vocabulary, concepts: concepts, into: &writer) { writer in
            if writer.bytes.count >= pieceSize { writer.drain(body) }
        }
        writer.drain(body)
    }

    /// Writes the document; `afterConcept` may take the bytes written so far.
    private static func write(
        _ vocabulary: Vocabulary, concepts: (_ write: (Concept) -> Void) -> Void = { _ in }, into writer: inout XMLWriter,
        afterConcept: (inout XMLWriter) -> Void
    ) {
        let namespaces = NamespaceTable(vocabulary)
        for comment in vocabulary.prologComments { writer.comment(comment) }
        var rootAttributes: [(name: String, value: String)] = [("xmlns", vocabularyNamespace)]
        rootAttributes += namespaces.declarations.map { ("xmlns:\($0.prefix)", $0.uri) }
        rootAttributes += [("format", vocabulary.format), ("id", vocabulary.id), ("uri", vocabulary.uri)]
        rootAttributes += optional("scheme", vocabulary.schemeURI)
        rootAttributes += optional("version", vocabulary.version) + optional("modified", vocabulary.modified)
        rootAttributes += optional("xml:lang", vocabulary.defaultLanguage)
        rootAttributes += namespaces.attributes(vocabulary.extensionAttributes)
        writer.startElement("vocabulary", attributes: rootAttributes)
        for comment in vocabulary.headerComments { writer.comment(comment) }
        for kind in MetadataKind.allCases {
            for entry in vocabulary.metadata(kind) {
                let attributes = optional("xml:lang", entry.declaredLanguage) + namespaces.attributes(entry.extensionAttributes)
                writer.element(kind.rawValue, attributes: attributes, text: entry.text)
            }
        }
        for element in vocabulary.extensions {
            namespaces.write(element, into: &writer, defaultNamespace: vocabularyNamespace)
        }
        for concept in vocabulary.concepts {
            writer.blankLine()
            write(concept, into: &writer, namespaces: namespaces)
            afterConcept(&writer)
        }
        withoutActuallyEscaping(afterConcept) { afterConcept in
            concepts { concept in
                writer.blankLine()
                write(concept, into: &writer, namespaces: namespaces)
                afterConcept(&writer)
            }
        }
        if !vocabulary.trailingComments.isEmpty { writer.blankLine() }
        for comment in vocabulary.trailingComments { writer.comment(comment) }
        writer.endElement("vocabulary")
    }

    private static func write(_ concept: Concept, into writer: inout XMLWriter, namespaces: NamespaceTable) {
        for comment in concept.leadingComments { writer.comment(comment) }
        var attributes: [(name: String, value: String)] = [("id", concept.id)]
        attributes += flag("top", concept.isTopConcept) + flag("deprecated", concept.isDeprecated)
        attributes += optional("replacedBy", concept.replacedBy) + optional("modified", concept.modified)
        attributes += namespaces.attributes(concept.extensionAttributes)
        writer.startElement("concept", attributes: attributes)
        for comment in concept.innerComments { writer.comment(comment) }
        for kind in LabelKind.allCases {
            for label in concept.labels where label.kind == kind {
                writer.element(kind.rawValue, attributes: labelAttributes(label, namespaces), text: label.text)
            }
        }
        for notation in concept.notations { writer.element("notation", text: notation) }
        for kind in NoteKind.allCases where kind != .source { write(concept.notes, of: kind, into: &writer, namespaces) }
        for kind in RelationKind.allCases {
            for relation in concept.relations where relation.kind == kind {
                let attributes = [("ref", relation.reference)] + namespaces.attributes(relation.extensionAttributes)
                writer.element(kind.rawValue, attributes: attributes)
            }
        }
        for kind in MappingKind.allCases {
            for mapping in concept.mappings where mapping.kind == kind {
                let target: (name: String, value: String)
                switch mapping.target {
                case .uri(let uri): target = ("uri", uri)
                case .reference(let reference): target = ("ref", reference)
                }
                writer.element(kind.rawValue, attributes: [target] + namespaces.attributes(mapping.extensionAttributes))
            }
        }
        write(concept.notes, of: .source, into: &writer, namespaces)
        for element in concept.extensions {
            namespaces.write(element, into: &writer, defaultNamespace: vocabularyNamespace)
        }
        writer.endElement("concept")
    }

    private static func write(_ notes: [Note], of kind: NoteKind, into writer: inout XMLWriter, _ namespaces: NamespaceTable) {
        for note in notes where note.kind == kind {
            let attributes =
                optional("xml:lang", note.declaredLanguage) + optional("date", note.date)
                + namespaces.attributes(note.extensionAttributes)
            writer.element(note.kind.rawValue, attributes: attributes, text: note.text)
        }
    }

    private static func labelAttributes(_ label: Label, _ namespaces: NamespaceTable) -> [(name: String, value: String)] {
        optional("xml:lang", label.declaredLanguage) + list("plural", label.plurals) + list("forms", label.forms)
            + flag("abbreviation", label.isAbbreviation) + flag("caseSensitive", label.isCaseSensitive)
            + optional("since", label.since) + optional("reason", label.reason)
            + optional("severity", label.severity?.rawValue) + list("exceptions", label.exceptions)
            + namespaces.attributes(label.extensionAttributes)
    }

    private static func optional(_ name: String, _ value: String?) -> [(name: String, value: String)] {
        value.map { [(name, $0)] } ?? []
    }

    private static func flag(_ name: String, _ value: Bool) -> [(name: String, value: String)] {
        value ? [(name, "true")] : []
    }

    private static func list(_ name: String, _ values: [String]) -> [(name: String, value: String)] {
        values.isEmpty ? [] : [(name, values.joined(separator: "; "))]
    }
}
