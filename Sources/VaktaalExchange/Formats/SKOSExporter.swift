import VaktaalCore
import VaktaalXML

/// SKOS in RDF/XML: one `rdf:Description` per subject, properties in a stable order.
struct SKOSExporter: Exporter {
    let format = ExportFormat.skos

    func export(_ set: VocabularySet, baseName: String) -> [ExportFile] {
        var writer = XMLWriter()
        let namespaces = RDFNamespace.prefixes.map { (name: "xmlns:\($0.prefix)", value: $0.namespace) }
        writer.startElement("rdf:RDF", attributes: namespaces)
        for (subject, triples) in grouped(SKOSGraph.triples(set)) {
            writer.startElement("rdf:Description", attributes: [("rdf:about", subject)])
            for triple in triples {
                let name = RDFNamespace.compact(triple.predicate)!
                switch triple.object {
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
        return [ExportFile(path: "\(baseName).rdf", text: writer.output)]
    }
}

/// Triples grouped by subject, in subject order.
func grouped(_ triples: [Triple]) -> [(subject: String, triples: [Triple])] {
    var groups: [(subject: String, triples: [Triple])] = []
    for triple in triples {
        if groups.last?.subject == triple.subject {
            groups[groups.count - 1].triples.append(triple)
        } else {
            groups.append((triple.subject, [triple]))
        }
    }
    return groups
}
