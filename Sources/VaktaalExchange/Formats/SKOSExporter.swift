import VaktaalCore
import VaktaalXML

/// SKOS in RDF/XML: one `rdf:Description` per subject, properties in a stable order, in
/// the same canonical layout as ``XMLWriter`` (declaration, two-space indentation).
struct SKOSExporter: Exporter {
    let format = ExportFormat.skos

    func export(_ input: ExportInput, to sink: any ExportSink) {
        var output = ByteBuffer(file: "\(input.baseName).rdf", on: sink)
        output += XMLWriter.declaration
        output += "<rdf:RDF"
        for (prefix, namespace) in RDFNamespace.prefixes {
            output += " xmlns:\(prefix)=\""
            output.appendEscaped(namespace)
            output += "\""
        }
        output += ">\n"
        let opening = PredicateTable { "    <\($0.prefixedName)" }
        let closing = PredicateTable { "</\($0.prefixedName)>\n" }
        SKOSGraph.forEachDescription(input) { description in
            output += "  <rdf:Description rdf:about=\""
            output.appendEscaped(description.subject)
            output += "\">\n"
            for (predicate, object) in description.statements {
                opening.write(predicate, into: &output)
                switch object {
                case .iri(let iri):
                    output += " rdf:resource=\""
                    output.appendEscaped(iri)
                    output += "\"/>\n"
                case .literal(let value, let language, let datatype):
                    if let language {
                        output += " xml:lang=\""
                        output.appendEscaped(language)
                        output += "\""
                    } else if let datatype {
                        output += " rdf:datatype=\""
                        output.appendEscaped(datatype)
                        output += "\""
                    }
                    output.append(UInt8(ascii: ">"))
                    output.appendEscapedText(value)
                    closing.write(predicate, into: &output)
                }
            }
            output += "  </rdf:Description>\n"
            output.flushIfFull()
        }
        output += "</rdf:RDF>\n"
        output.finish()
    }
}
