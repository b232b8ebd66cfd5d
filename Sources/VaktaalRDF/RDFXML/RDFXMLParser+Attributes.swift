import VaktaalText
import VaktaalXML

/// The attributes of one start tag, sorted by what the grammar does with them.
struct ClassifiedAttributes {
    typealias Value = (value: String, position: SourcePosition)

    /// The `rdf:` syntax attributes, each at most once.
    var about: Value?
    var id: Value?
    var nodeID: Value?
    var resource: Value?
    var parseType: Value?
    var datatype: Value?
    /// Property attributes, with their predicate IRIs.
    var properties: [(predicate: String, value: String, position: SourcePosition)] = []
    /// `xml:lang`, when written (empty means "no language").
    var language: String?
    /// `xml:base`, when written.
    var base: String?

    /// The first `rdf:` syntax attribute, for rdf:RDF (which may have none).
    var firstSyntaxAttribute: (name: String, position: SourcePosition)? {
        let all: [(String, Value?)] = [
            ("about", about), ("ID", id), ("nodeID", nodeID), ("resource", resource), ("parseType", parseType),
            ("datatype", datatype),
        ]
        return all.compactMap { name, value in value.map { (name, $0.position) } }.min { $0.1 < $1.1 }
    }
}

extension RDFXMLReader {
    /// Attributes that older RDF/XML allowed without a namespace, read as `rdf:` names.
    static let unqualifiedRDFAttributes: Set<String> = ["ID", "about", "resource", "parseType", "type"]

    /// Sorts the attributes of `tag`; `nil` (with the failure set) when one is not allowed anywhere.
    func classify(_ tag: XMLStartTag) -> ClassifiedAttributes? {
        var result = ClassifiedAttributes()
        for attribute in tag.attributes {
            var namespace = attribute.name.namespaceURI ?? ""
            let local = attribute.name.localName
            if namespace == xmlNamespaceURI {
                if local == "lang" { result.language = attribute.value }
                if local == "base" { result.base = attribute.value }
                continue
            }
            if Self.isReservedXMLName(attribute.name) { continue }
            if namespace.isEmpty {
                guard Self.unqualifiedRDFAttributes.contains(local) else {
                    fail(at: attribute.position, "the attribute '\(local)' is in no namespace")
                    return nil
                }
                namespace = Self.rdf
            }
            if namespace == Self.rdf {
                let value = (attribute.value, attribute.position)
                switch local {
                case "about":
                    result.about = value
                    continue
                case "ID":
                    result.id = value
                    continue
                case "nodeID":
                    result.nodeID = value
                    continue
                case "resource":
                    result.resource = value
                    continue
                case "parseType":
                    result.parseType = value
                    continue
                case "datatype":
                    result.datatype = value
                    continue
                default: break
                }
                if local == "li" || local == "Description" || local == "RDF" || Self.oldTerms.contains(local) {
                    fail(at: attribute.position, "rdf:\(local) is not allowed as an attribute")
                    return nil
                }
            }
            result.properties.append((iri(namespace, local), attribute.value, attribute.position))
        }
        return result
    }

    /// The scope inside an element: its `xml:lang` and `xml:base` over its parent's.
    func scope(of attributes: ClassifiedAttributes, inside parent: XMLScope) -> XMLScope {
        var scope = parent
        if let language = attributes.language { scope.language = language.isEmpty ? nil : language }
        if let base = attributes.base {
            if IRIReference.hasScheme(base) {
                scope.base = base
            } else if let parentBase = parent.base {
                scope.base = IRIReference.resolve(base, against: parentBase)
            }
        }
        return scope
    }

    /// Names starting with `xml` (in any case) are reserved by XML; RDF/XML ignores them.
    static func isReservedXMLName(_ name: XMLName) -> Bool {
        let first = name.prefix ?? name.localName
        return first.utf8.count >= 3 && first.utf8.prefix(3).map { $0 | 0x20 } == Array("xml".utf8)
    }
}
