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
    ///
    /// - Parameter onAllCores: Whether a large scheme's concepts are written in pieces on
    ///   all cores, then joined. Without it, they are written on one core into one buffer,
    ///   made as large as the first concepts show it must be: less work and memory, for
    ///   callers that keep the other cores busy.
    public static func bytes(for vocabulary: Vocabulary, onAllCores: Bool = true) -> [UInt8] {
        var writer = XMLWriter()
        write(vocabulary, into: &writer, afterConcept: nil, onAllCores: onAllCores)
        return writer.bytes
    }

    /// How many concepts one piece of a scheme written on all cores has.
    private static let conceptsPerPiece = 2_000

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
        withoutActuallyEscaping(body) { body in
            write(vocabulary, concepts: concepts, into: &writer) { writer in
                if writer.bytes.count >= pieceSize { writer.drain(body) }
            }
        }
        writer.drain(body)
    }

    /// Writes the document; `afterConcept` may take the bytes written so far. Without it, a
    /// large scheme's own concepts are written in pieces on all cores, or with `onAllCores`
    /// false, one after the other into a buffer sized from the first of them.
    private static func write(
        _ vocabulary: Vocabulary, concepts: (_ write: (Concept) -> Void) -> Void = { _ in }, into writer: inout XMLWriter,
        afterConcept: ((inout XMLWriter) -> Void)?, onAllCores: Bool = true
    ) {
        let namespaces = NamespaceTable(vocabulary)
        for comment in vocabulary.prologComments { writer.comment(comment) }
        var rootAttributes: [(name: String, value: String)] = [("xmlns", vocabularyNamespace)]
        rootAttributes += namespaces.declarations.map { ("xmlns:\($0.prefix)", $0.uri) }
        rootAttributes += [("format", vocabulary.format), ("id", vocabulary.id), ("uri", vocabulary.uri)]
        rootAttributes.add("scheme", vocabulary.schemeURI)
        rootAttributes.add("version", vocabulary.version)
        rootAttributes.add("modified", vocabulary.modified)
        rootAttributes.add("xml:lang", vocabulary.defaultLanguage)
        rootAttributes.add(vocabulary.extensionAttributes, namespaces)
        writer.startElement("vocabulary", attributes: rootAttributes)
        for comment in vocabulary.headerComments { writer.comment(comment) }
        for kind in MetadataKind.allCases {
            for entry in vocabulary.metadata(kind) {
                var attributes: [(name: String, value: String)] = []
                attributes.add("xml:lang", entry.declaredLanguage)
                attributes.add(entry.extensionAttributes, namespaces)
                writer.element(kind.rawValue, attributes: attributes, text: entry.text)
            }
        }
        for element in vocabulary.extensions {
            namespaces.write(element, into: &writer, defaultNamespace: vocabularyNamespace)
        }
        if afterConcept == nil, onAllCores, vocabulary.concepts.count >= 2 * conceptsPerPiece {
            writer.append(pieces: pieces(of: vocabulary.concepts, depth: writer.depth, namespaces: namespaces))
        } else {
            let start = writer.bytes.count
            for (index, concept) in vocabulary.concepts.enumerated() {
                writer.blankLine()
                write(concept, into: &writer, namespaces: namespaces)
                afterConcept?(&writer)
                if afterConcept == nil, index + 1 == conceptsPerPiece, vocabulary.concepts.count > 2 * conceptsPerPiece {
                    // Room for the rest at the size of the first ones, and a tenth more: the
                    // buffer does not grow (and copy) several times over.
                    let perConcept = (writer.bytes.count - start) / conceptsPerPiece
                    writer.reserveCapacity(writer.bytes.count + perConcept * (vocabulary.concepts.count - index) * 11 / 10)
                }
            }
        }
        concepts { concept in
            writer.blankLine()
            write(concept, into: &writer, namespaces: namespaces)
            afterConcept?(&writer)
        }
        if !vocabulary.trailingComments.isEmpty { writer.blankLine() }
        for comment in vocabulary.trailingComments { writer.comment(comment) }
        writer.endElement("vocabulary")
    }

    /// `concepts` written in pieces of ``conceptsPerPiece`` on all cores, each as the loop over
    /// concepts writes them at `depth`.
    private static func pieces(of concepts: [Concept], depth: Int, namespaces: NamespaceTable) -> [[UInt8]] {
        let pieceCount = (concepts.count + conceptsPerPiece - 1) / conceptsPerPiece
        return Parallel.mapEach(pieceCount) { piece in
            let range = piece * conceptsPerPiece..<min(concepts.count, (piece + 1) * conceptsPerPiece)
            var writer = XMLWriter(pieceAtDepth: depth, capacity: 1 << 20)
            for concept in concepts[range] {
                writer.blankLine()
                write(concept, into: &writer, namespaces: namespaces)
            }
            return writer.bytes
        }
    }

    private static func write(_ concept: Concept, into writer: inout XMLWriter, namespaces: NamespaceTable) {
        for comment in concept.leadingComments { writer.comment(comment) }
        var attributes: [(name: String, value: String)] = [("id", concept.id)]
        attributes.add("top", flag: concept.isTopConcept)
        attributes.add("deprecated", flag: concept.isDeprecated)
        attributes.add("replacedBy", concept.replacedBy)
        attributes.add("modified", concept.modified)
        attributes.add(concept.extensionAttributes, namespaces)
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
                var attributes: [(name: String, value: String)] = [("ref", relation.reference)]
                attributes.add(relation.extensionAttributes, namespaces)
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
                var attributes = [target]
                attributes.add(mapping.extensionAttributes, namespaces)
                writer.element(kind.rawValue, attributes: attributes)
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
            var attributes: [(name: String, value: String)] = []
            attributes.add("xml:lang", note.declaredLanguage)
            attributes.add("date", note.date)
            attributes.add(note.extensionAttributes, namespaces)
            writer.element(note.kind.rawValue, attributes: attributes, text: note.text)
        }
    }

    private static func labelAttributes(_ label: Label, _ namespaces: NamespaceTable) -> [(name: String, value: String)] {
        var attributes: [(name: String, value: String)] = []
        attributes.add("xml:lang", label.declaredLanguage)
        attributes.add("plural", list: label.plurals)
        attributes.add("forms", list: label.forms)
        attributes.add("abbreviation", flag: label.isAbbreviation)
        attributes.add("caseSensitive", flag: label.isCaseSensitive)
        attributes.add("since", label.since)
        attributes.add("reason", label.reason)
        attributes.add("severity", label.severity?.rawValue)
        attributes.add("exceptions", list: label.exceptions)
        attributes.add(label.extensionAttributes, namespaces)
        return attributes
    }
}

/// Attributes added one by one to one list (building them from small lists joined together
/// cost an allocation for each).
extension Array where Element == (name: String, value: String) {
    fileprivate mutating func add(_ name: String, _ value: String?) {
        if let value { append((name, value)) }
    }

    fileprivate mutating func add(_ name: String, flag: Bool) {
        if flag { append((name, "true")) }
    }

    fileprivate mutating func add(_ name: String, list values: [String]) {
        if values.count == 1 {
            append((name, values[0]))
        } else if !values.isEmpty {
            append((name, values.joined(separator: "; ")))
        }
    }

    fileprivate mutating func add(_ extensionAttributes: [ExtensionAttribute], _ namespaces: NamespaceTable) {
        if !extensionAttributes.isEmpty { self += namespaces.attributes(extensionAttributes) }
    }
}
