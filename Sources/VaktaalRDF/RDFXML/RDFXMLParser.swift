import VaktaalText
import VaktaalXML

/// RDF/XML, read on the project's libxml2 stream (no DTDs, no entities, no network: but the
/// plain namespace entities of ``NamespaceEntities``, written out before the parse) and
/// turned into statements as the elements arrive, following the grammar of RDF 1.1 XML
/// Syntax section 7: node and property elements, `rdf:about`, `rdf:ID`, `rdf:nodeID`,
/// `rdf:resource`, `rdf:datatype`, `rdf:parseType` Resource, Literal and Collection,
/// property attributes, `xml:base` and `xml:lang` inheritance, reification by `rdf:ID` on
/// property elements, and `rdf:li`. Errors name the line and column of the element or
/// attribute at fault.
enum RDFXMLParser {
    static func parse(
        _ bytes: [UInt8], path: String, baseIRI: String?, handler: (RDFStatement) -> Void
    ) throws(RDFParseError) {
        // A DOCTYPE that only declares namespace entities (Protégé's) is written out first.
        let bytes = NamespaceEntities.expanded(bytes) ?? bytes
        // Positions cost a third of the XML layer's time and only errors need them: the
        // document is read without them, and read again with them only to place an error.
        let failure: RDFParseError? = withoutActuallyEscaping(handler) { handler in
            read(bytes, path: path, baseIRI: baseIRI, positions: false, emit: handler)
        }
        guard failure != nil else { return }
        throw read(bytes, path: path, baseIRI: baseIRI, positions: true) { _ in } ?? failure ?? .unreadable(path: path)
    }

    private static func read(
        _ bytes: [UInt8], path: String, baseIRI: String?, positions: Bool, emit: @escaping (RDFStatement) -> Void
    ) -> RDFParseError? {
        let reader = RDFXMLReader(path: path, baseIRI: baseIRI, emit: emit)
        do throws(XMLError) {
            try XMLStreamParser.parse(bytes, path: path, handler: reader, positions: positions ? .all : .none)
        } catch {
            return reader.failure ?? .syntax(path: error.path, position: error.position, message: error.message)
        }
        return reader.failure
    }
}

/// What the language and base are at one element.
struct XMLScope {
    var base: String?
    var language: String?
}

/// One open element of the document, as the grammar sees it.
struct RDFXMLFrame {
    enum Kind {
        /// `rdf:RDF`: node elements follow.
        case root
        /// A node element, or a `parseType="Resource"` property: property elements follow.
        case node
        /// A property element whose object is text, one node element, or nothing.
        case property
        /// A `parseType="Collection"` property: node elements follow, the members of a list.
        case collection
        /// A `parseType="Literal"` property: XML follows, kept as an XML literal.
        case literal
    }

    var kind: Kind
    var scope: XMLScope
    /// The node's subject, or the subject of the property's statement.
    var subject: RDFNode?
    var predicate = ""
    /// How many `rdf:li` this node has had.
    var listCount = 0
    var text = ""
    /// The node element that is the property's object.
    var object: RDFNode?
    var position: SourcePosition
    /// What few elements need: kept out of line so that frames stay small.
    var extra: RDFXMLFrameExtra?

    init(_ kind: Kind, scope: XMLScope, subject: RDFNode?, position: SourcePosition) {
        self.kind = kind
        self.scope = scope
        self.subject = subject
        self.position = position
    }

    var reification: String? { extra?.reification }
    var datatype: String? { extra?.datatype }
    var emptyObject: EmptyObject? { extra?.emptyObject }

    /// The extra fields, made on first use.
    mutating func extras() -> RDFXMLFrameExtra {
        if let extra { return extra }
        let made = RDFXMLFrameExtra()
        extra = made
        return made
    }
}

/// The fields of the few frames that have them: a reifying `rdf:ID`, `rdf:datatype`, the
/// attributes of an empty property element, collection members, an XML literal.
final class RDFXMLFrameExtra {
    var reification: String?
    var datatype: String?
    var emptyObject: EmptyObject?
    var members: [RDFNode] = []
    var literal = XMLLiteralWriter()
}

/// The attributes that describe the object of an empty property element.
struct EmptyObject {
    var resource: String?
    var nodeID: String?
    var properties: [(predicate: String, value: String)] = []
    var position: SourcePosition
}

/// Turns the stream of elements into statements; see ``RDFXMLParser``.
final class RDFXMLReader: XMLContentHandler {
    static let rdf = RDFVocabulary.rdf

    let path: String
    let documentBase: String?
    let emit: (RDFStatement) -> Void
    var failure: RDFParseError?
    var frames: [RDFXMLFrame] = []
    private var blankCount = 0
    private var usedIDs = Set<String>()
    /// Predicate and class IRIs by namespace and local name, made once each.
    private var names: [String: [String: String]] = [:]
    private var lastNamespace = ""
    private var lastNames: [String: String] = [:]

    init(path: String, baseIRI: String?, emit: @escaping (RDFStatement) -> Void) {
        self.path = path
        documentBase = baseIRI
        self.emit = emit
        frames.reserveCapacity(16)
    }

    // MARK: - Events

    func startElement(_ tag: XMLStartTag) {
        guard failure == nil else { return }
        if let top = frames.indices.last, frames[top].kind == .literal {
            frames[top].extras().literal.start(tag)
            return
        }
        guard let attributes = classify(tag) else { return }
        let scope = scope(of: attributes, inside: frames.last?.scope ?? XMLScope(base: documentBase))
        guard let parent = frames.indices.last else {
            if tag.name.namespaceURI == Self.rdf, tag.name.localName == "RDF" {
                if let attribute = attributes.firstSyntaxAttribute {
                    fail(at: attribute.position, "'rdf:\(attribute.name)' is not allowed on rdf:RDF")
                    return
                }
                frames.append(RDFXMLFrame(.root, scope: scope, subject: nil, position: tag.position))
            } else {
                _ = nodeElement(tag, attributes, scope)
            }
            return
        }
        switch frames[parent].kind {
        case .root:
            _ = nodeElement(tag, attributes, scope)
        case .node:
            propertyElement(tag, attributes, scope, parent: parent)
        case .property:
            objectElement(tag, attributes, scope, parent: parent)
        case .collection:
            if let member = nodeElement(tag, attributes, scope) { frames[parent].extras().members.append(member) }
        case .literal:
            break
        }
    }

    func endElement(_ name: XMLName, at position: SourcePosition) {
        guard failure == nil, let top = frames.indices.last else { return }
        if frames[top].kind == .literal, let extra = frames[top].extra, extra.literal.depth > 0 {
            extra.literal.end(name)
            return
        }
        let frame = frames.removeLast()
        switch frame.kind {
        case .root, .node: break
        case .literal:
            let text = frame.extra?.literal.text ?? ""
            finish(frame, object: .literal(RDFLiteral(text, datatype: RDFVocabulary.xmlLiteral)))
        case .collection: endCollection(frame)
        case .property: endProperty(frame)
        }
    }

    func text(_ text: String, at position: SourcePosition) {
        guard failure == nil, let top = frames.indices.last else { return }
        switch frames[top].kind {
        case .literal:
            frames[top].extras().literal.characters(text)
        case .property:
            if frames[top].object != nil {
                if !Self.isWhitespace(text) { fail(at: position, "text after the node element of a property element") }
            } else if frames[top].text.isEmpty {
                frames[top].text = text
            } else {
                frames[top].text += text
            }
        case .root, .node, .collection:
            if !Self.isWhitespace(text) { fail(at: position, "text where only elements may stand") }
        }
    }

    func comment(_ text: String, at position: SourcePosition) {
        guard failure == nil, let top = frames.indices.last, frames[top].kind == .literal else { return }
        frames[top].extras().literal.comment(text)
    }

    // MARK: - Node elements

    /// Starts a node element: works out its subject, states its type and property
    /// attributes, and opens it for property elements.
    private func nodeElement(_ tag: XMLStartTag, _ attributes: ClassifiedAttributes, _ scope: XMLScope) -> RDFNode? {
        guard let elementIRI = elementIRI(tag) else { return nil }
        if tag.name.namespaceURI == Self.rdf, !Self.isNodeElementName(tag.name.localName) {
            fail(at: tag.position, "rdf:\(tag.name.localName) cannot be a node element")
            return nil
        }
        if let forbidden = attributes.resource ?? attributes.parseType ?? attributes.datatype {
            let name = attributes.resource != nil ? "resource" : attributes.parseType != nil ? "parseType" : "datatype"
            fail(at: forbidden.position, "rdf:\(name) is not allowed on a node element")
            return nil
        }
        let naming = [attributes.about, attributes.id, attributes.nodeID].compactMap { $0 }
        if naming.count > 1, let second = naming.map(\.position).sorted().last {
            fail(at: second, "a node element has at most one of rdf:about, rdf:ID and rdf:nodeID")
            return nil
        }
        var subject: RDFNode?
        if let about = attributes.about {
            guard let iri = resolve(about.value, scope, at: about.position) else { return nil }
            subject = .iri(iri)
        } else if let id = attributes.id {
            guard let iri = identifier(id, scope) else { return nil }
            subject = .iri(iri)
        } else if let nodeID = attributes.nodeID {
            guard let label = self.nodeID(nodeID) else { return nil }
            subject = .blank(label)
        }
        let node = subject ?? newBlank()
        if tag.name.namespaceURI != Self.rdf || tag.name.localName != "Description" {
            emit(RDFStatement(subject: node, predicate: RDFVocabulary.type, object: .iri(elementIRI)))
        }
        for attribute in attributes.properties {
            guard let object = propertyAttributeObject(attribute.predicate, attribute.value, scope, at: attribute.position)
            else { return nil }
            emit(RDFStatement(subject: node, predicate: attribute.predicate, object: object))
        }
        frames.append(RDFXMLFrame(.node, scope: scope, subject: node, position: tag.position))
        return node
    }

    /// A node element as the object of a property element.
    private func objectElement(_ tag: XMLStartTag, _ attributes: ClassifiedAttributes, _ scope: XMLScope, parent: Int) {
        if frames[parent].object != nil {
            fail(at: tag.position, "a property element holds at most one node element")
            return
        }
        if !Self.isWhitespace(frames[parent].text) {
            fail(at: tag.position, "a property element holds either text or a node element, not both")
            return
        }
        if let empty = frames[parent].emptyObject {
            fail(at: empty.position, "rdf:resource, rdf:nodeID and property attributes need an empty property element")
            return
        }
        if frames[parent].datatype != nil {
            fail(at: frames[parent].position, "rdf:datatype needs a property element with text")
            return
        }
        guard let subject = frames[parent].subject else { return }
        let (predicate, reification) = (frames[parent].predicate, frames[parent].reification)
        guard let object = nodeElement(tag, attributes, scope) else { return }
        frames[parent].object = object
        statement(subject, predicate, object, reifiedAs: reification)
    }

    // MARK: - Property elements

    private func propertyElement(_ tag: XMLStartTag, _ attributes: ClassifiedAttributes, _ scope: XMLScope, parent: Int) {
        guard var predicate = elementIRI(tag), let subject = frames[parent].subject else { return }
        if tag.name.namespaceURI == Self.rdf {
            guard Self.isPropertyElementName(tag.name.localName) else {
                fail(at: tag.position, "rdf:\(tag.name.localName) cannot be a property element")
                return
            }
            if tag.name.localName == "li" {
                frames[parent].listCount += 1
                predicate = Self.rdf + "_" + String(frames[parent].listCount)
            }
        }
        var frame = RDFXMLFrame(.property, scope: scope, subject: subject, position: tag.position)
        frame.predicate = predicate
        if let forbidden = attributes.about {
            fail(at: forbidden.position, "rdf:about is not allowed on a property element")
            return
        }
        if let id = attributes.id {
            guard let iri = identifier(id, scope) else { return }
            frame.extras().reification = iri
        }
        if let datatype = attributes.datatype {
            guard let iri = resolve(datatype.value, scope, at: datatype.position) else { return }
            frame.extras().datatype = iri
        }
        var empty = EmptyObject(position: tag.position)
        var hasEmptyAttributes = false
        if let resource = attributes.resource {
            guard let iri = resolve(resource.value, scope, at: resource.position) else { return }
            empty.resource = iri
            hasEmptyAttributes = true
        }
        if let nodeID = attributes.nodeID {
            guard let label = self.nodeID(nodeID) else { return }
            empty.nodeID = label
            hasEmptyAttributes = true
        }
        if let first = attributes.properties.first {
            empty.properties = attributes.properties.map { ($0.predicate, $0.value) }
            hasEmptyAttributes = true
            empty.position = empty.resource == nil && empty.nodeID == nil ? first.position : empty.position
        }
        if empty.resource != nil, empty.nodeID != nil {
            fail(at: tag.position, "a property element has rdf:resource or rdf:nodeID, not both")
            return
        }
        if let parseType = attributes.parseType {
            guard !hasEmptyAttributes, frame.datatype == nil else {
                fail(
                    at: parseType.position,
                    "rdf:parseType allows no rdf:resource, rdf:nodeID, rdf:datatype or property attributes")
                return
            }
            startParseType(parseType.value, frame)
            return
        }
        if hasEmptyAttributes {
            if frame.datatype != nil {
                fail(at: tag.position, "rdf:datatype cannot go with rdf:resource, rdf:nodeID or property attributes")
                return
            }
            frame.extras().emptyObject = empty
        }
        frames.append(frame)
    }

    private func startParseType(_ value: String, _ property: RDFXMLFrame) {
        var frame = property
        switch value {
        case "Resource":
            guard let subject = property.subject else { return }
            let node = newBlank()
            statement(subject, property.predicate, node, reifiedAs: property.reification)
            frame.kind = .node
            frame.subject = node
        case "Collection":
            frame.kind = .collection
        default:
            frame.kind = .literal
        }
        frames.append(frame)
    }

    private func endProperty(_ frame: RDFXMLFrame) {
        if frame.object != nil { return }
        if let empty = frame.emptyObject {
            guard Self.isWhitespace(frame.text) else {
                fail(at: frame.position, "rdf:resource, rdf:nodeID and property attributes need an empty property element")
                return
            }
            let object: RDFNode
            if let resource = empty.resource {
                object = .iri(resource)
            } else if let nodeID = empty.nodeID {
                object = .blank(nodeID)
            } else {
                object = newBlank()
            }
            for (predicate, value) in empty.properties {
                guard let value = propertyAttributeObject(predicate, value, frame.scope, at: empty.position) else { return }
                emit(RDFStatement(subject: object, predicate: predicate, object: value))
            }
            finish(frame, object: object)
            return
        }
        let language = frame.datatype == nil ? frame.scope.language : nil
        finish(frame, object: .literal(RDFLiteral(frame.text, language: language, datatype: frame.datatype)))
    }

    private func endCollection(_ frame: RDFXMLFrame) {
        let members = frame.extra?.members ?? []
        guard !members.isEmpty else {
            finish(frame, object: .iri(RDFVocabulary.nil))
            return
        }
        let cells = members.map { _ in newBlank() }
        for (index, cell) in cells.enumerated() {
            emit(RDFStatement(subject: cell, predicate: RDFVocabulary.first, object: members[index]))
            let rest = index + 1 < cells.count ? cells[index + 1] : .iri(RDFVocabulary.nil)
            emit(RDFStatement(subject: cell, predicate: RDFVocabulary.rest, object: rest))
        }
        finish(frame, object: cells[0])
    }

    /// States the property's statement with `object`, reified when the property had `rdf:ID`.
    private func finish(_ frame: RDFXMLFrame, object: RDFNode) {
        guard let subject = frame.subject else { return }
        statement(subject, frame.predicate, object, reifiedAs: frame.reification)
    }

    private func statement(_ subject: RDFNode, _ predicate: String, _ object: RDFNode, reifiedAs reification: String?) {
        emit(RDFStatement(subject: subject, predicate: predicate, object: object))
        guard let reification else { return }
        let node = RDFNode.iri(reification)
        emit(RDFStatement(subject: node, predicate: RDFVocabulary.type, object: .iri(RDFVocabulary.statement)))
        emit(RDFStatement(subject: node, predicate: RDFVocabulary.subject, object: subject))
        emit(RDFStatement(subject: node, predicate: RDFVocabulary.predicate, object: .iri(predicate)))
        emit(RDFStatement(subject: node, predicate: RDFVocabulary.object, object: object))
    }

    // MARK: - Names, IRIs and identifiers

    /// The IRI an element's name stands for; an element in no namespace is an error.
    private func elementIRI(_ tag: XMLStartTag) -> String? {
        guard let namespace = tag.name.namespaceURI, !namespace.isEmpty else {
            fail(at: tag.position, "the element '\(tag.name.qualifiedName)' is in no namespace")
            return nil
        }
        return iri(namespace, tag.name.localName)
    }

    /// `namespace + local`, made once per distinct name.
    func iri(_ namespace: String, _ local: String) -> String {
        if namespace != lastNamespace {
            names[lastNamespace] = lastNames
            lastNamespace = namespace
            lastNames = names[namespace] ?? [:]
        }
        if let known = lastNames[local] { return known }
        let made = namespace + local
        lastNames[local] = made
        return made
    }

    func resolve(_ reference: String, _ scope: XMLScope, at position: SourcePosition) -> String? {
        if IRIReference.hasScheme(reference) { return reference }
        guard let base = scope.base else {
            fail(at: position, "relative IRI '\(reference)' and no base IRI to resolve it against")
            return nil
        }
        return IRIReference.resolve(reference, against: base)
    }

    /// The IRI `rdf:ID` names: the base plus `#id`, once per document and base.
    private func identifier(_ attribute: ClassifiedAttributes.Value, _ scope: XMLScope) -> String? {
        guard NCName.isValid(attribute.value) else {
            fail(at: attribute.position, "rdf:ID '\(attribute.value)' is not an XML name")
            return nil
        }
        guard let iri = resolve("#" + attribute.value, scope, at: attribute.position) else { return nil }
        guard usedIDs.insert(iri).inserted else {
            fail(at: attribute.position, "rdf:ID '\(attribute.value)' is used twice with the same base")
            return nil
        }
        return iri
    }

    private func nodeID(_ attribute: ClassifiedAttributes.Value) -> String? {
        guard NCName.isValid(attribute.value) else {
            fail(at: attribute.position, "rdf:nodeID '\(attribute.value)' is not an XML name")
            return nil
        }
        return attribute.value
    }

    /// A fresh blank node; its label starts with a digit, which no `rdf:nodeID` can, so the
    /// two never meet.
    private func newBlank() -> RDFNode {
        blankCount += 1
        return .blank(String(blankCount))
    }

    private func propertyAttributeObject(
        _ predicate: String, _ value: String, _ scope: XMLScope, at position: SourcePosition
    ) -> RDFNode? {
        if predicate == RDFVocabulary.type { return resolve(value, scope, at: position).map(RDFNode.iri) }
        return .literal(RDFLiteral(value, language: scope.language))
    }

    func fail(at position: SourcePosition, _ message: String) {
        if failure == nil { failure = .syntax(path: path, position: position, message: message) }
    }

    static func isWhitespace(_ text: String) -> Bool { text.utf8.allSatisfy(isXMLSpace) }

    /// `rdf:` names a node element may have: not the syntax terms, `rdf:li` or the old terms.
    static func isNodeElementName(_ local: String) -> Bool {
        !coreSyntaxTerms.contains(local) && !oldTerms.contains(local) && local != "li"
    }

    /// `rdf:` names a property element may have: not the syntax terms, `rdf:Description` or the old terms.
    static func isPropertyElementName(_ local: String) -> Bool {
        !coreSyntaxTerms.contains(local) && !oldTerms.contains(local) && local != "Description"
    }

    static let coreSyntaxTerms: Set<String> = ["RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype"]
    static let oldTerms: Set<String> = ["aboutEach", "aboutEachPrefix", "bagID"]
}
