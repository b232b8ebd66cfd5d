import Testing
import VaktaalCore

@testable import VaktaalExchange

func importTurtle(_ text: String, options: ImportOptions = ImportOptions()) throws -> ImportResult {
    let prefixes = """
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix skosxl: <http://www.w3.org/2008/05/skos-xl#> .
        @prefix dct: <http://purl.org/dc/terms/> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix ex: <http://example.org/thes/> .

        """
    return try Importer.importBytes(Array((prefixes + text).utf8), path: "test.ttl", format: .turtle, options: options)
}

@Suite struct SKOSImporterTests {
    @Test func conceptsAreFoundByTypeSubclassDeprecationAndProperties() throws {
        let result = try importTurtle(
            """
            ex:Descriptor rdfs:subClassOf skos:Concept .
            ex:scheme a skos:ConceptScheme ; dct:title "Thesaurus"@en .
            ex:a a ex:Descriptor ; skos:prefLabel "a"@en ; skos:inScheme ex:scheme .
            ex:b skos:prefLabel "b"@en ; skos:inScheme ex:scheme .
            ex:old a ex:Retired ; owl:deprecated true ; rdfs:label "old"@en ; dct:isReplacedBy ex:a ; skos:inScheme ex:scheme .
            """)
        let vocabulary = try #require(result.vocabularies.first)
        #expect(vocabulary.concepts.map(\.id) == ["a", "b", "old"])
        #expect(vocabulary.uri == "http://example.org/thes/")
        let old = vocabulary.concepts[2]
        #expect(old.isDeprecated && old.replacedBy == "a" && old.preferredLabel(in: "en")?.text == "old")
        #expect(result.report.warnings.contains { $0.message.contains("no type imported as concepts") && $0.count == 1 })
        // The retired class is not representable: reported, with an example.
        #expect(result.report.skipped.contains { $0.what.hasSuffix("#type") && $0.example.contains("Retired") })
    }

    /// A label or note given again through a subproperty is the same statement in RDF (as
    /// rdflib or any store that infers counts it): kept once, so the file checks clean.
    @Test func aLabelGivenAgainThroughASubpropertyIsKeptOnce() throws {
        let result = try importTurtle(
            """
            ex:myPref rdfs:subPropertyOf skos:prefLabel .
            ex:myAlt rdfs:subPropertyOf skos:altLabel .
            ex:myDefinition rdfs:subPropertyOf skos:definition .
            ex:a a skos:Concept ; skos:prefLabel "werkplekbegeleider"@nl ; ex:myPref "werkplekbegeleider"@nl ;
                skos:altLabel "wpb"@nl ; ex:myAlt "wpb"@nl ; ex:myAlt "begeleider"@nl ;
                skos:definition "Begeleidt op de werkplek."@nl ; ex:myDefinition "Begeleidt op de werkplek."@nl .
            """)
        let concept = try #require(result.vocabularies.first?.concepts.first)
        #expect(
            concept.labels.map { "\($0.kind.rawValue) \($0.text)" } == [
                "prefLabel werkplekbegeleider", "altLabel wpb", "altLabel begeleider",
            ])
        #expect(concept.notes.map(\.text) == ["Begeleidt op de werkplek."])
    }

    /// A publisher or creator described by a blank node is its name, not `_:b1`; one without
    /// a name is reported skipped.
    @Test func metadataDescribedByABlankNodeIsItsName() throws {
        let result = try importTurtle(
            """
            @prefix foaf: <http://xmlns.com/foaf/0.1/> .
            ex:scheme a skos:ConceptScheme ; dct:title "T"@nl ;
                dct:publisher [ a foaf:Organization ; foaf:name "Hogeschool van Amsterdam"@nl ] ;
                dct:creator [ a foaf:Person ] .
            ex:a a skos:Concept ; skos:prefLabel "a"@nl ; skos:inScheme ex:scheme .
            """)
        let vocabulary = try #require(result.vocabularies.first)
        #expect(vocabulary.metadata(.publisher).map(\.text) == ["Hogeschool van Amsterdam"])
        #expect(vocabulary.metadata(.creator).isEmpty && !vocabulary.metadata.contains { $0.text.hasPrefix("_:") })
        #expect(result.report.skipped.contains { $0.what.hasSuffix("creator") && $0.reason.contains("without a name") })
    }

    /// RDF/XML lets through IRIs no IRI may be (`http://www.google. com`): a mapping to one is
    /// reported skipped, and a concept named by one gets a new IRI without a mapping to it, so
    /// that the imported file reads without errors.
    @Test func mappingsToWhatIsNoIRIAreSkipped() throws {
        let xml = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:skos="http://www.w3.org/2004/02/skos/core#">
              <skos:Concept rdf:about="http://example.org/thes/a">
                <skos:prefLabel xml:lang="en">a</skos:prefLabel>
                <skos:closeMatch rdf:resource="http://www.google. com"/>
                <skos:exactMatch rdf:resource="https://other.example/b"/>
              </skos:Concept>
              <skos:Concept rdf:about="http://example.org/thes/{c}"><skos:prefLabel xml:lang="en">c</skos:prefLabel></skos:Concept>
            </rdf:RDF>
            """
        let result = try Importer.importBytes(Array(xml.utf8), path: "t.rdf", format: .skos, options: ImportOptions())
        let concepts = try #require(result.vocabularies.first).concepts
        #expect(concepts.flatMap(\.mappings).map(\.target) == [.uri("https://other.example/b")])
        #expect(result.report.skipped.contains { $0.what.hasSuffix("closeMatch") && $0.reason.contains("no IRI") })
        #expect(result.report.warnings.contains { $0.message.contains("whose IRI is no IRI") })
        let written = VocabularyWriter.bytes(for: try #require(result.vocabularies.first))
        #expect(VocabularyLoader.read(bytes: written, path: "x.xml").diagnostics.isEmpty)
    }

    /// A concept split in two names two replacements: the format has one, the first is kept
    /// and the other reported.
    @Test func aSecondReplacementIsReported() throws {
        let result = try importTurtle(
            """
            ex:scheme a skos:ConceptScheme .
            ex:a a skos:Concept ; skos:prefLabel "a"@en ; skos:inScheme ex:scheme .
            ex:b a skos:Concept ; skos:prefLabel "b"@en ; skos:inScheme ex:scheme .
            ex:old a skos:Concept ; owl:deprecated true ; skos:prefLabel "old"@en ; dct:isReplacedBy ex:a, ex:b ;
                skos:inScheme ex:scheme .
            """)
        #expect(result.vocabularies.first?.concepts.last?.replacedBy == "a")
        #expect(result.report.skipped.contains { $0.what.hasSuffix("isReplacedBy") && $0.example.contains("thes/b") })
    }

    @Test func untaggedTextGetsTheDefaultLanguageWithAWarning() throws {
        let result = try importTurtle(
            """
            ex:scheme a skos:ConceptScheme ; dct:language "nl" .
            ex:a a skos:Concept ; skos:prefLabel "woord" ; skos:altLabel "term"@nl ; skos:prefLabel "word"@en .
            """)
        let concept = try #require(result.vocabularies.first?.concepts.first)
        #expect(result.vocabularies.first?.defaultLanguage == "nl")
        #expect(concept.labels.map(\.language) == ["nl", "nl", "en"])
        #expect(concept.labels.map(\.declaredLanguage) == [nil, nil, "en"])
        #expect(result.report.warnings.contains { $0.message.contains("default language 'nl'") && $0.count == 1 })
    }

    /// Language tags compare without case (rdflib, BCP 47): `@NL` is `nl`, kept in one spelling.
    @Test func languageTagsAreReadWithoutCase() throws {
        let result = try importTurtle(
            """
            ex:scheme a skos:ConceptScheme ; dct:language "NL" .
            ex:a a skos:Concept ; skos:prefLabel "een"@nl ; skos:altLabel "twee"@NL ; skos:prefLabel "three"@EN-gb .
            """)
        let concept = try #require(result.vocabularies.first?.concepts.first)
        #expect(result.vocabularies.first?.defaultLanguage == "nl")
        #expect(concept.labels.map(\.language) == ["nl", "nl", "en-GB"])
        #expect(concept.labels.map(\.declaredLanguage) == [nil, nil, "en-GB"])
    }

    /// Characters XML cannot carry are left out of the written file, and the report says so.
    @Test func charactersXMLCannotCarryAreReported() throws {
        let result = try importTurtle(
            """
            ex:a a skos:Concept ; skos:prefLabel "bell\\u0007here"@nl ; skos:definition "ok\\uFFFEno"@nl .
            ex:b a skos:Concept ; skos:prefLabel "fine"@nl ; skos:notation "n\\u0001" .
            ex:c a skos:Concept ; skos:prefLabel "tab\\tand\\nline"@nl .
            """)
        let warning = try #require(result.report.warnings.first { $0.message.hasPrefix("characters XML cannot carry") })
        #expect(warning.count == 2 && warning.example == "a: \"bell\\u{7}here\"")
    }

    @Test func skosXLLabelsWithAStatusBecomeTheirKind() throws {
        let result = try importTurtle(
            """
            @prefix vt: <urn:vaktaal:vocabulary:1#> .
            ex:a a skos:Concept ; skos:prefLabel "new"@en ; skos:hiddenLabel "old"@en ;
                skosxl:hiddenLabel ex:l1 ; skosxl:altLabel ex:l2 .
            ex:l1 a skosxl:Label ; skosxl:literalForm "old"@en ; vt:status "deprecated" ;
                vt:since "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .
            ex:l2 skosxl:literalForm "other"@en ; ex:status ex:obsolete .
            """)
        let labels = try #require(result.vocabularies.first?.concepts.first?.labels)
        #expect(labels.map(\.kind) == [.preferred, .deprecated, .alternative])
        #expect(labels[1].since == "2024-01-01")
        #expect(result.report.skipped.contains { $0.what == "http://example.org/thes/status" })
    }

    @Test func severalSchemesBecomeOneVocabularyEachAndSharedMembersGoToTheSmallest() throws {
        let text = """
            ex:all a skos:ConceptScheme . ex:people a skos:ConceptScheme .
            ex:1 a skos:Concept ; skos:prefLabel "one"@en ; skos:inScheme ex:all, ex:people ; skos:broader ex:2 .
            ex:2 a skos:Concept ; skos:prefLabel "two"@en ; skos:inScheme ex:all .
            ex:3 a skos:Concept ; skos:prefLabel "three"@en ; skos:inScheme ex:all ; skos:related ex:1 .
            """
        let result = try importTurtle(text)
        #expect(result.vocabularies.map(\.id) == ["all", "people"])
        #expect(result.vocabularies.map(\.uri) == ["http://example.org/thes/", "http://example.org/thes/"])
        #expect(result.vocabularies.map(\.schemeURI) == ["http://example.org/thes/all", "http://example.org/thes/people"])
        #expect(result.vocabularies[1].concepts.map(\.id) == ["1"])
        #expect(result.vocabularies[1].concepts[0].relations == [ConceptRelation(kind: .broader, reference: "all:2")])
        #expect(result.report.skipped.contains { $0.what.hasSuffix("inScheme") && $0.count == 1 })

        let one = try importTurtle(text, options: ImportOptions(scheme: "http://example.org/thes/people"))
        #expect(one.vocabularies.map(\.id) == ["people"])
        #expect(one.vocabularies[0].concepts.map(\.id) == ["1"])
        // ex:2 is not imported: the relation to it becomes a mapping, not a dangling reference.
        #expect(
            one.vocabularies[0].concepts[0].mappings == [Mapping(kind: .broadMatch, target: .uri("http://example.org/thes/2"))])
        #expect(
            throws: ImportError.schemeNotFound(
                path: "test.ttl", scheme: "http://x",
                available: ["http://example.org/thes/all", "http://example.org/thes/people"])
        ) {
            try importTurtle(text, options: ImportOptions(scheme: "http://x"))
        }
    }

    @Test func urisThatAreNotANamespacePlusAnIdGetNewIdsAndKeepTheirURIAsExactMatch() throws {
        let result = try importTurtle(
            """
            ex:a a skos:Concept ; skos:prefLabel "a"@en .
            ex:b a skos:Concept ; skos:prefLabel "b"@en .
            <http://example.org/thes/c%20d?x=1> a skos:Concept ; skos:prefLabel "c"@en .
            """)
        let concept = try #require(result.vocabularies.first?.concepts.last)
        #expect(concept.id == "1")
        #expect(Vocabulary.isValidConceptID(concept.id))
        #expect(concept.mappings == [Mapping(kind: .exactMatch, target: .uri("http://example.org/thes/c%20d?x=1"))])
    }

    @Test func whatCannotBeRepresentedIsCountedPerPredicateWithOneExample() throws {
        let result = try importTurtle(
            """
            ex:a a skos:Concept ; skos:prefLabel "a"@en ; dct:created "2020" ; skos:broaderTransitive ex:b .
            ex:b a skos:Concept ; skos:prefLabel "b"@en ; dct:created "2021" .
            ex:c a skos:Collection ; skos:member ex:a .
            """)
        let created = try #require(result.report.skipped.first { $0.what == "http://purl.org/dc/terms/created" })
        #expect(created.count == 2)
        #expect(created.example == #"<http://example.org/thes/a> <http://purl.org/dc/terms/created> "2020" ."#)
        #expect(result.report.skipped.contains { $0.what.hasSuffix("#member") && $0.reason.contains("collections") })
        #expect(result.report.skipped.contains { $0.what.hasSuffix("#broaderTransitive") })
    }

    @Test(arguments: [
        ("x.rdf", "", ImportFormat.skos), ("x.ttl", "", .turtle), ("x.nt", "", .ntriples), ("x.tbx", "", .tbx),
        ("x.csv", "", .csv), ("x.jsonld", "", .jsonld), ("x.xml", "<martif type=\"TBX\">", .tbx),
        ("x.xml", "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"r\">", .skos), ("data", "@prefix a: <b> .", .turtle),
        ("data", "preferred,outdated,language\n", .csv),
    ])
    func formatsAreDetectedByExtensionAndContent(_ path: String, _ content: String, _ format: ImportFormat) {
        #expect(ImportFormat.detect(path: path, bytes: Array(content.utf8)) == format)
    }
}
