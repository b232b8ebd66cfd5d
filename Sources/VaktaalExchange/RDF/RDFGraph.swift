import VaktaalCore

/// An RDF term in object position: an IRI or a literal (this graph has no blank nodes, so
/// every export of it compares triple for triple).
public enum RDFTerm: Hashable, Comparable, Sendable {
    case iri(String)
    case literal(String, language: String?, datatype: String?)

    public static func < (lhs: RDFTerm, rhs: RDFTerm) -> Bool {
        switch (lhs, rhs) {
        case (.iri(let a), .iri(let b)): return a < b
        case (.iri, .literal): return true
        case (.literal, .iri): return false
        case (.literal(let a, let aLanguage, let aType), .literal(let b, let bLanguage, let bType)):
            return (a, aLanguage ?? "", aType ?? "") < (b, bLanguage ?? "", bType ?? "")
        }
    }
}

/// One statement.
public struct Triple: Hashable, Comparable, Sendable {
    public let subject: String
    public let predicate: String
    public let object: RDFTerm

    public static func < (lhs: Triple, rhs: Triple) -> Bool {
        if lhs.subject != rhs.subject { return lhs.subject < rhs.subject }
        if lhs.predicate != rhs.predicate { return lhs.predicate < rhs.predicate }
        return lhs.object < rhs.object
    }
}

/// The namespaces of the SKOS exports, with the prefixes they are written with.
public enum RDFNamespace {
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let skos = "http://www.w3.org/2004/02/skos/core#"
    public static let skosxl = "http://www.w3.org/2008/05/skos-xl#"
    public static let dct = "http://purl.org/dc/terms/"
    public static let owl = "http://www.w3.org/2002/07/owl#"
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"
    /// vaktaal's own properties, for what SKOS has no word for (label status, since, …).
    public static let vaktaal = "urn:vaktaal:vocabulary:1#"

    /// Prefix and namespace pairs, in the order they are declared.
    public static let prefixes: [(prefix: String, namespace: String)] = [
        ("rdf", rdf), ("skos", skos), ("skosxl", skosxl), ("dct", dct), ("owl", owl), ("xsd", xsd), ("vt", vaktaal),
    ]

    /// The classes and datatypes the graph uses.
    static let concept = skos + "Concept"
    static let conceptScheme = skos + "ConceptScheme"
    static let label = skosxl + "Label"
    static let boolean = xsd + "boolean"
    static let date = xsd + "date"
    static let dateTime = xsd + "dateTime"

    /// `prefix:local` for an IRI in one of the namespaces whose local part is a plain ASCII
    /// name (letters, digits, `_`, starting with a letter). The graph's predicates, classes
    /// and datatypes are looked up in a table made once.
    public static func compact(_ iri: String) -> String? {
        guard mayBeInNamespace(iri) else { return nil }
        if let known = knownNames[iri] { return known }
        return computeCompact(iri)
    }

    /// Every namespace starts with `http://w` (W3C), `http://p` (Dublin Core) or `urn:vakt`:
    /// a test of the first eight bytes answers most IRIs (concepts, labels) without a lookup.
    private static func mayBeInNamespace(_ iri: String) -> Bool {
        var head: UInt64 = 0
        for byte in iri.utf8.prefix(8) { head = head << 8 | UInt64(byte) }
        return head == 0x6874_7470_3A2F_2F77 || head == 0x6874_7470_3A2F_2F70 || head == 0x7572_6E3A_7661_6B74
    }

    private static let knownNames: [String: String] = {
        var names: [String: String] = [:]
        for iri in RDFPredicate.allCases.map(\.iri) + [concept, conceptScheme, label, boolean, date, dateTime] {
            names[iri] = computeCompact(iri)
        }
        return names
    }()

    private static func computeCompact(_ iri: String) -> String? {
        for (prefix, namespace) in prefixes where iri.utf8.starts(with: namespace.utf8) {
            let local = iri.utf8.dropFirst(namespace.utf8.count)
            func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
            guard let first = local.first, isLetter(first),
                local.allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x5F })
            else { continue }
            return "\(prefix):\(String(decoding: local, as: UTF8.self))"
        }
        return nil
    }
}
