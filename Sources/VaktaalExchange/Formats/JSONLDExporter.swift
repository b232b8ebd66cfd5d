import VaktaalCore

/// The SKOS graph as JSON-LD: a `@context` declaring the prefixes, and a `@graph` of node
/// objects whose values are always arrays of `@id` or `@value` objects, so any JSON-LD
/// processor reads the same triples as from the RDF/XML and Turtle exports. Written as a
/// stream, one node at a time, with keys in sorted order.
struct JSONLDExporter: Exporter {
    let format = ExportFormat.jsonld

    func export(_ set: VocabularySet, baseName: String) -> [ExportFile] {
        var output = ByteBuffer()
        output += "{\n  \"@context\": {\n"
        let prefixes = RDFNamespace.prefixes.sorted { $0.prefix < $1.prefix }
        output += prefixes.map { "    \(JSONText.quoted($0.prefix)): \(JSONText.quoted($0.namespace))" }.joined(separator: ",\n")
        output += "\n  },\n  \"@graph\": ["
        var first = true
        SKOSGraph.forEachDescription(set) { description in
            output += first ? "\n" : ",\n"
            first = false
            writeNode(description, into: &output)
        }
        output += "\n  ]\n}\n"
        return [ExportFile(path: "\(baseName).jsonld", contents: output.bytes)]
    }

    private func writeNode(_ description: SubjectDescription, into output: inout ByteBuffer) {
        var types: [String] = []
        var properties: [(key: String, values: [String])] = []
        for (predicate, object) in description.statements {
            if predicate == RDFNamespace.rdf + "type", case .iri(let type) = object {
                types.append(JSONText.quoted(RDFNamespace.compact(type) ?? type))
                continue
            }
            let key = RDFNamespace.compact(predicate) ?? predicate
            if properties.last?.key == key {
                properties[properties.count - 1].values.append(Self.value(object))
            } else {
                properties.append((key, [Self.value(object)]))
            }
        }
        var members = ["\"@id\": \(JSONText.quoted(description.subject))"]
        if !types.isEmpty { members.append("\"@type\": [\(types.joined(separator: ", "))]") }
        for (key, values) in properties.sorted(by: { $0.key < $1.key }) {
            members.append("\(JSONText.quoted(key)): [\(values.joined(separator: ", "))]")
        }
        output += "    {\n      " + members.joined(separator: ",\n      ") + "\n    }"
    }

    private static func value(_ term: RDFTerm) -> String {
        switch term {
        case .iri(let iri): return "{\"@id\": \(JSONText.quoted(iri))}"
        case .literal(let value, let language, let datatype):
            var members: [String] = []
            if let language { members.append("\"@language\": \(JSONText.quoted(language))") }
            if let datatype { members.append("\"@type\": \(JSONText.quoted(RDFNamespace.compact(datatype) ?? datatype))") }
            members.append("\"@value\": \(JSONText.quoted(value))")
            return "{" + members.joined(separator: ", ") + "}"
        }
    }
}

/// JSON string literals, escaped as RFC 8259 asks. The same text is a valid YAML 1.2
/// double-quoted scalar and a valid Turtle string literal, so those formats use it too.
enum JSONText {
    static func quoted(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return "\"\(text)\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
