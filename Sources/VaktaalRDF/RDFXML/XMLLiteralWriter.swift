import VaktaalXML

/// Writes the content of an `rdf:parseType="Literal"` property element as Exclusive XML
/// Canonicalization (with comments) makes it: every element declares the namespaces it
/// visibly uses and no output ancestor declared, namespace declarations and attributes
/// sorted, empty elements written with an end tag, and the canonical escapes.
struct XMLLiteralWriter {
    private(set) var text = ""
    /// The namespaces declared in the output, innermost last: prefix ("" for the default) to URI.
    private var declared: [[String: String]] = []

    /// How deep inside the literal the writer is (0: directly in the property element).
    var depth: Int { declared.count }

    mutating func start(_ tag: XMLStartTag) {
        var used: [(prefix: String, uri: String)] = [(tag.name.prefix ?? "", tag.name.namespaceURI ?? "")]
        for attribute in tag.attributes {
            guard let prefix = attribute.name.prefix, prefix != "xml", let uri = attribute.name.namespaceURI else { continue }
            used.append((prefix, uri))
        }
        var scope = declared.last ?? [:]
        var declarations: [(prefix: String, uri: String)] = []
        for (prefix, uri) in used where scope[prefix] != uri {
            // An unprefixed element in no namespace needs `xmlns=""` only under a default namespace.
            if prefix.isEmpty, uri.isEmpty, scope[""] == nil { continue }
            scope[prefix] = uri
            declarations.append((prefix, uri))
        }
        declared.append(scope)
        text += "<" + tag.name.qualifiedName
        for declaration in declarations.sorted(by: { $0.prefix < $1.prefix }) {
            text += declaration.prefix.isEmpty ? " xmlns=\"" : " xmlns:\(declaration.prefix)=\""
            appendEscaped(declaration.uri, attribute: true)
            text += "\""
        }
        let attributes = tag.attributes.sorted {
            ($0.name.namespaceURI ?? "", $0.name.localName) < ($1.name.namespaceURI ?? "", $1.name.localName)
        }
        for attribute in attributes {
            text += " " + attribute.name.qualifiedName + "=\""
            appendEscaped(attribute.value, attribute: true)
            text += "\""
        }
        text += ">"
    }

    mutating func end(_ name: XMLName) {
        declared.removeLast()
        text += "</" + name.qualifiedName + ">"
    }

    mutating func characters(_ value: String) { appendEscaped(value, attribute: false) }

    mutating func comment(_ value: String) { text += "<!--" + value + "-->" }

    private mutating func appendEscaped(_ value: String, attribute: Bool) {
        for character in value.unicodeScalars {
            switch character {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">" where !attribute: text += "&gt;"
            case "\"" where attribute: text += "&quot;"
            case "\t" where attribute: text += "&#x9;"
            case "\n" where attribute: text += "&#xA;"
            case "\r": text += "&#xD;"
            default: text.unicodeScalars.append(character)
            }
        }
    }
}
