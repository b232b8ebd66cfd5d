import Testing
import VaktaalRDF
import VaktaalText

func rdfXML(_ body: String, namespaces: String = "") -> String {
    """
    <?xml version="1.0"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:eg="http://example.org/" \(namespaces)>
    \(body)
    </rdf:RDF>
    """
}

@Suite struct RDFXMLParserTests {
    @Test func xmlLangReachesPropertyAttributes() throws {
        let parsed = try statements(
            rdfXML(#"<rdf:Description rdf:about="http://a/s" xml:lang="nl" eg:title="woord"/>"#), .rdfXML)
        #expect(parsed.first?.object == .literal(RDFLiteral("woord", language: "nl")))
    }

    @Test func generatedBlankNodesNeverMeetNodeIDs() throws {
        let parsed = try statements(
            rdfXML(#"<rdf:Description rdf:nodeID="genid1"><eg:p><rdf:Description eg:q="x"/></eg:p></rdf:Description>"#),
            .rdfXML)
        #expect(Set(parsed.map(\.subject)).count == 2)
    }

    @Test func reificationByIDOnAPropertyElement() throws {
        let parsed = try statements(
            rdfXML(#"<rdf:Description rdf:about="http://a/s"><eg:p rdf:ID="r">v</eg:p></rdf:Description>"#), .rdfXML)
        let reified = parsed.filter { $0.subject == .iri("http://example.org/dir/doc#r") }
        #expect(reified.count == 4)
        #expect(reified.contains { $0.predicate == RDFVocabulary.object && $0.object == .literal(RDFLiteral("v")) })
    }

    /// The W3C suite leaves these two out (namespaces that are not visibly used are up to
    /// the implementation); exclusive canonicalisation gives exactly the expected text.
    @Test func xmlLiteralsAreExclusivelyCanonical() throws {
        let parsed = try statements(
            rdfXML(
                """
                <rdf:Description rdf:about="http://a/s" xmlns="http://www.w3.org/TR/REC-mathml">
                  <eg:t rdf:parseType="Literal">x <apply><power/><ci b="2" a='1'>a &amp; b</ci><!--c--></apply></eg:t>
                </rdf:Description>
                """), .rdfXML)
        #expect(
            parsed.first?.object
                == .literal(
                    RDFLiteral(
                        #"x <apply xmlns="http://www.w3.org/TR/REC-mathml"><power></power>"#
                            + #"<ci a="1" b="2">a &amp; b</ci><!--c--></apply>"#,
                        datatype: RDFVocabulary.xmlLiteral)))
    }

    @Test(arguments: [
        (##"<rdf:Description rdf:aboutEach="#x"/>"##, 3, 18, "rdf:aboutEach is not allowed as an attribute"),
        (#"<rdf:li/>"#, 3, 1, "rdf:li cannot be a node element"),
        (#"<rdf:Description><rdf:Description/></rdf:Description>"#, 3, 18, "rdf:Description cannot be a property element"),
        (
            #"<rdf:Description rdf:about="a" rdf:nodeID="b"/>"#, 3, 32,
            "a node element has at most one of rdf:about, rdf:ID and rdf:nodeID"
        ),
        (#"<rdf:Description rdf:ID="1a"/>"#, 3, 18, "rdf:ID '1a' is not an XML name"),
        (#"<rdf:Description>text</rdf:Description>"#, 3, 18, "text where only elements may stand"),
    ])
    func errorsNameLineAndColumn(_ body: String, _ line: Int, _ column: Int, _ message: String) {
        let error = parseError(rdfXML(body), .rdfXML)
        #expect(error?.message == message)
        #expect(error?.position == SourcePosition(line: line, column: column))
    }

    /// Protégé and the OWL API declare namespace entities in a DOCTYPE: plain ones are
    /// written out (not in comments or CDATA), and the lines keep their numbers.
    @Test func plainNamespaceEntitiesAreWrittenOut() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE rdf:RDF [
                <!ENTITY skos "http://www.w3.org/2004/02/skos/core#" >
                <!-- a comment -->
                <!ENTITY eg 'http://example.org/' >
            ]>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:skos="&skos;">
            <rdf:Description rdf:about="&eg;c"><!-- &eg; -->
              <rdf:type rdf:resource="&skos;Concept"/><skos:note><![CDATA[&eg;]]> &amp; &eg;</skos:note>
            </rdf:Description>
            </rdf:RDF>
            """
        #expect(
            try statements(text, .rdfXML).map(\.description) == [
                "<http://example.org/c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#Concept> .",
                "<http://example.org/c> <http://www.w3.org/2004/02/skos/core#note> \"&eg; & http://example.org/\" .",
            ])
        let broken = text.replacingOccurrences(of: "<rdf:type", with: "<rdf:Description/><rdf:type")
        #expect(parseError(broken, .rdfXML)?.position.line == 9)
    }

    /// A reference is written out in text and in attribute values only: not in a processing
    /// instruction, nor between a tag's attributes, where its value would make markup; and the
    /// DOCTYPE keeps its columns, so a place after it on its line is where it was.
    @Test func namespaceEntitiesMakeNoMarkup() throws {
        let prolog = #"<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY x "a=b">]>"#
        let root = #"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:eg="http://example.org/">"#
        let instruction = prolog + root + #"<?pi &x; ?><eg:s rdf:about="http://example.org/&x;"/></rdf:RDF>"#
        #expect(try statements(instruction, .rdfXML).map(\.subject.description) == ["<http://example.org/a=b>"])
        // `<eg:s &x;"…">` would read as the attribute a="…" were it written out.
        #expect(parseError(prolog + root + #"<eg:s &x;"http://example.org/s"/></rdf:RDF>"#, .rdfXML) != nil)
        let placed = parseError(prolog + root + "<rdf:li/></rdf:RDF>", .rdfXML)
        #expect(placed?.position == SourcePosition(line: 1, column: prolog.count + root.count + 1))
    }

    /// Any other DOCTYPE is refused: entities that nest (a bomb), read files or hold markup,
    /// parameter entities, declarations of elements, an external DTD.
    @Test(arguments: [
        #"<!DOCTYPE rdf:RDF [<!ENTITY a "x"><!ENTITY b "&a;&a;">]>"#,
        #"<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "file:///etc/passwd">]>"#,
        #"<!DOCTYPE rdf:RDF [<!ENTITY % p "x">]>"#, #"<!DOCTYPE rdf:RDF [<!ELEMENT rdf:RDF ANY>]>"#,
        #"<!DOCTYPE rdf:RDF [<!ENTITY x "<b/>">]>"#, #"<!DOCTYPE rdf:RDF [<!ENTITY x 'a"b'>]>"#,
        #"<!DOCTYPE rdf:RDF SYSTEM "rdf.dtd" [<!ENTITY x "y">]>"#, #"<!DOCTYPE rdf:RDF SYSTEM "rdf.dtd">"#,
        // XML's own entities, values with white space or markup signs.
        #"<!DOCTYPE rdf:RDF [<!ENTITY amp "x">]>"#, #"<!DOCTYPE rdf:RDF [<!ENTITY x "a b">]>"#,
        "<!DOCTYPE rdf:RDF [<!ENTITY x \"a\nb\">]>", #"<!DOCTYPE rdf:RDF [<!ENTITY x "?>">]>"#,
    ])
    func otherDoctypesAreRefused(_ doctype: String) {
        let text = #"<?xml version="1.0"?>"# + doctype + #"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>"#
        #expect(parseError(text, .rdfXML)?.message.contains("DOCTYPE") == true)
    }
}

@Suite struct GraphTests {
    @Test func blankNodesMayBeRenamed() throws {
        let left = RDFGraph(try statements("_:a <http://p> _:b . _:b <http://p> \"x\" .", .nTriples))
        let right = RDFGraph(try statements("_:y <http://p> \"x\" . _:z <http://p> _:y .", .nTriples))
        let other = RDFGraph(try statements("_:y <http://p> \"x\" . _:y <http://p> _:z .", .nTriples))
        #expect(left.isIsomorphic(to: right))
        #expect(!left.isIsomorphic(to: other))
    }

    @Test func languageTagsCompareWithoutCase() throws {
        let left = RDFGraph(try statements("<http://s> <http://p> \"x\"@en-GB .", .nTriples))
        let right = RDFGraph(try statements("<http://s> <http://p> \"x\"@en-gb .", .nTriples))
        #expect(left == right)
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<rdf:RDF/>", RDFSyntax.rdfXML), ("@prefix a: <b> .", .turtle),
        ("PREFIX a: <b>\n<a> { <s> <p> <o> }", .trig), ("<http://s> <http://p> <http://o> .", .nTriples),
        ("{\"@context\": {}}", .jsonLD),
    ])
    func syntaxesAreRecognisedByTheirFirstBytes(_ text: String, _ syntax: RDFSyntax) {
        #expect(RDFSyntax.sniff(Array(text.utf8)) == syntax)
    }
}

@Suite struct JSONLDTests {
    @Test func contextsTermsListsAndNativeValues() throws {
        let text = #"""
            {"@context": {"@vocab": "http://v/", "@base": "http://b/", "@language": "nl",
                          "skos": "http://www.w3.org/2004/02/skos/core#",
                          "broader": {"@id": "skos:broader", "@type": "@id"},
                          "labels": {"@id": "skos:altLabel", "@container": "@language"},
                          "steps": {"@id": "http://v/steps", "@container": "@list"}},
             "@graph": [{"@id": "c1", "@type": "skos:Concept", "skos:prefLabel": "woord", "broader": "c2",
                         "labels": {"en": ["word"]}, "count": 3, "ok": true, "steps": ["a", "b"],
                         "skos:note": {"@value": "x", "@language": "en"}, "skos:related": {"skos:prefLabel": "anon"}}]}
            """#
        let graph = try RDFParser.graph(Array(text.utf8), syntax: .jsonLD, path: "t.jsonld")
        let lines = Set(graph.statements.map(\.description))
        #expect(
            lines.contains(
                "<http://b/c1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#Concept> .")
        )
        #expect(lines.contains("<http://b/c1> <http://www.w3.org/2004/02/skos/core#prefLabel> \"woord\"@nl ."))
        #expect(lines.contains("<http://b/c1> <http://www.w3.org/2004/02/skos/core#broader> <http://b/c2> ."))
        #expect(lines.contains("<http://b/c1> <http://www.w3.org/2004/02/skos/core#altLabel> \"word\"@en ."))
        #expect(lines.contains("<http://b/c1> <http://v/count> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> ."))
        #expect(lines.contains("<http://b/c1> <http://v/ok> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> ."))
        #expect(graph.statements.filter { $0.predicate == RDFVocabulary.first }.count == 2)
        #expect(graph.statements.contains { $0.subject.isBlank && $0.object == .literal(RDFLiteral("anon", language: "nl")) })
    }

    /// `@set` beside another container, in either order, leaves that container's layout:
    /// language maps keep their languages.
    @Test(arguments: [#"["@set", "@language"]"#, #"["@language", "@set"]"#, #""@language""#])
    func aSetBesideALanguageContainerKeepsTheLanguages(container: String) throws {
        let text =
            #"{"@context": {"labels": {"@id": "http://www.w3.org/2004/02/skos/core#altLabel", "@container": "#
            + container + #"}}, "@id": "http://b/c1", "labels": {"en": ["word"], "nl": "woord"}}"#
        let graph = try RDFParser.graph(Array(text.utf8), syntax: .jsonLD, path: "t.jsonld")
        let labels = Set(graph.statements.map(\.description))
        #expect(labels.contains("<http://b/c1> <http://www.w3.org/2004/02/skos/core#altLabel> \"word\"@en ."), "\(labels)")
        #expect(labels.contains("<http://b/c1> <http://www.w3.org/2004/02/skos/core#altLabel> \"woord\"@nl ."))
    }

    /// A syntax error names where JSON parsing stopped, not the start of the file.
    @Test(arguments: [
        ("{\n  \"@context\": {}\n  \"@id\": \"x\"\n}", 3, 3), ("{\"a\": [1, 2,, 3]}", 1, 13), ("{\"a\": \"open\n", 1, 12),
    ])
    func syntaxErrorsNameTheirPlace(text: String, line: Int, column: Int) throws {
        let error = try #require(parseError(text, .jsonLD))
        #expect(error.position == SourcePosition(line: line, column: column), "\(error)")
        #expect(error.message.hasPrefix("not JSON: "))
    }

    @Test func remoteContextsAreNotFetched() {
        let error = parseError(#"{"@context": "https://example.org/context.jsonld", "@id": "x"}"#, .jsonLD)
        #expect(error?.message.contains("no network") == true)
    }
}
