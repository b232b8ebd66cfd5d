/// The RDF syntaxes the parsers read.
public enum RDFSyntax: String, CaseIterable, Sendable {
    /// RDF/XML.
    case rdfXML = "rdfxml"
    /// Turtle.
    case turtle
    /// TriG: Turtle with named graphs.
    case trig
    /// N-Triples: one triple per line, full IRIs only.
    case nTriples = "ntriples"
    /// N-Quads: N-Triples with a graph per line.
    case nQuads = "nquads"
    /// JSON-LD with an inline context.
    case jsonLD = "jsonld"

    /// The syntax a file name's extension stands for, if it names one.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "rdf", "owl", "xml", "rdfs", "skos": self = .rdfXML
        case "ttl", "turtle", "n3": self = .turtle
        case "trig": self = .trig
        case "nt", "ntriples": self = .nTriples
        case "nq", "nquads": self = .nQuads
        case "jsonld", "json": self = .jsonLD
        default: return nil
        }
    }

    /// The syntax the first bytes of a document look like: an XML declaration or element
    /// is RDF/XML, `@prefix`/`PREFIX`/`@base` or a `{` graph block is Turtle or TriG, and a
    /// line of full IRIs is N-Triples. `nil` when nothing tells.
    public static func sniff(_ bytes: some Collection<UInt8>) -> RDFSyntax? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        var text = Substring(head)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        if let first = text.first(where: { !$0.isWhitespace }), first == "{" || first == "[" { return .jsonLD }
        var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingPrefix(while: \.isWhitespace) }
        lines.removeAll { $0.isEmpty || $0.hasPrefix("#") }
        guard let first = lines.first else { return nil }
        if first.hasPrefix("<?xml") || first.hasPrefix("<rdf:RDF") || first.hasPrefix("<!--") { return .rdfXML }
        if first.first == "<", first.contains("xmlns") { return .rdfXML }
        let lowered = lines.prefix(50).map { $0.lowercased() }
        if lowered.contains(where: { $0.hasPrefix("@prefix") || $0.hasPrefix("prefix ") || $0.hasPrefix("@base") }) {
            return lowered.contains { $0.contains("{") || $0.hasPrefix("graph ") } ? .trig : .turtle
        }
        if first.hasPrefix("<") || first.hasPrefix("_:") {
            let fields = first.split(separator: " ")
            return fields.count >= 5 && !fields[3].hasPrefix("\"") && fields[3] != "." ? .nQuads : .nTriples
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        var result = self
        while let first = result.first, predicate(first) { result = result.dropFirst() }
        return result
    }
}
