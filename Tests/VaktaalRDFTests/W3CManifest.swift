import Foundation
import Testing
import VaktaalRDF
import VaktaalTestSupport

/// One test of a W3C RDF suite, as its `manifest.ttl` lists it.
struct W3CTest: CustomTestStringConvertible, Sendable {
    enum Kind: Sendable { case eval, positiveSyntax, negativeSyntax }

    let name: String
    let kind: Kind
    /// The document to parse, on disk.
    let action: String
    /// Its IRI: the base it is parsed against.
    let actionIRI: String
    /// The expected statements (N-Triples or N-Quads), for eval tests.
    let result: String?

    var testDescription: String { name }

    var syntax: RDFSyntax? {
        RDFSyntax(fileExtension: (action as NSString).pathExtension)
    }
}

/// Reads a suite's manifest with our own Turtle parser: the entries in list order, each
/// with its type, action and result, resolved against the suite's assumed test base.
enum W3CManifest {
    private static let mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"

    /// The tests of `../shared/testsuites/<suite>`, or none when the folder is absent.
    static func tests(_ suite: String) -> [W3CTest] {
        let folder = sharedFolder + "/testsuites/" + suite
        guard let bytes = FileManager.default.contents(atPath: folder + "/manifest.ttl").map(Array.init)
        else { return [] }
        // Without `mf:assumedTestBase` (the N-Triples suite), the folder's own URL is the base.
        let base = assumedTestBase(bytes) ?? "file://" + folder + "/"
        var statements: [RDFStatement] = []
        do {
            try RDFParser.parse(bytes, syntax: .turtle, path: folder + "/manifest.ttl", baseIRI: base + "manifest.ttl") {
                statements.append($0)
            }
        } catch {
            return []
        }
        var properties: [RDFNode: [String: RDFNode]] = [:]
        for statement in statements { properties[statement.subject, default: [:]][statement.predicate] = statement.object }
        let manifest = RDFNode.iri(base + "manifest.ttl")
        var entries: [RDFNode] = []
        var cell = properties[manifest]?[mf + "entries"]
        while let current = cell, current != .iri(RDFVocabulary.nil) {
            if let first = properties[current]?[RDFVocabulary.first] { entries.append(first) }
            cell = properties[current]?[RDFVocabulary.rest]
        }
        var seen = Set<RDFNode>()
        return entries.compactMap { entry -> W3CTest? in
            guard seen.insert(entry).inserted, let fields = properties[entry],
                let type = fields[RDFVocabulary.type]?.iri, let action = fields[mf + "action"]?.iri,
                let name = fields[mf + "name"]?.literal?.lexicalForm
            else { return nil }
            let kind: W3CTest.Kind
            if type.hasSuffix("Eval") && !type.hasSuffix("NegativeEval") {
                kind = .eval
            } else if type.hasSuffix("PositiveSyntax") {
                kind = .positiveSyntax
            } else {
                kind = .negativeSyntax
            }
            func local(_ iri: String) -> String { folder + "/" + iri.dropFirst(base.count) }
            return W3CTest(
                name: name, kind: kind, action: local(action), actionIRI: action,
                result: fields[mf + "result"]?.iri.map(local))
        }
    }

    /// `mf:assumedTestBase`, read with a plain text search so that the base is known before the parse.
    private static func assumedTestBase(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let range = text.range(of: "mf:assumedTestBase") else { return nil }
        let rest = text[range.upperBound...]
        guard let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") else { return nil }
        return String(rest[rest.index(after: open)..<close])
    }
}
