import Foundation
import VaktaalCore

/// The SKOS graph as JSON-LD: a `@context` declaring the prefixes, and a `@graph` of node
/// objects whose values are always arrays of `@id` or `@value` objects, so any JSON-LD
/// processor reads the same triples as from the RDF/XML and Turtle exports.
struct JSONLDExporter: Exporter {
    let format = ExportFormat.jsonld

    func export(_ set: VocabularySet, baseName: String) -> [ExportFile] {
        var context: [String: Any] = [:]
        for (prefix, namespace) in RDFNamespace.prefixes { context[prefix] = namespace }
        let nodes: [[String: Any]] = grouped(SKOSGraph.triples(set)).map { subject, triples in
            var node: [String: Any] = ["@id": subject]
            var types: [String] = []
            var properties: [String: [[String: String]]] = [:]
            for triple in triples {
                if triple.predicate == RDFNamespace.rdf + "type", case .iri(let type) = triple.object {
                    types.append(RDFNamespace.compact(type) ?? type)
                    continue
                }
                let key = RDFNamespace.compact(triple.predicate) ?? triple.predicate
                properties[key, default: []].append(Self.value(triple.object))
            }
            if !types.isEmpty { node["@type"] = types }
            for (key, values) in properties { node[key] = values }
            return node
        }
        let document: [String: Any] = ["@context": context, "@graph": nodes]
        let data = try! JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return [ExportFile(path: "\(baseName).jsonld", text: String(decoding: data, as: UTF8.self) + "\n")]
    }

    private static func value(_ term: RDFTerm) -> [String: String] {
        switch term {
        case .iri(let iri): return ["@id": iri]
        case .literal(let value, let language, let datatype):
            var object = ["@value": value]
            if let language { object["@language"] = language }
            if let datatype { object["@type"] = RDFNamespace.compact(datatype) ?? datatype }
            return object
        }
    }
}
