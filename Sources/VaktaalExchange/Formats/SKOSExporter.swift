import VaktaalCore
import VaktaalXML

/// SKOS in RDF/XML: one `rdf:Description` per subject, properties in a stable order.
struct SKOSExporter: Exporter {
    let format = ExportFormat.skos

    func export(_ input: ExportInput, to sink: any ExportSink) {
        let (set, baseName) = (input.set, input.baseName)
        var writer = XMLWriter(capacity: ByteBuffer.chunkSize + ByteBuffer.chunkSize / 4)
        sink.begin("\(baseName).rdf")
        let namespaces = RDFNamespace.prefixes.map { (name: "xmlns:\($0.prefix)", value: $0.namespace) }
        writer.startElement("rdf:RDF", attributes: namespaces)
        SKOSGraph.forEachDescription(set) { description in
            writer.startElement("rdf:Description", attribute: ("rdf:about", description.subject))
            for (predicate, object) in description.statements {
                switch object {
                case .iri(let iri):
                    writer.emptyElement(predicate.prefixedName, attribute: ("rdf:resource", iri))
                case .literal(let value, let language, let datatype):
                    let attribute = language.map { ("xml:lang", $0) } ?? datatype.map { ("rdf:datatype", $0) }
                    writer.textElement(predicate.prefixedName, attribute: attribute, text: value)
                }
            }
            writer.endElement("rdf:Description")
            writer.flushIfFull(to: sink)
        }
        writer.endElement("rdf:RDF")
        writer.finish(to: sink)
    }
}
