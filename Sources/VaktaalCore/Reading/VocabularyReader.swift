import VaktaalXML

/// Builds one ``Vocabulary`` from the events of the stream parser, reporting every element
/// or attribute that the format does not know, so that typos never pass silently.
/// Elements in other namespaces are kept as ``ExtensionElement``s.
final class VocabularyReader: XMLContentHandler {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var vocabulary: Vocabulary?
    private var frames: [Frame] = [.document]
    private var concept: Concept?
    private var pendingComments: [String] = []
    private var sawRoot = false

    /// What the reader is inside of.
    enum Frame {
        case document
        case vocabulary
        case concept
        case leaf(Leaf)
        case childless(String)
        case extensionElement(ExtensionElement)
        case skipped
    }

    /// An element whose text is its content: a label, note, metadata entry or notation.
    struct Leaf {
        var element: LeafElement
        var attributes: AttributeSet
        var location: SourceLocation
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

    func report(_ rule: ReaderRule, _ message: String, at position: XMLPosition) {
        diagnostics.append(
            Diagnostic(rule: rule.rawValue, severity: .error, message: message, location: location(position)))
    }

    func location(_ position: XMLPosition) -> SourceLocation {
        SourceLocation(path: path, line: position.line, column: position.column)
    }

    var values: ValueParser { ValueParser(report: report) }

    // MARK: - XMLContentHandler

    func startElement(_ tag: XMLStartTag) {
        let parent = frames.last ?? .document
        if case .skipped = parent {
            frames.append(.skipped)
            return
        }
        if case .extensionElement = parent {
            frames.append(.extensionElement(makeExtension(tag)))
            return
        }
        let isOurs = tag.name.namespaceURI == vocabularyNamespace
        if !isOurs, case .document = parent {
            let namespace = tag.name.namespaceURI.map { "namespace '\($0)'" } ?? "no namespace"
            report(
                .wrongNamespace,
                "the root element '\(tag.name.qualifiedName)' is in \(namespace); a vocabulary file has <vocabulary xmlns=\"\(vocabularyNamespace)\">",
                at: tag.position)
            frames.append(.skipped)
            return
        }
        if !isOurs {
            switch parent {
            case .vocabulary, .concept:
                frames.append(.extensionElement(makeExtension(tag)))
            default:
                report(.unknownElement, "'\(tag.name.qualifiedName)' is not allowed inside \(describe(parent))", at: tag.position)
                frames.append(.skipped)
            }
            return
        }
        frames.append(open(tag, inside: parent))
    }

    func endElement(_ name: XMLName, at position: XMLPosition) {
        guard let frame = frames.popLast() else { return }
        switch frame {
        case .document, .skipped, .childless:
            break
        case .vocabulary:
            vocabulary?.trailingComments = pendingComments
            pendingComments = []
        case .concept:
            if var finished = concept {
                finished.innerComments = pendingComments
                vocabulary?.concepts.append(finished)
            }
            pendingComments = []
            concept = nil
        case .leaf(let leaf):
            close(leaf)
        case .extensionElement(let element):
            attach(element)
        }
    }

    func text(_ text: String, at position: XMLPosition) {
        guard var frame = frames.popLast() else { return }
        defer { frames.append(frame) }
        switch frame {
        case .leaf(var leaf):
            leaf.text += text
            frame = .leaf(leaf)
        case .extensionElement(var element):
            element.children.append(.text(text))
            frame = .extensionElement(element)
        case .skipped:
            break
        case .document, .vocabulary, .concept, .childless:
            if !text.utf8.allSatisfy(isXMLSpace) {
                let excerpt = text.trimmingSpaces().prefix(40)
                let start = position.advanced(over: text.prefix { $0.isWhitespace })
                report(.unexpectedText, "text '\(excerpt)' is not allowed inside \(describe(frame))", at: start)
            }
        }
    }

    func comment(_ text: String, at position: XMLPosition) {
        switch frames.last ?? .document {
        case .document:
            if sawRoot { vocabulary?.trailingComments.append(text) } else { pendingComments.append(text) }
        case .vocabulary, .concept:
            pendingComments.append(text)
        case .extensionElement, .leaf, .childless, .skipped:
            concept != nil ? concept?.innerComments.append(text) : pendingComments.append(text)
        }
    }

    // MARK: - Helpers

    func describe(_ frame: Frame) -> String {
        switch frame {
        case .document: "the document"
        case .vocabulary: "'vocabulary'"
        case .concept: "'concept'"
        case .leaf(let leaf): "'\(leaf.element.name)' (it holds text only)"
        case .childless(let name): "'\(name)' (it is empty)"
        case .extensionElement(let element): "'\(element.localName)'"
        case .skipped: "an unknown element"
        }
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

    private func attach(_ element: ExtensionElement) {
        guard let parent = frames.popLast() else { return }
        switch parent {
        case .extensionElement(var outer):
            outer.children.append(.element(element))
            frames.append(.extensionElement(outer))
        case .concept:
            concept?.extensions.append(element)
            frames.append(parent)
        default:
            vocabulary?.extensions.append(element)
            frames.append(parent)
        }
    }

    /// Takes the comments met since the last element, for the element starting now.
    func takePendingComments() -> [String] {
        defer { pendingComments = [] }
        return pendingComments
    }

    func markRootSeen() { sawRoot = true }

    func startConcept(_ newConcept: Concept?) {
        concept = newConcept
    }

    func setVocabulary(_ newVocabulary: Vocabulary) {
        vocabulary = newVocabulary
    }

    func appendHeaderComments(_ comments: [String]) {
        vocabulary?.headerComments.append(contentsOf: comments)
    }

    func addToConcept(_ change: (inout Concept) -> Void) {
        guard concept != nil else { return }
        change(&concept!)
    }

    func addToVocabulary(_ change: (inout Vocabulary) -> Void) {
        guard vocabulary != nil else { return }
        change(&vocabulary!)
    }

    var defaultLanguage: String? { vocabulary?.defaultLanguage }
}

/// XML's white space: space, tab, line feed, carriage return.
@inline(__always)
func isXMLSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

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
