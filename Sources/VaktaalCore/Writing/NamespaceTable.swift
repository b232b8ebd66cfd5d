import VaktaalXML

/// The namespace prefixes that extension content of one scheme needs: declared once on
/// the root element, sorted by prefix, unless two URIs share a prefix (then the later ones
/// are declared where they are used).
struct NamespaceTable: Sendable {
    private(set) var declarations: [(prefix: String, uri: String)] = []
    private var uriByPrefix: [String: String] = [:]

    init(_ vocabulary: Vocabulary) {
        var pairs = PrefixPairs()
        pairs.collect(vocabulary.extensionAttributes)
        for element in vocabulary.extensions { pairs.collect(element) }
        for entry in vocabulary.metadata { pairs.collect(entry.extensionAttributes) }
        // The concepts are visited on all cores, a range each (each concept and label is an
        // object of its own, so the walk waits on memory); the pairs are taken in order.
        let concepts = vocabulary.concepts
        let chunkCount = concepts.count < 8_192 ? 1 : 4 * Parallel.coreCount
        let chunks = Parallel.mapEach(chunkCount) { chunk in
            var found = PrefixPairs()
            for index in concepts.count * chunk / chunkCount..<concepts.count * (chunk + 1) / chunkCount {
                found.collect(concepts[index])
            }
            return found.pairs
        }
        for (prefix, uri) in pairs.pairs + chunks.joined() where uriByPrefix[prefix] == nil {
            uriByPrefix[prefix] = uri
        }
        declarations = uriByPrefix.map { ($0.key, $0.value) }.sorted { $0.prefix < $1.prefix }
    }

    /// Extension attributes as name/value pairs, with a local declaration where needed.
    func attributes(_ attributes: [ExtensionAttribute]) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        for attribute in attributes {
            guard let prefix = attribute.prefix else {
                result.append((attribute.localName, attribute.value))
                continue
            }
            if attribute.namespaceURI != xmlNamespaceURI, uriByPrefix[prefix] != attribute.namespaceURI {
                result.append(("xmlns:\(prefix)", attribute.namespaceURI))
            }
            result.append(("\(prefix):\(attribute.localName)", attribute.value))
        }
        return result
    }

    /// Writes an extension element with everything inside it. Element-only content is
    /// indented; text and mixed content are written as they were.
    func write(_ element: ExtensionElement, into writer: inout XMLWriter, defaultNamespace: String) {
        let (name, attributes, innerDefault) = startTag(element, defaultNamespace: defaultNamespace)
        let elements = element.children.filter { if case .element = $0 { true } else { false } }
        let hasText = element.children.contains { node in
            if case .text(let text) = node { return text.contains { !$0.isWhitespace } }
            return false
        }
        if hasText || elements.isEmpty {
            let text = hasText ? inline(element.children, defaultNamespace: innerDefault) : ""
            let open = "<\(name)" + attributes.map { " \($0.name)=\"\(XMLWriter.escapeAttribute($0.value))\"" }.joined()
            writer.rawLine(text.isEmpty ? open + "/>" : open + ">" + text + "</\(name)>")
            return
        }
        writer.startElement(name, attributes: attributes)
        for case .element(let child) in elements {
            write(child, into: &writer, defaultNamespace: innerDefault)
        }
        writer.endElement(name)
    }

    private func startTag(
        _ element: ExtensionElement, defaultNamespace: String
    ) -> (name: String, attributes: [(name: String, value: String)], innerDefault: String) {
        var attributes: [(name: String, value: String)] = []
        var innerDefault = defaultNamespace
        let name: String
        if let prefix = element.prefix {
            name = "\(prefix):\(element.localName)"
            if uriByPrefix[prefix] != element.namespaceURI { attributes.append(("xmlns:\(prefix)", element.namespaceURI)) }
        } else {
            name = element.localName
            if element.namespaceURI != defaultNamespace {
                attributes.append(("xmlns", element.namespaceURI))
                innerDefault = element.namespaceURI
            }
        }
        return (name, attributes + self.attributes(element.attributes), innerDefault)
    }

    private func inline(_ nodes: [ExtensionNode], defaultNamespace: String) -> String {
        var result = ""
        for node in nodes {
            switch node {
            case .text(let text):
                result += XMLWriter.escapeText(text)
            case .element(let element):
                let (name, attributes, innerDefault) = startTag(element, defaultNamespace: defaultNamespace)
                let open = "<\(name)" + attributes.map { " \($0.name)=\"\(XMLWriter.escapeAttribute($0.value))\"" }.joined()
                let inner = inline(element.children, defaultNamespace: innerDefault)
                result += inner.isEmpty ? open + "/>" : open + ">" + inner + "</\(name)>"
            }
        }
        return result
    }
}

/// The prefixes extension content uses, with their namespace URIs, in document order.
private struct PrefixPairs {
    var pairs: [(prefix: String, uri: String)] = []

    mutating func collect(_ attributes: [ExtensionAttribute]) {
        for attribute in attributes where attribute.namespaceURI != xmlNamespaceURI {
            if let prefix = attribute.prefix { pairs.append((prefix, attribute.namespaceURI)) }
        }
    }

    mutating func collect(_ element: ExtensionElement) {
        if let prefix = element.prefix { pairs.append((prefix, element.namespaceURI)) }
        collect(element.attributes)
        for case .element(let child) in element.children { collect(child) }
    }

    mutating func collect(_ concept: Concept) {
        collect(concept.extensionAttributes)
        for element in concept.extensions { collect(element) }
        for label in concept.labels { collect(label.extensionAttributes) }
        for note in concept.notes { collect(note.extensionAttributes) }
        for relation in concept.relations { collect(relation.extensionAttributes) }
        for mapping in concept.mappings { collect(mapping.extensionAttributes) }
    }
}
