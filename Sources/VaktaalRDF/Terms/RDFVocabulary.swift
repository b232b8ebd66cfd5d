/// The IRIs the parsers and importers need by name.
public enum RDFVocabulary {
    /// `rdf:`.
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    /// `rdfs:`.
    public static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    /// `xsd:`.
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"

    /// `rdf:type`.
    public static let type = rdf + "type"
    /// `rdf:first`.
    public static let first = rdf + "first"
    /// `rdf:rest`.
    public static let rest = rdf + "rest"
    /// `rdf:nil`.
    public static let `nil` = rdf + "nil"
    /// `rdf:subject`, `rdf:predicate`, `rdf:object` and `rdf:Statement`, for reification.
    public static let subject = rdf + "subject"
    public static let predicate = rdf + "predicate"
    public static let object = rdf + "object"
    public static let statement = rdf + "Statement"
    /// `rdf:XMLLiteral`.
    public static let xmlLiteral = rdf + "XMLLiteral"
    /// `rdf:langString`, the datatype of language-tagged strings.
    public static let langString = rdf + "langString"
    /// `xsd:string`, the datatype of simple literals.
    public static let xsdString = xsd + "string"
}
