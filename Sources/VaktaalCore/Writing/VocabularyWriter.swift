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
    ///   callers that keep the other cores busy. (The namespaces the concepts use are
    ///   gathered on all cores either way: a short walk, before the writing.)
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
        writeStart(of: vocabulary, namespaces, into: &writer)
        writeOwnFields(of: vocabulary, namespaces, into: &writer)
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
        writeInstructions(vocabulary.epilogInstructions, among: vocabulary.epilogComments, into: &writer)
    }

    /// Comments and the processing instructions placed among them (before or after the root).
    private static func writeInstructions(
        _ instructions: [ProcessingInstruction], among comments: [String], into writer: inout XMLWriter
    ) {
        var instructions = instructions[...]
        func writeInstructions(after commentCount: Int) {
            while let next = instructions.first, next.commentsBefore <= commentCount {
                writer.processingInstruction(target: next.target, data: next.data)
                instructions.removeFirst()
            }
        }
        for (index, comment) in comments.enumerated() {
            writeInstructions(after: index)
            writer.comment(comment)
        }
        writeInstructions(after: .max)
    }

    /// The start of the document up to the root element's start tag: its comments and
    /// processing instructions before the root, and the root's namespaces, identity and
    /// default language.
    private static func writeStart(of vocabulary: Vocabulary, _ namespaces: NamespaceTable, into writer: inout XMLWriter) {
        writeInstructions(vocabulary.prologInstructions, among: vocabulary.prologComments, into: &writer)
        writer.startElement("vocabulary") { attributes in
            attributes.add("xmlns", vocabularyNamespace)
            for declaration in namespaces.declarations { attributes.add("xmlns:\(declaration.prefix)", declaration.uri) }
            attributes.add("format", vocabulary.format)
            attributes.add("id", vocabulary.id)
            attributes.add("uri", vocabulary.uri)
            attributes.add("scheme", vocabulary.schemeURI)
            attributes.add("version", vocabulary.version)
            attributes.add("modified", vocabulary.modified)
            attributes.add("xml:lang", vocabulary.defaultLanguage)
            attributes.add(vocabulary.extensionAttributes, namespaces)
        }
    }

    /// The scheme's own fields after the root's start tag: its metadata and its extension
    /// elements, each after the comments written before it.
    private static func writeOwnFields(of vocabulary: Vocabulary, _ namespaces: NamespaceTable, into writer: inout XMLWriter) {
        // A comment before a field the scheme no longer has comes first, with those before them all.
        func stands(_ field: SchemeField?) -> Bool {
            switch field {
            case nil: false
            case .metadata(let index): vocabulary.metadata.indices.contains(index)
            case .extensionElement(let index): vocabulary.extensions.indices.contains(index)
            }
        }
        var before: [SchemeField: [String]] = [:]
        for comment in vocabulary.headerComments {
            if let field = comment.before, stands(field) {
                before[field, default: []].append(comment.text)
            } else {
                writer.comment(comment.text)
            }
        }
        for kind in MetadataKind.allCases {
            for (index, entry) in vocabulary.metadata.enumerated() where entry.kind == kind {
                for comment in before[.metadata(index)] ?? [] { writer.comment(comment) }
                writer.element(kind.rawValue, text: entry.text) { attributes in
                    attributes.add("xml:lang", entry.declaredLanguage)
                    attributes.add(entry.extensionAttributes, namespaces)
                }
            }
        }
        for (index, element) in vocabulary.extensions.enumerated() {
            for comment in before[.extensionElement(index)] ?? [] { writer.comment(comment) }
            namespaces.write(element, into: &writer, defaultNamespace: vocabularyNamespace)
        }
    }

    /// Some concepts of a scheme, each as the canonical document of the scheme writes it (its
    /// comments first, indented as a concept, without the blank line before it and the line
    /// end after it), and the start of that document up to the end of the root's start tag,
    /// which says what those bytes mean (its namespaces and default language), and the
    /// document's head: all of it before the first concept, with the blank line before that:
    /// for a file that keeps its own layout and has some concepts written anew.
    ///
    /// - Parameter indices: The concepts to write, as indices of `vocabulary.concepts`.
    public static func concepts(
        at indices: [Int], of vocabulary: Vocabulary
    ) -> (documentStart: [UInt8], head: [UInt8], concepts: [[UInt8]]) {
        let namespaces = NamespaceTable(vocabulary)
        var start = XMLWriter(capacity: 1024)
        writeStart(of: vocabulary, namespaces, into: &start)
        var head = start
        writeOwnFields(of: vocabulary, namespaces, into: &head)
        head.blankLine()
        let concepts = indices.map { index in
            var writer = XMLWriter(pieceAtDepth: 1, capacity: 1024)
            write(vocabulary.concepts[index], into: &writer, namespaces: namespaces)
            return Array(writer.bytes.dropLast())
        }
        return (Array(start.bytes.dropLast()), head.bytes, concepts)
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
        writer.startElement("concept") { attributes in
            attributes.add("id", concept.id)
            attributes.add("top", flag: concept.isTopConcept)
            attributes.add("deprecated", flag: concept.isDeprecated)
            attributes.add("replacedBy", concept.replacedBy)
            attributes.add("modified", concept.modified)
            attributes.add(concept.extensionAttributes, namespaces)
        }
        var comments = InnerComments(concept)
        let labels = concept.labels
        for kind in LabelKind.allCases {
            for (index, label) in labels.enumerated() where label.kind == kind {
                comments.write(before: .label(index), into: &writer)
                writer.element(kind.rawValue, text: label.text) { addAttributes(of: label, namespaces, to: &$0) }
            }
        }
        for (index, notation) in concept.notations.enumerated() {
            comments.write(before: .notation(index), into: &writer)
            writer.element("notation", text: notation)
        }
        let notes = concept.notes
        for kind in NoteKind.allCases where kind != .source { write(notes, of: kind, into: &writer, namespaces, &comments) }
        let relations = concept.relations
        for kind in RelationKind.allCases {
            for (index, relation) in relations.enumerated() where relation.kind == kind {
                comments.write(before: .relation(index), into: &writer)
                writer.element(kind.rawValue) { attributes in
                    attributes.add("ref", relation.reference)
                    attributes.add(relation.extensionAttributes, namespaces)
                }
            }
        }
        let mappings = concept.mappings
        for kind in MappingKind.allCases {
            for (index, mapping) in mappings.enumerated() where mapping.kind == kind {
                comments.write(before: .mapping(index), into: &writer)
                writer.element(kind.rawValue) { attributes in
                    switch mapping.target {
                    case .uri(let uri): attributes.add("uri", uri)
                    case .reference(let reference): attributes.add("ref", reference)
                    }
                    attributes.add(mapping.extensionAttributes, namespaces)
                }
            }
        }
        write(notes, of: .source, into: &writer, namespaces, &comments)
        for (index, element) in concept.extensions.enumerated() {
            comments.write(before: .extensionElement(index), into: &writer)
            namespaces.write(element, into: &writer, defaultNamespace: vocabularyNamespace)
        }
        comments.writeRest(into: &writer)
        writer.endElement("concept")
    }

    private static func write(
        _ notes: [Note], of kind: NoteKind, into writer: inout XMLWriter, _ namespaces: NamespaceTable,
        _ comments: inout InnerComments
    ) {
        for (index, note) in notes.enumerated() where note.kind == kind {
            comments.write(before: .note(index), into: &writer)
            writer.element(note.kind.rawValue, text: note.text) { attributes in
                attributes.add("xml:lang", note.declaredLanguage)
                attributes.add("date", note.date)
                attributes.add(note.extensionAttributes, namespaces)
            }
        }
    }

    private static func addAttributes(of label: Label, _ namespaces: NamespaceTable, to attributes: inout AttributeList) {
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
    }
}

extension AttributeList {
    /// Adds extension attributes with the prefixes of `namespaces`.
    fileprivate mutating func add(_ extensionAttributes: [ExtensionAttribute], _ namespaces: NamespaceTable) {
        if !extensionAttributes.isEmpty { add(contentsOf: namespaces.attributes(extensionAttributes)) }
    }
}

/// The comments inside a concept as the canonical layout writes them: each before the child
/// it was written before, the others (written before the end tag, or before a child the
/// concept no longer has) before the end tag, in source order.
private struct InnerComments {
    private var before: [ConceptChild: [String]] = [:]
    private let all: [InnerComment]

    init(_ concept: Concept) {
        all = concept.innerComments
        for comment in all {
            if let child = comment.before { before[child, default: []].append(comment.text) }
        }
    }

    /// Writes the comments that stand before `child`.
    mutating func write(before child: ConceptChild, into writer: inout XMLWriter) {
        guard !before.isEmpty, let comments = before.removeValue(forKey: child) else { return }
        for comment in comments { writer.comment(comment) }
    }

    /// Writes the comments not written before a child.
    func writeRest(into writer: inout XMLWriter) {
        for comment in all where comment.before.map({ before[$0] != nil }) ?? true { writer.comment(comment.text) }
    }
}
