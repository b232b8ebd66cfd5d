/// A literal: a lexical form with a language tag or a datatype.
///
/// Simple literals (`xsd:string`) have neither: ``datatype`` is `nil` for them, so that
/// `"a"` and `"a"^^xsd:string` are the same value, as RDF 1.1 says.
public struct RDFLiteral: Hashable, Sendable {
    /// The text as written, escapes resolved.
    public var lexicalForm: String
    /// The language tag as written (`en`, `nl-BE`), or `nil`.
    public var language: String?
    /// The datatype IRI, or `nil` for `xsd:string` and for language-tagged strings.
    public var datatype: String?

    /// Creates a literal; `xsd:string` and `rdf:langString` are stored as `nil`.
    public init(_ lexicalForm: String, language: String? = nil, datatype: String? = nil) {
        self.lexicalForm = lexicalForm
        self.language = language.flatMap { $0.isEmpty ? nil : $0 }
        if let datatype, datatype != RDFVocabulary.xsdString, self.language == nil || datatype != RDFVocabulary.langString {
            self.datatype = datatype
        } else {
            self.datatype = nil
        }
    }
}

/// A node of an RDF graph: an IRI, a blank node or a literal.
public enum RDFNode: Hashable, Sendable, CustomStringConvertible {
    /// An absolute IRI.
    case iri(String)
    /// A blank node, by its label in one parse (labels mean nothing across parses).
    case blank(String)
    /// A literal.
    case literal(RDFLiteral)

    /// The IRI, if this is one.
    public var iri: String? {
        if case .iri(let value) = self { return value }
        return nil
    }

    /// The literal, if this is one.
    public var literal: RDFLiteral? {
        if case .literal(let value) = self { return value }
        return nil
    }

    /// Whether this is a blank node.
    public var isBlank: Bool {
        if case .blank = self { return true }
        return false
    }

    /// The node in N-Triples syntax.
    public var description: String {
        var text = ""
        NTriples.append(self, to: &text)
        return text
    }
}

/// One statement: a triple, in the default graph or in a named one (a quad).
public struct RDFStatement: Hashable, Sendable, CustomStringConvertible {
    /// An IRI or a blank node.
    public var subject: RDFNode
    /// The predicate IRI.
    public var predicate: String
    /// An IRI, a blank node or a literal.
    public var object: RDFNode
    /// The named graph (an IRI or a blank node), or `nil` for the default graph.
    public var graph: RDFNode?

    /// Creates a statement.
    public init(subject: RDFNode, predicate: String, object: RDFNode, graph: RDFNode? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }

    /// The statement as one line of N-Triples (N-Quads when it is in a named graph).
    public var description: String {
        var text = ""
        NTriples.append(subject, to: &text)
        text += " <"
        text += predicate
        text += "> "
        NTriples.append(object, to: &text)
        if let graph {
            text += " "
            NTriples.append(graph, to: &text)
        }
        text += " ."
        return text
    }
}

/// Writes nodes in N-Triples syntax (for messages, test output and reports).
enum NTriples {
    static func append(_ node: RDFNode, to text: inout String) {
        switch node {
        case .iri(let iri):
            text += "<"
            for scalar in iri.unicodeScalars {
                switch scalar {
                case "<", ">", "\"", "{", "}", "|", "^", "`", "\\", " ", "\u{0}"..."\u{20}": appendEscape(scalar, to: &text)
                default: text.unicodeScalars.append(scalar)
                }
            }
            text += ">"
        case .blank(let label): text += "_:" + label
        case .literal(let literal):
            text += "\""
            for scalar in literal.lexicalForm.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                default: text.unicodeScalars.append(scalar)
                }
            }
            text += "\""
            if let language = literal.language {
                text += "@" + language
            } else if let datatype = literal.datatype {
                text += "^^<" + datatype + ">"
            }
        }
    }

    private static func appendEscape(_ scalar: Unicode.Scalar, to text: inout String) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        text += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
