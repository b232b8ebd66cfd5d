import VaktaalCore
import VaktaalXML

/// SKOS in RDF/XML: one `rdf:Description` per subject, properties in a stable order.
struct SKOSExporter: Exporter {
    let format = ExportFormat.skos

    func export(_ set: VocabularySet, baseName: String) -> [ExportFile] {
        var writer = XMLWriter()
        let namespaces = RDFNamespace.prefixes.map { (name: "xmlns:\($0.prefix)", value: $0.namespace) }
        writer.startElement("rdf:RDF", attributes: namespaces)
        SKOSGraph.forEachDescription(set) { description in
            writer.startElement("rdf:Description", attributes: [("rdf:about", description.subject)])
            for (predicate, object) in description.statements {
                let name = RDFNamespace.compact(predicate)!
                switch object {
                case .iri(let iri):
                    writer.element(name, attributes: [("rdf:resource", iri)])
                case .literal(let value, let language, let datatype):
                    var attributes: [(name: String, value: String)] = []
                    if let language { attributes.append(("xml:lang", language)) }
                    if let datatype { attributes.append(("rdf:datatype", datatype)) }
                    writer.textElement(name, attributes: attributes, text: value)
                }
            }
            writer.endElement("rdf:Description")
        }
        writer.endElement("rdf:RDF")
        return [ExportFile(path: "\(baseName).rdf", contents: writer.bytes)]
    }
}
