import VaktaalText

/// The binary form of the model: every field, positions and comments included, so that a
/// vocabulary read back is equal (`==`) to the one written. A vocabulary's header (all but
/// its concepts) and each concept are written apart, so that one concept can be read alone.
extension BinaryWriter {
    /// Everything of `vocabulary` but its concepts, then how many it has.
    mutating func writeHeader(of vocabulary: Vocabulary) {
        write(vocabulary.format)
        write(vocabulary.id)
        write(vocabulary.uri)
        write(vocabulary.schemeURI)
        write(vocabulary.version)
        write(vocabulary.modified)
        write(vocabulary.defaultLanguage)
        write(vocabulary.metadata) { writer, entry in
            writer.writeCase(entry.kind)
            writer.write(entry.text)
            writer.write(entry.declaredLanguage)
            writer.write(entry.language)
            writer.write(entry.extensionAttributes)
        }
        write(vocabulary.extensions) { $0.write($1) }
        write(vocabulary.extensionAttributes)
        write(vocabulary.prologComments)
        write(vocabulary.prologInstructions) { $0.write($1) }
        write(vocabulary.headerComments) { writer, comment in
            writer.write(comment.text)
            switch comment.before {
            case nil: writer.write(0)
            case .metadata(let index):
                writer.write(1)
                writer.write(index)
            case .extensionElement(let index):
                writer.write(2)
                writer.write(index)
            }
        }
        write(vocabulary.trailingComments)
        write(vocabulary.epilogComments)
        write(vocabulary.epilogInstructions) { $0.write($1) }
        write(vocabulary.path)
        write(vocabulary.concepts.count)
    }

    mutating func write(_ instruction: ProcessingInstruction) {
        write(instruction.target)
        write(instruction.data)
        write(instruction.commentsBefore)
    }

    /// A concept: first what a finding of lint reads of it (``BinaryReader/readConcept(_:)``),
    /// then the rest in a block that a reader of that part only passes over.
    mutating func write(_ concept: Concept) {
        write(concept.id)
        write(concept.isTopConcept)
        write(concept.isDeprecated)
        write(concept.replacedBy)
        write(concept.modified)
        write(concept.labels) { $0.write($1) }
        write(concept.notations)
        writeBlock { writer in
            writer.write(concept.notes) { writer, note in
                writer.writeCase(note.kind)
                writer.write(note.text)
                writer.write(note.declaredLanguage)
                writer.write(note.language)
                writer.write(note.date)
                writer.write(note.extensionAttributes)
                writer.write(note.position)
            }
            writer.write(concept.relations) { writer, relation in
                writer.writeCase(relation.kind)
                writer.write(relation.reference)
                writer.write(relation.extensionAttributes)
                writer.write(relation.position)
            }
            writer.write(concept.mappings) { writer, mapping in
                writer.writeCase(mapping.kind)
                switch mapping.target {
                case .uri(let uri):
                    writer.write(false)
                    writer.write(uri)
                case .reference(let reference):
                    writer.write(true)
                    writer.write(reference)
                }
                writer.write(mapping.extensionAttributes)
                writer.write(mapping.position)
            }
            writer.write(concept.extensions) { $0.write($1) }
            writer.write(concept.extensionAttributes)
            writer.write(concept.leadingComments)
            writer.write(concept.innerComments) { writer, comment in
                writer.write(comment.text)
                writer.write(comment.before)
            }
            writer.write(concept.position)
        }
    }

    /// The child a comment stands before: its kind (0 for none) and place.
    mutating func write(_ child: ConceptChild?) {
        let (kind, index): (Int, Int) =
            switch child {
            case nil: (0, 0)
            case .label(let index): (1, index)
            case .notation(let index): (2, index)
            case .note(let index): (3, index)
            case .relation(let index): (4, index)
            case .mapping(let index): (5, index)
            case .extensionElement(let index): (6, index)
            }
        write(kind)
        if child != nil { write(index) }
    }

    mutating func write(_ label: Label) {
        writeCase(label.kind)
        write(label.text)
        write(label.declaredLanguage)
        write(label.language)
        write(label.plurals)
        write(label.forms)
        write(label.isCaseSensitive)
        write(label.isAbbreviation)
        write(label.position)
        let hasRareFields =
            label.since != nil || label.reason != nil || label.severity != nil || !label.exceptions.isEmpty
            || !label.extensionAttributes.isEmpty
        write(hasRareFields)
        guard hasRareFields else { return }
        write(label.since)
        write(label.reason)
        write(label.severity != nil)
        if let severity = label.severity { writeCase(severity) }
        write(label.exceptions)
        write(label.extensionAttributes)
    }

    mutating func write(_ element: ExtensionElement) {
        write(element.namespaceURI)
        write(element.prefix)
        write(element.localName)
        write(element.attributes)
        write(element.children) { writer, child in
            switch child {
            case .element(let element):
                writer.write(true)
                writer.write(element)
            case .text(let text):
                writer.write(false)
                writer.write(text)
            }
        }
    }

    mutating func write(_ attributes: [ExtensionAttribute]) {
        write(attributes) { writer, attribute in
            writer.write(attribute.namespaceURI)
            writer.write(attribute.prefix)
            writer.write(attribute.localName)
            writer.write(attribute.value)
        }
    }

    mutating func write(_ position: SourcePosition) {
        write(UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: position.line))))
        write(UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: position.column))))
    }

    mutating func write(_ position: SourcePosition?) {
        write(position != nil)
        if let position { write(position) }
    }
}

extension BinaryReader {
    /// A vocabulary header that ``BinaryWriter/writeHeader(of:)`` wrote: the vocabulary
    /// without its concepts, and how many it has.
    mutating func readVocabularyHeader() throws(SnapshotError) -> (vocabulary: Vocabulary, conceptCount: Int) {
        let vocabulary = Vocabulary(
            format: try readString(), id: try readString(), uri: try readString(), schemeURI: try readOptionalString(),
            version: try readOptionalString(), modified: try readOptionalString(),
            defaultLanguage: try readOptionalString(),
            metadata: try readArray { reader throws(SnapshotError) in
                MetadataEntry(
                    kind: try reader.readCase(MetadataKind.self), text: try reader.readString(),
                    declaredLanguage: try reader.readOptionalString(), language: try reader.readString(),
                    extensionAttributes: try reader.readExtensionAttributes())
            },
            concepts: [],
            extensions: try readArray { reader throws(SnapshotError) in try reader.readExtensionElement() },
            extensionAttributes: try readExtensionAttributes(), prologComments: try readStrings(),
            prologInstructions: try readArray { reader throws(SnapshotError) in try reader.readProcessingInstruction() },
            headerComments: try readArray { reader throws(SnapshotError) in
                HeaderComment(try reader.readString(), before: try reader.readSchemeField())
            }, trailingComments: try readStrings(), epilogComments: try readStrings(),
            epilogInstructions: try readArray { reader throws(SnapshotError) in try reader.readProcessingInstruction() },
            path: try readOptionalString())
        return (vocabulary, try readCount())
    }

    mutating func readProcessingInstruction() throws(SnapshotError) -> ProcessingInstruction {
        ProcessingInstruction(target: try readString(), data: try readString(), commentsBefore: try readInt())
    }

    /// A concept as ``BinaryWriter`` writes it: whole, or only what a finding reads.
    mutating func readConcept(_ parts: ConceptParts = .whole) throws(SnapshotError) -> Concept {
        let (id, isTopConcept, isDeprecated) = (try readString(), try readBool(), try readBool())
        let (replacedBy, modified) = (try readOptionalString(), try readOptionalString())
        let labels = try readArray { reader throws(SnapshotError) in try reader.readLabel() }
        let notations = try readStrings()
        guard parts == .whole else {
            try skipBlock()
            return Concept(
                id: id, isTopConcept: isTopConcept, isDeprecated: isDeprecated, replacedBy: replacedBy,
                modified: modified, labels: labels, notations: notations)
        }
        return try readBlock { reader throws(SnapshotError) in
            Concept(
                id: id, isTopConcept: isTopConcept, isDeprecated: isDeprecated, replacedBy: replacedBy,
                modified: modified, labels: labels,
                notes: try reader.readArray { reader throws(SnapshotError) in
                    Note(
                        kind: try reader.readCase(NoteKind.self), text: try reader.readString(),
                        declaredLanguage: try reader.readOptionalString(), language: try reader.readString(),
                        date: try reader.readOptionalString(), extensionAttributes: try reader.readExtensionAttributes(),
                        position: try reader.readOptionalPosition())
                },
                relations: try reader.readArray { reader throws(SnapshotError) in
                    ConceptRelation(
                        kind: try reader.readCase(RelationKind.self), reference: try reader.readString(),
                        extensionAttributes: try reader.readExtensionAttributes(), position: try reader.readOptionalPosition())
                },
                mappings: try reader.readArray { reader throws(SnapshotError) in
                    let kind = try reader.readCase(MappingKind.self)
                    let target: MappingTarget =
                        try reader.readBool() ? .reference(try reader.readString()) : .uri(try reader.readString())
                    return Mapping(
                        kind: kind, target: target, extensionAttributes: try reader.readExtensionAttributes(),
                        position: try reader.readOptionalPosition())
                },
                notations: notations,
                extensions: try reader.readArray { reader throws(SnapshotError) in try reader.readExtensionElement() },
                extensionAttributes: try reader.readExtensionAttributes(), leadingComments: try reader.readStrings(),
                innerComments: try reader.readArray { reader throws(SnapshotError) in
                    InnerComment(try reader.readString(), before: try reader.readConceptChild())
                }, position: try reader.readOptionalPosition())
        }
    }

    /// The scheme field a comment stands before, as ``BinaryWriter`` writes it.
    mutating func readSchemeField() throws(SnapshotError) -> SchemeField? {
        switch try readInt() {
        case 0: return nil
        case 1: return .metadata(try readInt())
        case 2: return .extensionElement(try readInt())
        case let kind: throw .malformed("a comment stands before a scheme field of unknown kind \(kind)")
        }
    }

    /// The child a comment stands before, as ``BinaryWriter`` writes it.
    mutating func readConceptChild() throws(SnapshotError) -> ConceptChild? {
        let kind = try readInt()
        guard kind != 0 else { return nil }
        let index = try readInt()
        switch kind {
        case 1: return .label(index)
        case 2: return .notation(index)
        case 3: return .note(index)
        case 4: return .relation(index)
        case 5: return .mapping(index)
        case 6: return .extensionElement(index)
        default: throw .malformed("a comment stands before a child of unknown kind \(kind)")
        }
    }

    mutating func readLabel() throws(SnapshotError) -> Label {
        let kind = try readCase(LabelKind.self)
        let text = try readString()
        let declaredLanguage = try readOptionalString()
        let language = try readString()
        let plurals = try readStrings()
        let forms = try readStrings()
        let isCaseSensitive = try readBool()
        let isAbbreviation = try readBool()
        let position = try readOptionalPosition()
        guard try readBool() else {
            return Label(
                kind: kind, text: text, declaredLanguage: declaredLanguage, language: language, plurals: plurals,
                forms: forms, isCaseSensitive: isCaseSensitive, isAbbreviation: isAbbreviation, position: position)
        }
        return Label(
            kind: kind, text: text, declaredLanguage: declaredLanguage, language: language, plurals: plurals, forms: forms,
            isCaseSensitive: isCaseSensitive, isAbbreviation: isAbbreviation, since: try readOptionalString(),
            reason: try readOptionalString(), severity: try readBool() ? try readCase(Severity.self) : nil,
            exceptions: try readStrings(), extensionAttributes: try readExtensionAttributes(), position: position)
    }

    mutating func readExtensionElement() throws(SnapshotError) -> ExtensionElement {
        ExtensionElement(
            namespaceURI: try readString(), prefix: try readOptionalString(), localName: try readString(),
            attributes: try readExtensionAttributes(),
            children: try readArray { reader throws(SnapshotError) in
                try reader.readBool() ? .element(try reader.readExtensionElement()) : .text(try reader.readString())
            })
    }

    mutating func readExtensionAttributes() throws(SnapshotError) -> [ExtensionAttribute] {
        try readArray { reader throws(SnapshotError) in
            ExtensionAttribute(
                namespaceURI: try reader.readString(), prefix: try reader.readOptionalString(),
                localName: try reader.readString(), value: try reader.readString())
        }
    }

    mutating func readPosition() throws(SnapshotError) -> SourcePosition {
        let line = Int32(bitPattern: UInt32(truncatingIfNeeded: try readUInt64()))
        let column = Int32(bitPattern: UInt32(truncatingIfNeeded: try readUInt64()))
        return SourcePosition(line: Int(line), column: Int(column))
    }

    mutating func readOptionalPosition() throws(SnapshotError) -> SourcePosition? {
        try readBool() ? try readPosition() : nil
    }
}
