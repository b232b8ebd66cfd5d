import Testing
import VaktaalTestSupport
import VaktaalText

@testable import VaktaalCore

/// Semantic equality: what a diff or merge compares. Layout, order, comments, positions and
/// the way a reference is written are no change; anything a concept says is.
@Suite struct SemanticEqualityTests {
    static let fixture = try! VocabularyLoader.load(path: fixtureVocabularyFolder).set

    /// The fixture's scheme turned inside out: concepts, labels and notes in reverse order,
    /// comments added, then written in the canonical layout and read back.
    static func reordered(_ set: VocabularySet) -> VocabularySet {
        var vocabulary = set.vocabularies[0]
        vocabulary.concepts = vocabulary.concepts.reversed().map { concept in
            var changed = concept
            changed.labels.reverse()
            changed.notes.reverse()
            changed.relations.reverse()
            changed.leadingComments = ["moved"]
            return changed
        }
        vocabulary.metadata.reverse()
        vocabulary.headerComments = [HeaderComment("a comment", before: .metadata(0))]
        let bytes = VocabularyWriter.bytes(for: vocabulary)
        return VocabularyLoader.load(sources: [(path: "elsewhere.xml", bytes: bytes)]).set
    }

    @Test func aReorderedReformattedVocabularyIsEqual() {
        let other = Self.reordered(Self.fixture)
        #expect(other.vocabularies[0].concepts.first?.id != Self.fixture.vocabularies[0].concepts.first?.id)
        let (forth, back) = (Self.fixture.isSemanticallyEqual(to: other), other.isSemanticallyEqual(to: Self.fixture))
        #expect(forth && back)
    }

    @Test func broaderWrittenAsNarrowerAndReferencesAsURIsAreEqual() {
        let child = load(vocabularyXML("<concept id=\"a\"><broader ref=\"b\"/></concept><concept id=\"b\"/>")).set
        let parent = load(
            vocabularyXML(
                "<concept id=\"b\"><narrower ref=\"https://example.org/test/a\"/></concept>\n<concept id=\"a\"/>")
        ).set
        let equal = child.isSemanticallyEqual(to: parent)
        #expect(equal)
    }

    /// One change to the label "mentor" of the fixture, each of which a diff must see.
    static let labelChanges: [(name: String, change: @Sendable (inout Label) -> Void)] = [
        ("text", { $0.text = "mentrix" }),
        ("kind", { $0.kind = .hidden }),
        ("plural", { $0.plurals = ["mentoren"] }),
        ("since", { $0.since = "2026-01-01" }),
        ("reason", { $0.reason = nil }),
        ("severity", { $0.severity = .warning }),
        ("exceptions", { $0.exceptions = [] }),
        ("case sensitivity", { $0.isCaseSensitive = true }),
        ("language", { $0.language = "en" }),
    ]

    @Test(arguments: labelChanges.map(\.name))
    func aChangedLabelIsNotEqual(_ name: String) throws {
        let change = try #require(Self.labelChanges.first { $0.name == name }).change
        var vocabulary = Self.fixture.vocabularies[0]
        let index = try #require(vocabulary.concepts.firstIndex { $0.id == "werkplekbegeleider" })
        let label = try #require(vocabulary.concepts[index].labels.firstIndex { $0.text == "mentor" })
        change(&vocabulary.concepts[index].labels[label])
        let (inSet, alone) = (
            Self.fixture.isSemanticallyEqual(to: VocabularySet([vocabulary])),
            vocabulary.isSemanticallyEqual(to: Self.fixture.vocabularies[0])
        )
        #expect(!inSet && !alone)
    }

    @Test func changedNotesRelationsMappingsAndDeprecationAreNotEqual() throws {
        let changes: [(inout Concept) -> Void] = [
            { $0.notes[0].text += "." },
            { $0.relations.removeAll { $0.kind == .broader } },
            { $0.mappings.append(Mapping(kind: .closeMatch, target: .uri("https://partner.example.org/x"))) },
            { $0.isDeprecated = true },
            { $0.notations.append("W1") },
        ]
        for change in changes {
            var vocabulary = Self.fixture.vocabularies[0]
            let index = try #require(vocabulary.concepts.firstIndex { $0.id == "werkplekbegeleider" })
            change(&vocabulary.concepts[index])
            let equal = Self.fixture.isSemanticallyEqual(to: VocabularySet([vocabulary]))
            #expect(!equal)
        }
    }

    @Test func positionsAndCommentsAloneAreNoChange() throws {
        var vocabulary = Self.fixture.vocabularies[0]
        vocabulary.concepts[0].position = SourcePosition(line: 999, column: 9)
        vocabulary.concepts[0].innerComments = [InnerComment("note to self", before: .label(0))]
        vocabulary.trailingComments = ["the end"]
        let equal = Self.fixture.isSemanticallyEqual(to: VocabularySet([vocabulary]))
        #expect(equal)
    }

    @Test func conceptsArePairedByURI() {
        let old = load(vocabularyXML("<concept id=\"a\"/><concept id=\"b\"/><concept id=\"c\"/>")).set
        let new = load(
            [
                ("x.xml", vocabularyXML("<concept id=\"c\"/><concept id=\"d\"/>")),
                ("y.xml", vocabularyXML("<concept id=\"a\"/>", id: "other", uri: "https://example.org/other/")),
            ]
        ).set
        let pairing = ConceptPairing(old, new)
        #expect(pairing.paired.map { "\(old[$0.old].id)=\(new[$0.new].id)" } == ["c=c"])
        #expect(pairing.removed.map { old[$0].id } == ["a", "b"])
        #expect(pairing.added.map { new.uri(of: $0) } == ["https://example.org/test/d", "https://example.org/other/a"])
    }
}
