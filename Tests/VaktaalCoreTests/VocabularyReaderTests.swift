import Testing
import VaktaalText

@testable import VaktaalCore

/// The example of the format specification, as written there (not in canonical layout).
let specificationExample = """
    <?xml version="1.0" encoding="UTF-8"?>
    <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1"
                id="lerarenopleiding"
                uri="https://begrippen.example.org/lerarenopleiding/"
                version="2026.11.0" modified="2026-11-28" xml:lang="nl">
      <title xml:lang="nl">Gedeelde professionele taal lerarenopleiding</title>
      <title xml:lang="en">Shared professional language, teacher education</title>
      <description xml:lang="nl">Begrippen rond het opleiden in de school.</description>
      <publisher>Amsterdamse Onderwijsregio</publisher>
      <license>CC-BY-4.0</license>

      <concept id="werkplekbegeleider" top="true" modified="2025-09-01">
        <prefLabel xml:lang="nl" plural="werkplekbegeleiders">werkplekbegeleider</prefLabel>
        <prefLabel xml:lang="en" plural="workplace supervisors">workplace supervisor</prefLabel>
        <altLabel xml:lang="nl" abbreviation="true">wpb</altLabel>
        <deprecatedLabel xml:lang="nl" plural="mentoren; mentors" since="2025-09-01"
                         exceptions="mentor van de klas; mentoruur">mentor</deprecatedLabel>
        <hiddenLabel xml:lang="nl">werkplekbegeleidster</hiddenLabel>
        <definition xml:lang="nl">Begeleidt de aankomend leraar op de werkplek ...</definition>
        <scopeNote xml:lang="nl">Niet te verwarren met de mentor van een klas.</scopeNote>
        <example xml:lang="nl">De werkplekbegeleider voert het voortgangsgesprek.</example>
        <changeNote xml:lang="nl" date="2025-09-01">'mentor' vervangen door 'werkplekbegeleider'.</changeNote>
        <broader ref="begeleider"/>
        <related ref="schoolopleider"/>
        <exactMatch uri="https://partner.example.org/vocab/praktijkbegeleider"/>
        <source>Nieuw profiel werkplekbegeleider, 2025</source>
      </concept>

      <concept id="stagementor" deprecated="true" replacedBy="werkplekbegeleider">
        <prefLabel xml:lang="nl">stagementor</prefLabel>
      </concept>
    </vocabulary>
    """

@Suite struct VocabularyReaderTests {
    @Test func readsTheSpecificationExample() throws {
        let (read, diagnostics) = VocabularyLoader.read(bytes: Array(specificationExample.utf8), path: "spec.xml")
        #expect(diagnostics.isEmpty)
        let vocabulary = try #require(read)
        #expect(vocabulary.id == "lerarenopleiding")
        #expect(vocabulary.uri == "https://begrippen.example.org/lerarenopleiding/")
        #expect(vocabulary.version == "2026.11.0")
        #expect(vocabulary.defaultLanguage == "nl")
        #expect(vocabulary.title(in: "en") == "Shared professional language, teacher education")
        #expect(vocabulary.metadata(.publisher).first?.language == "nl")
        #expect(vocabulary.concepts.map(\.id) == ["werkplekbegeleider", "stagementor"])

        let concept = vocabulary.concepts[0]
        #expect(concept.isTopConcept && concept.modified == "2025-09-01")
        #expect(concept.position == SourcePosition(line: 12, column: 3))
        let mentor = try #require(concept.labels(.deprecated).first)
        #expect(mentor.text == "mentor" && mentor.plurals == ["mentoren", "mentors"])
        #expect(mentor.exceptions == ["mentor van de klas", "mentoruur"] && mentor.since == "2025-09-01")
        #expect(mentor.position?.line == 16)
        #expect(concept.labels(.alternative).first?.isAbbreviation == true)
        #expect(concept.preferredLabel(in: "en")?.plurals == ["workplace supervisors"])
        #expect(concept.notes(.changeNote).first?.date == "2025-09-01")
        #expect(concept.notes(.source).first?.language == "nl")
        #expect(concept.relations.map(\.reference) == ["begeleider", "schoolopleider"])
        #expect(concept.mappings.first?.target == .uri("https://partner.example.org/vocab/praktijkbegeleider"))

        let deprecated = vocabulary.concepts[1]
        #expect(deprecated.isDeprecated && deprecated.replacedBy == "werkplekbegeleider")
    }

    /// A file without problems is read without the positions of attributes and text; the
    /// places of elements, which the model keeps, are still exact (tags over several lines,
    /// multibyte characters before them, carriage returns).
    @Test func elementPositionsAreExactWithoutTheOthers() throws {
        let xml = vocabularyXML(
            "<concept\r\n  id=\"e\"><prefLabel>één</prefLabel>\r<altLabel\n plural=\"😀s\">😀</altLabel>"
                + "<definition>Tekst</definition><related ref=\"b\"/></concept><concept id=\"b\"><prefLabel>b</prefLabel>"
                + "</concept>")
        let (read, diagnostics) = VocabularyLoader.read(bytes: Array(xml.utf8), path: "a.xml")
        #expect(diagnostics.isEmpty)
        let concept = try #require(read?.concepts.first)
        #expect(concept.position == SourcePosition(line: 3, column: 1))
        #expect(concept.labels.map(\.position) == [SourcePosition(line: 4, column: 10), SourcePosition(line: 5, column: 1)])
        #expect(concept.notes.first?.position == SourcePosition(line: 6, column: 26))
        #expect(concept.relations.first?.position == SourcePosition(line: 6, column: 56))
    }

    @Test(arguments: [
        ("2025-09-01", true), ("2025-09-01T10:30", true), ("2025-09-01T10:30:00Z", true), ("2025-13-01", false),
        ("2025-00-10", false), ("2025-01-32", false), ("2025-1-01", false), ("25-01-01", false), ("", false),
        ("２０２５-09-01", false), ("2025-09-01T1", false), ("2025-09-01 10:30", false), ("2025/09/01", false),
    ])
    func datesAreISODates(_ value: String, valid: Bool) {
        #expect(ISODate.isValid(value) == valid)
    }

    @Test func labelsWithoutLanguageInheritTheDefault() throws {
        let xml = vocabularyXML(
            #"<concept id="a"><prefLabel>term</prefLabel><prefLabel xml:lang="en">term</prefLabel></concept>"#)
        let concept = try #require(load(xml).set.vocabularies.first?.concepts.first)
        #expect(concept.labels.map(\.language) == ["nl", "en"])
        #expect(concept.labels.map(\.declaredLanguage) == [nil, "en"])
    }

    /// A comment inside a label and one before the concept's end tag are both the concept's
    /// (the second used to replace the first): the first stands before the label.
    @Test func commentsInsideAConceptAreAllKept() throws {
        let xml = vocabularyXML(
            #"<concept id="a"><prefLabel>term<!-- in the label --></prefLabel><!-- at the end --></concept>"#)
        let concept = try #require(load(xml).set.vocabularies.first?.concepts.first)
        #expect(concept.innerComments == [InnerComment(" in the label ", before: .label(0)), InnerComment(" at the end ")])
    }

    /// A comment inside a relation (an empty element, the concept's from its start tag)
    /// stands before that relation, not the next child.
    @Test func aCommentInsideARelationStandsBeforeIt() throws {
        let xml = vocabularyXML(
            #"<concept id="a"><prefLabel>a</prefLabel><broader ref="a"><!-- c --></broader><related ref="a"/></concept>"#)
        let concept = try #require(load(xml).set.vocabularies.first?.concepts.first)
        #expect(concept.innerComments == [InnerComment(" c ", before: .relation(0))])
    }

    @Test func elementsAndAttributesOfOtherNamespacesAreKept() throws {
        let xml = vocabularyXML(
            """
            <dc:rights xmlns:dc="http://purl.org/dc/terms/">CC0</dc:rights>
            <concept id="a" ex:status="draft" xmlns:ex="urn:example">
              <prefLabel ex:origin="seed">a</prefLabel>
              <ex:review><ex:by>Anna</ex:by></ex:review>
            </concept>
            """)
        let loaded = load(xml)
        #expect(loaded.diagnostics.isEmpty)
        let vocabulary = try #require(loaded.set.vocabularies.first)
        #expect(vocabulary.extensions.map(\.localName) == ["rights"])
        let concept = vocabulary.concepts[0]
        #expect(concept.extensionAttributes.map(\.value) == ["draft"])
        #expect(concept.labels[0].extensionAttributes.map(\.localName) == ["origin"])
        #expect(concept.extensions.first?.children.count == 1)
    }
}
