import VaktaalCore
import VaktaalRDF

/// The formats `vaktaal import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    /// SKOS in RDF/XML.
    case skos
    /// SKOS in Turtle.
    case turtle
    /// SKOS in TriG (Turtle with named graphs, merged into one graph).
    case trig
    /// SKOS in N-Triples.
    case ntriples
    /// SKOS in N-Quads (graphs merged).
    case nquads
    /// SKOS in JSON-LD (compacted or expanded, with an inline `@context`).
    case jsonld
    /// TBX: TBX-Basic and TBX-Core v3 (DCA and DCT styles) and the older `martif` (v2).
    case tbx
    /// CSV: the columns `vaktaal export --format csv` writes, or the minimal layout
    /// `preferred, outdated, language`.
    case csv

    /// The RDF syntax of an RDF format.
    var rdfSyntax: RDFSyntax? {
        switch self {
        case .skos: .rdfXML
        case .turtle: .turtle
        case .trig: .trig
        case .ntriples: .nTriples
        case .nquads: .nQuads
        case .jsonld: .jsonLD
        case .tbx, .csv: nil
        }
    }

    /// The format a file name's extension stands for.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "rdf", "owl", "rdfs", "skos": self = .skos
        case "ttl", "turtle", "n3": self = .turtle
        case "trig": self = .trig
        case "nt", "ntriples": self = .ntriples
        case "nq", "nquads": self = .nquads
        case "jsonld", "json-ld": self = .jsonld
        case "tbx", "tbxm", "mtf": self = .tbx
        case "csv", "tsv": self = .csv
        default: return nil
        }
    }

    /// The format of a file: by its extension, else (and for `.xml`, which may be RDF/XML
    /// or TBX) by its first bytes.
    public static func detect(path: String, bytes: [UInt8]) -> ImportFormat? {
        let fileExtension = path.split(separator: "/").last.flatMap { name in
            name.contains(".") ? name.split(separator: ".").last.map(String.init) : nil
        }
        if let fileExtension, fileExtension.lowercased() != "xml", let format = ImportFormat(fileExtension: fileExtension) {
            return format
        }
        return sniff(bytes)
    }

    /// The format the first bytes of a document look like.
    public static func sniff(_ bytes: [UInt8]) -> ImportFormat? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if head.contains("<tbx") || head.contains("<martif") { return .tbx }
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.first == "{" || trimmed.first == "[" { return .jsonld }
        switch RDFSyntax.sniff(bytes) {
        case .rdfXML?: return .skos
        case .turtle?: return .turtle
        case .trig?: return .trig
        case .nTriples?: return .ntriples
        case .nQuads?: return .nquads
        case .jsonLD?: return .jsonld
        case nil: break
        }
        let firstLine = trimmed.prefix { $0 != "\n" && $0 != "\r" }
        return firstLine.contains(",") || firstLine.contains(";") || firstLine.contains("\t") ? .csv : nil
    }
}

/// What the importer may be told beyond the file itself.
public struct ImportOptions: Sendable {
    /// Import only the concept scheme with this URI.
    public var scheme: String?
    /// The language of untagged text when the source names none (no `dct:language`, no tags),
    /// kept in canonical case (`NL` as `nl`).
    public var defaultLanguage: String? {
        didSet { defaultLanguage = defaultLanguage.map(LanguageTag.canonicalCase) }
    }
    /// The IRI relative references in the file are resolved against; defaults to the file's URL.
    public var baseIRI: String?
    /// The name schemes without an id or URI of their own get (usually the output file's name).
    public var name: String?

    /// Creates options.
    public init(scheme: String? = nil, defaultLanguage: String? = nil, baseIRI: String? = nil, name: String? = nil) {
        self.scheme = scheme
        self.defaultLanguage = defaultLanguage.map(LanguageTag.canonicalCase)
        self.baseIRI = baseIRI
        self.name = name
    }
}
