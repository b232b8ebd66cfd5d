import Testing
import VaktaalRDF
import VaktaalText

func statements(
    _ text: String, _ syntax: RDFSyntax, base: String? = "http://example.org/dir/doc"
) throws(RDFParseError) -> [RDFStatement] {
    var result: [RDFStatement] = []
    try RDFParser.parse(Array(text.utf8), syntax: syntax, path: "test", baseIRI: base) { result.append($0) }
    return result
}

func parseError(_ text: String, _ syntax: RDFSyntax, base: String? = "http://example.org/dir/doc") -> RDFParseError? {
    do {
        _ = try statements(text, syntax, base: base)
        return nil
    } catch {
        return error
    }
}

/// What the serd wrapper adds to serd: prefixed names and relative IRIs expanded here, dot
/// segments removed, undeclared prefixes and invalid code points refused, with places.
@Suite struct TurtleFamilyTests {
    @Test func prefixedNamesAndRelativeIRIsAreExpandedWithDotSegmentsRemoved() throws {
        let parsed = try statements(
            """
            @prefix ex: <http://example.org/ns#> .
            <g/./h> ex:p <../up> .
            @base <http://other.example/a/b> .
            <x> ex:q ex:local .
            """, .turtle)
        #expect(
            parsed.map(\.description) == [
                "<http://example.org/dir/g/h> <http://example.org/ns#p> <http://example.org/up> .",
                "<http://other.example/a/x> <http://example.org/ns#q> <http://example.org/ns#local> .",
            ])
    }

    @Test func anUndeclaredPrefixIsAnErrorAtItsPlace() {
        let error = parseError("@prefix a: <http://a/> .\na:s a:p a:o .\na:s b:p a:o .\n", .turtle)
        #expect(error?.message == "the prefix 'b:' is not declared")
        #expect(error?.position == SourcePosition(line: 3, column: 5))
    }

    @Test(arguments: [#"<http://a/s> <http://a/p> "\uD800" ."#, #"<http://a/s> <http://a/p> "x\uDFFFy" ."#])
    func loneSurrogatesAreRefused(_ text: String) {
        #expect(parseError(text, .nTriples)?.message.contains("lone surrogate") == true)
    }

    @Test func nTriplesAllowsOnlyAbsoluteIRIs() {
        #expect(parseError("<s> <http://a/p> <http://a/o> .\n", .nTriples)?.position.line == 1)
        #expect(parseError("<http://a/s> <http://a/p> <o> .\n", .nTriples) != nil)
    }

    @Test func aRelativeIRIWithoutABaseIsAnError() {
        #expect(parseError("<s> <http://a/p> <http://a/o> .\n", .turtle, base: nil)?.message.contains("no base IRI") == true)
    }

    @Test func syntaxErrorsNameLineAndColumn() throws {
        let error = try #require(parseError("<http://a/s> <http://a/p> <http://a/o> .\n<http://a/s> <http://a/p> .\n", .turtle))
        #expect(error.position.line == 2)
        #expect(error.description.hasPrefix("test:2:"))
    }

    @Test func triGGraphsAndNQuadsKeepTheGraph() throws {
        let trig = try statements("@prefix : <http://a/> .\n:g { :s :p \"o\"@en }\n", .trig)
        #expect(trig.first?.graph == .iri("http://a/g"))
        #expect(trig.first?.object == .literal(RDFLiteral("o", language: "en")))
        let quads = try statements("<http://a/s> <http://a/p> _:b <http://a/g> .\n", .nQuads)
        #expect(quads.first?.graph == .iri("http://a/g"))
    }

    @Test func blankNodeLabelsOfTheDocumentNeverMeetGeneratedOnes() throws {
        let parsed = try statements("@prefix : <http://a/> .\n_:b1 :p [ :q 1 ] .\n", .turtle)
        let subjects = Set(parsed.map(\.subject))
        #expect(subjects.count == 2)
    }
}
