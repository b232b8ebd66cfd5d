import Testing

@testable import VaktaalCore

/// How the reader tells the elements and attributes of the format apart, and what it says
/// about the ones it does not know.
@Suite("Reading elements and attributes by name")
struct VocabularyReaderElementTests {
    /// The concept child elements, each with the content that makes it valid.
    static let conceptChildren: [String] =
        LabelKind.allCases.map { "<\($0.rawValue)>x</\($0.rawValue)>" }
        + NoteKind.allCases.map { "<\($0.rawValue)>x</\($0.rawValue)>" }
        + RelationKind.allCases.map { "<\($0.rawValue) ref=\"b\"/>" }
        + MappingKind.allCases.map { "<\($0.rawValue) uri=\"urn:x\"/>" } + ["<notation>x</notation>"]

    @Test("every element a concept holds is read as its kind", arguments: conceptChildren)
    func everyConceptChildIsRead(element: String) throws {
        let loaded = load(vocabularyXML("<concept id=\"a\">\(element)</concept><concept id=\"b\"/>"))
        #expect(loaded.diagnostics.isEmpty)
        let concept = try #require(loaded.set.vocabularies.first?.concepts.first)
        let name = String(element.dropFirst().prefix { $0 != ">" && $0 != " " && $0 != "/" })
        let kinds =
            concept.labels.map(\.kind.rawValue) + concept.notes.map(\.kind.rawValue) + concept.relations.map(\.kind.rawValue)
            + concept.mappings.map(\.kind.rawValue) + concept.notations.map { _ in "notation" }
        #expect(kinds == [name])
    }

    @Test(
        "a name as long as a known one, or differing in case, is an unknown element",
        arguments: ["prefLabex", "PrefLabel", "broadex", "notatio", "exactMatcH", "changenote", "sourc"])
    func nearMissesAreUnknown(name: String) {
        let loaded = load(vocabularyXML("<concept id=\"a\"><\(name)>x</\(name)></concept>"))
        #expect(loaded.diagnostics.map(\.rule) == ["unknown-element"])
        #expect(loaded.diagnostics.first?.message.hasPrefix("unknown element '\(name)' inside 'concept'") == true)
    }

    @Test("an element inside an empty one is named with it")
    func elementInsideARelation() {
        let loaded = load(
            vocabularyXML("<concept id=\"a\"><broader ref=\"b\"><note>x</note></broader></concept><concept id=\"b\"/>"))
        #expect(loaded.diagnostics.map(\.rule) == ["unknown-element"])
        #expect(loaded.diagnostics.first?.message.hasPrefix("unknown element 'note' inside 'broader' (it is empty)") == true)
    }

    @Test("extension elements keep their nesting, text and attributes")
    func nestedExtensions() throws {
        let loaded = load(
            vocabularyXML(
                """
                <concept id="a" xmlns:ex="urn:example">
                  <prefLabel>a</prefLabel>
                  <ex:review ex:round="2">by <ex:by>Anna</ex:by> and <ex:by>Bo</ex:by></ex:review>
                  <ex:flag/>
                </concept>
                """))
        #expect(loaded.diagnostics.isEmpty)
        let extensions = try #require(loaded.set.vocabularies.first?.concepts.first?.extensions)
        #expect(extensions.map(\.localName) == ["review", "flag"])
        let review = extensions[0]
        #expect(review.attributes.map(\.value) == ["2"])
        let by = ExtensionElement(namespaceURI: "urn:example", prefix: "ex", localName: "by", attributes: [])
        var anna = by
        anna.children = [.text("Anna")]
        var bo = by
        bo.children = [.text("Bo")]
        #expect(review.children == [.text("by "), .element(anna), .text(" and "), .element(bo)])
    }

    @Test("extension elements of a concept too broken to keep go with it, not to the scheme")
    func extensionsOfABrokenConcept() throws {
        let loaded = load(
            vocabularyXML(
                """
                <ex:note xmlns:ex="urn:example">kept</ex:note>
                <concept xmlns:ex="urn:example"><prefLabel>a</prefLabel><ex:review>dropped</ex:review></concept>
                """))
        #expect(loaded.diagnostics.map(\.rule) == ["missing-attribute"])
        let vocabulary = try #require(loaded.set.vocabularies.first)
        #expect(vocabulary.extensions.map(\.localName) == ["note"])
        #expect(vocabulary.concepts.isEmpty)
    }

    @Test("each attribute of the format has its own name and bit")
    func formatAttributeNames() {
        let attributes = FormatAttribute.allCases
        #expect(attributes.map(\.name) == attributes.map { String(describing: $0) })
        #expect(attributes.count < 32)
        #expect(Set(attributes.map(\.bit)).count == attributes.count)
    }

    @Test(
        "attribute problems name the attribute",
        arguments: [
            (
                "<concept id=\"a\" top=\"ja\"/>",
                "'top' must be 'true' or 'false', not 'ja'"
            ),
            (
                "<concept><prefLabel>a</prefLabel></concept>",
                "'concept' needs the attribute 'id'"
            ),
            (
                "<concept id=\"a\"><prefLabel>b</prefLabel><deprecatedLabel since=\"gisteren\">a</deprecatedLabel></concept>",
                "'since' must be an ISO date such as 2025-09-01, not 'gisteren'"
            ),
            // A date the calendar does not have (xsd:date refuses it too).
            (
                "<concept id=\"a\" modified=\"2024-02-30\"><prefLabel>a</prefLabel></concept>",
                "'modified' must be an ISO date such as 2025-09-01, not '2024-02-30'"
            ),
            (
                "<concept id=\"a\"><prefLabel plurals=\"as\">a</prefLabel></concept>",
                "unknown attribute 'plurals' on 'prefLabel' (known attributes: 'abbreviation', 'caseSensitive', 'forms', 'plural')"
            ),
            (
                "<concept id=\"a\"><definition date=\"2025-01-01\">a</definition></concept>",
                "unknown attribute 'date' on 'definition' (it takes no attributes)"
            ),
        ])
    func attributeMessages(body: String, message: String) {
        let loaded = load(vocabularyXML(body))
        #expect(loaded.diagnostics.map(\.message) == [message])
    }
}
