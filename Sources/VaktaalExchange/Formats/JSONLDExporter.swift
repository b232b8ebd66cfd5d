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
        let statements = description.statements
        // Groups of equal predicates (statements come grouped), written in key order.
        var groups: [(key: String, range: Range<Int>)] = []
        var types: [String] = []
        var index = 0
        while index < statements.count {
            let predicate = statements[index].predicate
            var end = index + 1
            while end < statements.count, statements[end].predicate == predicate { end += 1 }
            if predicate == RDFNamespace.rdf + "type" {
                for case .iri(let type) in statements[index..<end].map(\.object) { types.append(RDFNamespace.compact(type) ?? type) }
            } else {
                groups.append((RDFNamespace.compact(predicate) ?? predicate, index..<end))
            }
            index = end
        }
        output += "    {\n      \"@id\": "
        JSONText.write(description.subject, into: &output)
        if !types.isEmpty {
            output += ",\n      \"@type\": ["
            for (position, type) in types.enumerated() {
                if position > 0 { output += ", " }
                JSONText.write(type, into: &output)
            }
            output += "]"
        }
        for group in groups.sorted(by: { $0.key < $1.key }) {
            output += ",\n      "
            JSONText.write(group.key, into: &output)
            output += ": ["
            for position in group.range {
                if position > group.range.lowerBound { output += ", " }
                Self.write(statements[position].object, into: &output)
            }
            output += "]"
        }
        output += "\n    }"
    }

    private static func write(_ term: RDFTerm, into output: inout ByteBuffer) {
        switch term {
        case .iri(let iri):
            output += "{\"@id\": "
            JSONText.write(iri, into: &output)
            output += "}"
        case .literal(let value, let language, let datatype):
            output += "{"
            if let language {
                output += "\"@language\": "
                JSONText.write(language, into: &output)
                output += ", "
            }
            if let datatype {
                output += "\"@type\": "
                JSONText.write(RDFNamespace.compact(datatype) ?? datatype, into: &output)
                output += ", "
            }
            output += "\"@value\": "
            JSONText.write(value, into: &output)
            output += "}"
        }
    }
}

/// JSON string literals, escaped as RFC 8259 asks. The same text is a valid YAML 1.2
/// double-quoted scalar and a valid Turtle string literal, so those formats use it too.
enum JSONText {
    static func quoted(_ text: String) -> String {
        var buffer = ByteBuffer(capacity: text.utf8.count + 2)
        write(text, into: &buffer)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// Appends `text` as a quoted JSON string.
    static func write(_ text: String, into output: inout ByteBuffer) {
        output.append(UInt8(ascii: "\""))
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            output.append(text)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case 0x00..<0x20: output += "\\u" + String(byte, radix: 16).leftPadded(to: 4)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
