import VaktaalCore

/// The SKOS graph in Turtle, grouped by subject with prefixes.
struct TurtleExporter: Exporter {
    let format = ExportFormat.turtle

    func export(_ set: VocabularySet, baseName: String) -> [ExportFile] {
        var output = ByteBuffer()
        for (prefix, namespace) in RDFNamespace.prefixes { output += "@prefix \(prefix): <\(namespace)> .\n" }
        SKOSGraph.forEachDescription(set) { description in
            output += "\n\(Self.iri(description.subject))"
            var previous = ""
            for (index, (predicate, object)) in description.statements.enumerated() {
                if predicate == previous {
                    output += ",\n        \(Self.term(object))"
                } else {
                    output += index == 0 ? "\n    " : " ;\n    "
                    output += "\(Self.iri(predicate)) \(Self.term(object))"
                    previous = predicate
                }
            }
            output += " .\n"
        }
        return [ExportFile(path: "\(baseName).ttl", contents: output.bytes)]
    }

    static func term(_ term: RDFTerm) -> String {
        switch term {
        case .iri(let value): return iri(value)
        case .literal(let value, let language, let datatype):
            var result = JSONText.quoted(value)
            if let language { result += "@\(language)" } else if let datatype { result += "^^\(iri(datatype))" }
            return result
        }
    }

    private static let forbiddenInIRI = ByteSet("<>\"{}|^`\\")

    /// A prefixed name where one fits, else `<…>` with the characters Turtle forbids in IRIs
    /// written as `\u` escapes.
    static func iri(_ value: String) -> String {
        if let compact = RDFNamespace.compact(value) { return compact }
        if !value.utf8.contains(where: { $0 <= 0x20 || forbiddenInIRI.contains($0) }) { return "<\(value)>" }
        var result = "<"
        for scalar in value.unicodeScalars {
            if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
                result += "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result + ">"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
