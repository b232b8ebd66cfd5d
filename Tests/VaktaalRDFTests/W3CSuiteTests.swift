import Foundation
import Testing
import VaktaalRDF
import VaktaalTestSupport

/// The W3C RDF 1.1 test suites in `../shared/testsuites`, run as their own runners do: eval
/// tests compare the parsed graph with the expected one up to blank-node renaming, positive
/// syntax tests must parse and negative ones must fail. Skipped when `../shared` is absent.
@Suite struct W3CSuiteTests {
    static let rdfXMLTests = W3CManifest.tests("w3c-rdf-xml")
    static let turtleTests = W3CManifest.tests("w3c-rdf-turtle")
    static let trigTests = W3CManifest.tests("w3c-rdf-trig")
    static let nTriplesTests = W3CManifest.tests("w3c-rdf-n-triples")

    @Test(
        "RDF/XML suite (166 tests)", .enabled(if: sharedFileExists("testsuites/w3c-rdf-xml/manifest.ttl")),
        arguments: rdfXMLTests)
    func rdfXML(_ test: W3CTest) throws { try Self.run(test) }

    @Test(
        "Turtle suite (313 tests)", .enabled(if: sharedFileExists("testsuites/w3c-rdf-turtle/manifest.ttl")),
        arguments: turtleTests)
    func turtle(_ test: W3CTest) throws { try Self.run(test) }

    @Test(
        "TriG suite (356 tests)", .enabled(if: sharedFileExists("testsuites/w3c-rdf-trig/manifest.ttl")),
        arguments: trigTests)
    func trig(_ test: W3CTest) throws { try Self.run(test) }

    @Test(
        "N-Triples suite (70 tests)", .enabled(if: sharedFileExists("testsuites/w3c-rdf-n-triples/manifest.ttl")),
        arguments: nTriplesTests)
    func nTriples(_ test: W3CTest) throws { try Self.run(test) }

    @Test(
        "the manifests list every test the suites have",
        .enabled(if: sharedFileExists("testsuites/w3c-rdf-xml/manifest.ttl")))
    func manifestsAreComplete() {
        #expect(Self.rdfXMLTests.count == 166)
        #expect(Self.turtleTests.count == 313)
        #expect(Self.trigTests.count == 356)
        #expect(Self.nTriplesTests.count == 70)
    }

    static func run(_ test: W3CTest) throws {
        let syntax = try #require(test.syntax, "no syntax for \(test.action)")
        let bytes = try #require(FileManager.default.contents(atPath: test.action).map(Array.init))
        switch test.kind {
        case .negativeSyntax:
            #expect(throws: RDFParseError.self, "\(test.name) must be refused") {
                try RDFParser.parse(bytes, syntax: syntax, path: test.action, baseIRI: test.actionIRI) { _ in }
            }
        case .positiveSyntax:
            _ = try RDFParser.graph(bytes, syntax: syntax, path: test.action, baseIRI: test.actionIRI)
        case .eval:
            let graph = try RDFParser.graph(bytes, syntax: syntax, path: test.action, baseIRI: test.actionIRI)
            let resultPath = try #require(test.result)
            let expectedBytes = try #require(FileManager.default.contents(atPath: resultPath).map(Array.init))
            let expectedSyntax: RDFSyntax = resultPath.hasSuffix(".nq") ? .nQuads : .nTriples
            let expected = try RDFParser.graph(expectedBytes, syntax: expectedSyntax, path: resultPath, baseIRI: test.actionIRI)
            #expect(
                graph.isIsomorphic(to: expected),
                """
                \(test.name): got
                \(graph.statements.map(\.description).sorted().joined(separator: "\n"))
                expected
                \(expected.statements.map(\.description).sorted().joined(separator: "\n"))
                """)
        }
    }
}
