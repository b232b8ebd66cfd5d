/// Reads RDF documents in any of the ``RDFSyntax``es and reports their statements one by
/// one, in document order, without building a graph.
public enum RDFParser {
    /// Parses `bytes` and hands each statement to `handler`.
    ///
    /// - Parameters:
    ///   - bytes: The document (UTF-8).
    ///   - syntax: Its syntax.
    ///   - path: The file name used in errors.
    ///   - baseIRI: The IRI relative references are resolved against (usually the
    ///     document's own); a relative reference with no base is an error.
    ///   - handler: Receives every statement, in document order.
    /// - Throws: ``RDFParseError`` naming the line and column of the first problem. The
    ///   handler may have received part of the document before it.
    public static func parse(
        _ bytes: [UInt8], syntax: RDFSyntax, path: String, baseIRI: String? = nil, handler: (RDFStatement) -> Void
    ) throws(RDFParseError) {
        switch syntax {
        case .rdfXML:
            try RDFXMLParser.parse(bytes, path: path, baseIRI: baseIRI, handler: handler)
        case .jsonLD:
            try JSONLDParser.parse(bytes, path: path, baseIRI: baseIRI, handler: handler)
        case .turtle, .trig, .nTriples, .nQuads:
            let failure: RDFParseError? = bytes.withUnsafeBufferPointer { buffer in
                do throws(RDFParseError) {
                    try SerdParser.parse(buffer, syntax: syntax, path: path, baseIRI: baseIRI, handler: handler)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure { throw failure }
        }
    }

    /// Parses `bytes` into a graph (for tests and small documents).
    ///
    /// - Throws: ``RDFParseError`` for the first problem.
    public static func graph(
        _ bytes: [UInt8], syntax: RDFSyntax, path: String, baseIRI: String? = nil
    ) throws(RDFParseError) -> RDFGraph {
        var statements: [RDFStatement] = []
        try parse(bytes, syntax: syntax, path: path, baseIRI: baseIRI) { statements.append($0) }
        return RDFGraph(statements)
    }
}
