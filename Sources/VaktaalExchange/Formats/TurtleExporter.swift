import VaktaalCore
import VaktaalText

/// The SKOS graph in Turtle, grouped by subject with prefixes, written straight into bytes.
struct TurtleExporter: Exporter {
    let format = ExportFormat.turtle

    func export(_ input: ExportInput, to sink: any ExportSink) {
        var output = ByteBuffer(file: "\(input.baseName).ttl", on: sink)
        for (prefix, namespace) in RDFNamespace.prefixes { output += "@prefix \(prefix): <\(namespace)> .\n" }
        let names = PredicateTable { "\($0.prefixedName) " }
        SKOSGraph.forEachDescription(input) { description in
            output += "\n"
            Self.writeIRI(description.subject, into: &output)
            var previous: RDFPredicate?
            for (predicate, object) in description.statements {
                if predicate == previous {
                    output += ",\n        "
                } else {
                    output += previous == nil ? "\n    " : " ;\n    "
                    names.write(predicate, into: &output)
                    previous = predicate
                }
                Self.write(object, into: &output)
            }
            output += " .\n"
            output.flushIfFull()
        }
        output.finish()
    }

    /// A term as Turtle text.
    static func term(_ term: RDFTerm) -> String {
        var output = ByteBuffer(capacity: 64)
        write(term, into: &output)
        return output.text
    }

    /// An IRI as Turtle text.
    static func iri(_ value: String) -> String {
        var output = ByteBuffer(capacity: value.utf8.count + 2)
        writeIRI(value, into: &output)
        return output.text
    }

    private static func write(_ term: RDFTerm, into output: inout ByteBuffer) {
        switch term {
        case .iri(let value): writeIRI(value, into: &output)
        case .literal(let value, let language, let datatype):
            JSONText.write(value, into: &output)
            if let language {
                output.append(UInt8(ascii: "@"))
                output += language
            } else if let datatype {
                output += "^^"
                writeIRI(datatype, into: &output)
            }
        }
    }

    /// What Turtle forbids in IRIs: controls, space and `<>"{}|^`\`.
    private static let forbiddenInIRI = ByteSet("<>\"{}|^`\\", through: 0x20)

    /// A prefixed name where one fits, else `<…>` with the characters Turtle forbids in IRIs
    /// written as `\u` escapes.
    private static func writeIRI(_ value: String, into output: inout ByteBuffer) {
        if let compact = RDFNamespace.compact(value) {
            output += compact
            return
        }
        output.append(UInt8(ascii: "<"))
        let forbidden = forbiddenInIRI
        if !forbidden.occurs(in: value) {
            output += value
        } else {
            for byte in value.utf8 {
                if forbidden.contains(byte) {
                    output += "\\u00"
                    output.appendHex(byte)
                } else {
                    output.append(byte)
                }
            }
        }
        output.append(UInt8(ascii: ">"))
    }
}
