import VaktaalCore

/// The SKOS graph as JSON-LD: a `@context` declaring the prefixes, and a `@graph` of node
/// objects whose values are always arrays of `@id` or `@value` objects, so any JSON-LD
/// processor reads the same triples as from the RDF/XML and Turtle exports. Written as a
/// stream, one node at a time, with keys in sorted order.
struct JSONLDExporter: Exporter {
    let format = ExportFormat.jsonld

    func export(_ input: ExportInput, to sink: any ExportSink) {
        var output = ByteBuffer(file: "\(input.baseName).jsonld", on: sink)
        output += "{\n  \"@context\": {\n"
        let prefixes = RDFNamespace.prefixes.sorted { $0.prefix < $1.prefix }
        output += prefixes.map { "    \(JSONText.quoted($0.prefix)): \(JSONText.quoted($0.namespace))" }.joined(separator: ",\n")
        output += "\n  },\n  \"@graph\": ["
        var first = true
        var groups: [Range<Int>] = []
        let keys = PredicateTable { ",\n      \"\($0.prefixedName)\": [" }
        SKOSGraph.forEachDescription(input) { description in
            output += first ? "\n" : ",\n"
            first = false
            Self.writeNode(description, keys: keys, groups: &groups, into: &output)
            output.flushIfFull()
        }
        output += "\n  ]\n}\n"
        output.finish()
    }

    /// Each predicate's place among the keys of a node: JSON-LD keys are written sorted by
    /// prefixed name.
    private static let keyOrder: [Int] = {
        let sorted = RDFPredicate.allCases.sorted { $0.prefixedName < $1.prefixedName }
        var order = Array(repeating: 0, count: sorted.count)
        for (rank, predicate) in sorted.enumerated() { order[predicate.rawValue] = rank }
        return order
    }()

    /// Writes one node object; `groups` is scratch space for the runs of equal predicates.
    private static func writeNode(
        _ description: SubjectDescription, keys: PredicateTable, groups: inout [Range<Int>], into output: inout ByteBuffer
    ) {
        let statements = description.statements
        groups.removeAll(keepingCapacity: true)
        var index = 0
        while index < statements.count {
            let predicate = statements[index].predicate
            var end = index + 1
            while end < statements.count, statements[end].predicate == predicate { end += 1 }
            groups.append(index..<end)
            index = end
        }
        groups.sort {
            keyOrder[statements[$0.lowerBound].predicate.rawValue] < keyOrder[statements[$1.lowerBound].predicate.rawValue]
        }
        output += "    {\n      \"@id\": "
        JSONText.write(description.subject, into: &output)
        for group in groups where statements[group.lowerBound].predicate == .type {
            output += ",\n      \"@type\": ["
            for position in group {
                if position > group.lowerBound { output += ", " }
                if case .iri(let type) = statements[position].object {
                    JSONText.write(RDFNamespace.compact(type) ?? type, into: &output)
                }
            }
            output += "]"
        }
        for group in groups where statements[group.lowerBound].predicate != .type {
            keys.write(statements[group.lowerBound].predicate, into: &output)
            for position in group {
                if position > group.lowerBound { output += ", " }
                write(statements[position].object, into: &output)
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
