import Foundation
import Testing
import VaktaalTestSupport
import VaktaalText

@testable import VaktaalCore

/// The semantic model as JSON, written equality, and pairing by preferred label: what diff,
/// merge and the service's changes API build on.
@Suite struct ContentCodingTests {
    static let fixture = try! VocabularyLoader.load(path: fixtureVocabularyFolder).set

    @Test func everyConceptAndSchemeReadsBackFromItsJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for key in Self.fixture.keys {
            let content = ConceptContent(key, in: Self.fixture)
            let data = try encoder.encode(content)
            #expect(try JSONDecoder().decode(ConceptContent.self, from: data) == content)
            #expect(try encoder.encode(JSONDecoder().decode(ConceptContent.self, from: data)) == data)
        }
        let scheme = SchemeContent(Self.fixture.vocabularies[0])
        #expect(try JSONDecoder().decode(SchemeContent.self, from: encoder.encode(scheme)) == scheme)
    }

    @Test func labelsUseTheFormatsNamesAndLeaveDefaultsOut() throws {
        let label = LabelContent(kind: .deprecated, text: "mentor", language: "nl", plurals: ["mentoren"], since: "2025-09-01")
        let json = String(decoding: try JSONEncoder().encode(label), as: UTF8.self)
        #expect(json.contains("\"kind\":\"deprecatedLabel\"") && json.contains("\"plural\":[\"mentoren\"]"))
        #expect(!json.contains("caseSensitive") && !json.contains("exceptions"))
    }

    @Test func conceptsWrittenAtOtherPlacesAreWrittenAlike() throws {
        let original = try #require(Self.fixture.vocabularies[0].concepts.first { $0.id == "werkplekbegeleider" })
        var moved = original
        moved.position = SourcePosition(line: 900, column: 3)
        moved.leadingComments = ["verplaatst"]
        moved.labels[0].position = SourcePosition(line: 901, column: 5)
        moved.labels[0].declaredLanguage = moved.labels[0].language
        #expect(moved != original && moved.isWrittenAlike(original))
        var changed = moved
        changed.labels[0].plurals = ["anders"]
        #expect(!changed.isWrittenAlike(original))
        var reordered = moved
        reordered.labels.reverse()
        #expect(!reordered.isWrittenAlike(original), "order counts: only contents compare as sets")
    }

    @Test func leftOverConceptsArePairedByAnUnambiguousPreferredLabel() {
        let old = load(
            vocabularyXML(
                "<concept id=\"a\"><prefLabel>x</prefLabel></concept><concept id=\"b\"><prefLabel>y</prefLabel></concept>")
        ).set
        let new = load(
            vocabularyXML(
                "<concept id=\"p\"><prefLabel>x</prefLabel></concept><concept id=\"q\"><prefLabel>y</prefLabel></concept>"
                    + "<concept id=\"r\"><prefLabel>y</prefLabel></concept>")
        ).set
        let pairing = ConceptPairing(old, new, matchingPreferredLabels: true)
        #expect(pairing.paired.map { "\(old[$0.old].id)=\(new[$0.new].id)" } == ["a=p"])
        #expect(pairing.pairedByLabel.map { new[$0].id } == ["p"])
        #expect(pairing.removed.map { old[$0].id } == ["b"] && pairing.added.map { new[$0].id } == ["q", "r"])
        #expect(ConceptPairing(old, new).pairedByLabel.isEmpty)
    }
}
