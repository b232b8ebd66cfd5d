import VaktaalText
import VaktaalXML

/// Builds one ``Vocabulary`` from the events of the stream parser, reporting every element
/// or attribute that the format does not know, so that typos never pass silently.
/// Elements in other namespaces are kept as ``ExtensionElement``s.
///
/// A reader serves one parse on one thread, one event at a time, so accesses to its state
/// never overlap: the dynamic exclusivity checks are left out.
final class VocabularyReader: XMLContentHandler {
    let path: String
    @exclusivity(unchecked) private(set) var diagnostics: [Finding] = []
    /// The scheme being built; concepts are appended as they start and filled in place.
    @exclusivity(unchecked) private var building = Vocabulary(id: "", uri: "")
    @exclusivity(unchecked) private var hasVocabulary = false
    /// The index in `building.concepts` of the concept being read, if it is a valid one.
    @exclusivity(unchecked) private var conceptIndex: Int?
    @exclusivity(unchecked) private var frames: [Frame] = [.document]
    /// The extension elements being read (frames ``Frame/extensionElement``), innermost last.
    @exclusivity(unchecked) private var openExtensions: [ExtensionElement] = []
    /// The name of the empty element being read (frame ``Frame/childless``): it holds no
    /// elements of its own, so at most one is open.
    @exclusivity(unchecked) var openChildless = ""
    /// The leaf element being read (frame ``Frame/leaf``): leaves hold no elements, so at most one is open.
    @exclusivity(unchecked) var openLeaf: Leaf?
    /// The comments met since the last element that takes them.
    @exclusivity(unchecked) private var pendingComments: [String] = []
    /// The processing instructions met before the root element.
    @exclusivity(unchecked) private var prologInstructions: [ProcessingInstruction] = []
    /// The child of the concept that the empty element being read added (frame
    /// ``Frame/childless``), for a comment inside it; `nil` when it added none.
    @exclusivity(unchecked) var childlessChild: ConceptChild?
    @exclusivity(unchecked) private var sawRoot = false

    /// What the reader is inside of. (Without payloads: the frames are looked at for every
    /// event, and a frame that is a plain value costs nothing to copy.)
    enum Frame {
        case document
        case vocabulary
        case concept
        /// A leaf element; it is ``VocabularyReader/openLeaf``.
        case leaf
        /// An empty element; its name is ``VocabularyReader/openChildless``.
        case childless
        /// An element of another namespace; it is the last of ``VocabularyReader/openExtensions``.
        case extensionElement
        case skipped
    }

    /// An element whose text is its content: a label, note, metadata entry or notation.
    struct Leaf {
        var element: LeafElement
        var attributes: AttributeSet
        var position: SourcePosition
        var text = ""
    }

    enum LeafElement {
        case label(LabelKind)
        case note(NoteKind)
        case metadata(MetadataKind)
        case notation
    }

    init(path: String) {
        self.path = path
    }

    /// The scheme read, or `nil` when the file had no `vocabulary` root.
    var vocabulary: Vocabulary? { hasVocabulary ? building : nil }

    func report(_ rule: ReaderRule, _ message: String, at position: SourcePosition) {
        diagnostics.append(
            Finding(rule: rule.id, severity: rule.severity, message: message, location: location(position)))
    }

    func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(path: path, line: position.line, column: position.column)
    }

    /// Converts attribute values, reporting those of the wrong form (made once per reader).
    private(set) lazy var values = ValueParser { [unowned self] rule, message, position in
        self.report(rule, message, at: position)
    }

    // MARK: - XMLContentHandler

    /// The format's namespace, which every element is compared with.
    var sharedNames: [String] { [vocabularyNamespace] }

    func startElement(_ tag: XMLStartTag) {
        let parent = frames.last ?? .document
        if case .skipped = parent {
            frames.append(.skipped)
            return
        }
        if case .extensionElement = parent {
            openExtension(tag)
            return
        }
        let isOurs = tag.name.namespaceURI == vocabularyNamespace
        if !isOurs, case .document = parent {
            let namespace = tag.name.namespaceURI.map { "namespace '\($0)'" } ?? "no namespace"
            report(
                .wrongNamespace,
                "the root element '\(tag.name.qualifiedName)' is in \(namespace); a vocabulary file has <vocabulary "
                    + "xmlns=\"\(vocabularyNamespace)\">",
                at: tag.position)
            frames.append(.skipped)
            return
        }
        if !isOurs {
            switch parent {
            case .vocabulary, .concept:
                openExtension(tag)
            default:
                report(.unknownElement, "'\(tag.name.qualifiedName)' is not allowed inside \(describe(parent))", at: tag.position)
                frames.append(.skipped)
            }
            return
        }
        frames.append(open(tag, inside: parent))
    }

    func endElement(_ name: XMLName, at position: SourcePosition) {
        guard let frame = frames.popLast() else { return }
        switch frame {
        case .document, .skipped, .childless:
            break
        case .vocabulary:
            building.trailingComments = pendingComments
            pendingComments = []
        case .concept:
            // Comments after the last child stand before the end tag.
            addToConcept { $0.innerComments += pendingComments.map { InnerComment($0) } }
            pendingComments = []
            conceptIndex = nil
        case .leaf:
            if let leaf = openLeaf { close(leaf) }
            openLeaf = nil
        case .extensionElement:
            assert(!openExtensions.isEmpty, "an extension frame without its element")
            if let element = openExtensions.popLast() { attach(element) }
        }
    }

    func text(_ text: String, at position: SourcePosition) {
        guard let frame = frames.last else { return }
        switch frame {
        case .leaf:
            openLeaf?.text += text
        case .extensionElement:
            assert(!openExtensions.isEmpty, "an extension frame without its element")
            if !openExtensions.isEmpty { openExtensions[openExtensions.count - 1].children.append(.text(text)) }
        case .skipped:
            break
        case .document, .vocabulary, .concept, .childless:
            if !text.withUTF8Bytes({ $0.allSatisfy(isXMLSpace) }) {
                let excerpt = text.trimmingSpaces().prefix(40)
                let start = position.advanced(over: text.prefix { $0.isWhitespace })
                report(.unexpectedText, "text '\(excerpt)' is not allowed inside \(describe(frame))", at: start)
            }
        }
    }

    func comment(_ text: String, at position: SourcePosition) {
        switch frames.last ?? .document {
        case .document:
            if sawRoot { building.epilogComments.append(text) } else { pendingComments.append(text) }
        case .childless:
            // Inside a relation or mapping, which is the concept's already: written before it.
            if conceptIndex != nil, let child = childlessChild {
                addToConcept { $0.innerComments.append(InnerComment(text, before: child)) }
            } else {
                pendingComments.append(text)
            }
        case .vocabulary, .concept, .extensionElement, .leaf, .skipped:
            // Before a field or child, or inside one that is added when it ends: written before it.
            pendingComments.append(text)
        }
    }

    func processingInstruction(target: String, data: String, at position: SourcePosition) {
        switch (sawRoot, frames.last ?? .document) {
        case (false, _):
            prologInstructions.append(ProcessingInstruction(target: target, data: data, commentsBefore: pendingComments.count))
        case (true, .document):
            building.epilogInstructions.append(
                ProcessingInstruction(target: target, data: data, commentsBefore: building.epilogComments.count))
        case (true, _):
            report(
                .unkeptProcessingInstruction,
                "the processing instruction '<?\(target)' would be lost by format, which keeps only those outside the root element",
                at: position)
        }
    }

    // MARK: - Helpers

    func describe(_ frame: Frame) -> String {
        switch frame {
        case .document: "the document"
        case .vocabulary: "'vocabulary'"
        case .concept: "'concept'"
        case .leaf: "'\(openLeaf?.element.name ?? "")' (it holds text only)"
        case .childless: "'\(openChildless)' (it is empty)"
        case .extensionElement: "'\(openExtensions.last?.localName ?? "")'"
        case .skipped: "an unknown element"
        }
    }

    /// Starts reading an element of another namespace.
    private func openExtension(_ tag: XMLStartTag) {
        frames.append(.extensionElement)
        openExtensions.append(makeExtension(tag))
    }

    private func makeExtension(_ tag: XMLStartTag) -> ExtensionElement {
        let attributes = tag.attributes.map { attribute in
            ExtensionAttribute(
                namespaceURI: attribute.name.namespaceURI ?? "", prefix: attribute.name.prefix,
                localName: attribute.name.localName, value: attribute.value)
        }
        return ExtensionElement(
            namespaceURI: tag.name.namespaceURI ?? "", prefix: tag.name.prefix, localName: tag.name.localName,
            attributes: attributes)
    }

    /// Adds a finished extension element to what holds it.
    private func attach(_ element: ExtensionElement) {
        switch frames.last {
        case .extensionElement:
            assert(!openExtensions.isEmpty, "an extension frame without its element")
            if !openExtensions.isEmpty { openExtensions[openExtensions.count - 1].children.append(.element(element)) }
        case .concept:
            addChildToConcept {
                $0.extensions.append(element)
                return .extensionElement($0.extensions.count - 1)
            }
        default:
            addFieldToVocabulary {
                $0.extensions.append(element)
                return .extensionElement($0.extensions.count - 1)
            }
        }
    }

    /// Takes the processing instructions met before the root element, for the root starting now.
    func takePrologInstructions() -> [ProcessingInstruction] {
        defer { prologInstructions = [] }
        return prologInstructions
    }

    /// Takes the comments met since the last element, for the element starting now.
    func takePendingComments() -> [String] {
        defer { pendingComments = [] }
        return pendingComments
    }

    func markRootSeen() { sawRoot = true }

    /// Starts reading a concept; `nil` for one too broken to keep (its content is dropped).
    func startConcept(_ newConcept: Concept?) {
        guard let newConcept, hasVocabulary else {
            conceptIndex = nil
            return
        }
        building.concepts.append(newConcept)
        conceptIndex = building.concepts.count - 1
    }

    func setVocabulary(_ newVocabulary: Vocabulary) {
        building = newVocabulary
        hasVocabulary = true
    }

    /// Adds a field to the scheme being read, in place: `add` appends it and says which it
    /// is; the comments met since the field before stand before it.
    func addFieldToVocabulary(_ add: (inout Vocabulary) -> SchemeField) {
        let field = add(&building)
        guard !pendingComments.isEmpty else { return }
        building.headerComments += pendingComments.map { HeaderComment($0, before: field) }
        pendingComments = []
    }

    /// Adds a child to the concept being read, in place: `add` appends it and says which it
    /// is; the comments met since the child before stand before it. The child added, if any.
    @discardableResult
    func addChildToConcept(_ add: (inout Concept) -> ConceptChild) -> ConceptChild? {
        guard let conceptIndex else { return nil }
        let child = add(&building.concepts[conceptIndex])
        if !pendingComments.isEmpty {
            building.concepts[conceptIndex].innerComments += pendingComments.map { InnerComment($0, before: child) }
            pendingComments = []
        }
        return child
    }

    /// Changes the concept being read, in place.
    func addToConcept(_ change: (inout Concept) -> Void) {
        guard let conceptIndex else { return }
        change(&building.concepts[conceptIndex])
    }

    var defaultLanguage: String? { building.defaultLanguage }
}

extension VocabularyReader.LeafElement {
    var name: String {
        switch self {
        case .label(let kind): kind.rawValue
        case .note(let kind): kind.rawValue
        case .metadata(let kind): kind.rawValue
        case .notation: "notation"
        }
    }
}
