import Foundation
import Testing
import VaktaalCore

@testable import VaktaalSync

/// One version of a small vocabulary, and the changes made to it one kind at a time.
enum DiffScenarios {
    static let base = """
        <concept id="begeleider" top="true" modified="2025-01-01">
          <prefLabel>begeleider</prefLabel>
          <definition>Iemand die een ander begeleidt.</definition>
        </concept>
        <concept id="wpb">
          <prefLabel plural="werkplekbegeleiders">werkplekbegeleider</prefLabel>
          <prefLabel xml:lang="en">workplace supervisor</prefLabel>
          <altLabel>mentor</altLabel>
          <deprecatedLabel since="2025-09-01" reason="breder">praktijkbegeleider</deprecatedLabel>
          <definition>Begeleidt de aankomend leraar op de werkplek.</definition>
          <example>De werkplekbegeleider voert het gesprek.</example>
          <broader ref="begeleider"/>
          <related ref="coach"/>
        </concept>
        <concept id="coach">
          <prefLabel>coach</prefLabel>
          <broader ref="begeleider"/>
          <related ref="wpb"/>
        </concept>
        """

    /// A change: its name, how the text changes, and what the diff says, one line per
    /// concept added (`+id`), removed (`-id`) or field changed (`id: field`).
    struct Scenario: Sendable, CustomStringConvertible {
        let name: String
        let edits: [(String, String)]
        let expected: [String]
        var description: String { name }

        var new: String { edits.reduce(DiffScenarios.base) { $0.replacingOccurrences(of: $1.0, with: $1.1) } }
    }

    static let all: [Scenario] = [
        Scenario(
            name: "reordered, reformatted and commented: no change",
            edits: [
                ("<concept id=\"begeleider\"", "<!-- eerst -->\n<concept   id=\"begeleider\""),
                (
                    "<prefLabel xml:lang=\"en\">workplace supervisor</prefLabel>\n  <altLabel>mentor</altLabel>",
                    "<altLabel>mentor</altLabel><prefLabel xml:lang=\"en\">workplace supervisor</prefLabel>"
                ),
                (
                    "<broader ref=\"begeleider\"/>\n  <related ref=\"wpb\"/>",
                    "<related ref=\"wpb\"/><broader ref=\"begeleider\"/>"
                ),
            ],
            expected: []),
        Scenario(
            name: "broader written as narrower on the other side: no change",
            edits: [
                ("<broader ref=\"begeleider\"/>\n  <related ref=\"coach\"/>", "<related ref=\"coach\"/>"),
                (
                    "<definition>Iemand die een ander begeleidt.</definition>",
                    "<definition>Iemand die een ander begeleidt.</definition><narrower ref=\"wpb\"/>"
                ),
            ],
            expected: []),
        Scenario(
            name: "a reference written as a full URI: no change",
            edits: [("<related ref=\"coach\"/>", "<related ref=\"https://example.org/test/coach\"/>")],
            expected: []),
        Scenario(
            name: "the language written on a label that inherits it: no change",
            edits: [("<altLabel>mentor</altLabel>", "<altLabel xml:lang=\"nl\">mentor</altLabel>")], expected: []),
        Scenario(
            name: "a concept added",
            edits: [
                (
                    "</concept>\n<concept id=\"coach\">",
                    "</concept>\n<concept id=\"nieuw\"><prefLabel>nieuw</prefLabel></concept>\n<concept id=\"coach\">"
                )
            ],
            expected: ["+nieuw"]),
        Scenario(
            name: "a concept removed, with the relation to it",
            edits: [
                (
                    "<concept id=\"coach\">\n  <prefLabel>coach</prefLabel>\n  <broader ref=\"begeleider\"/>\n"
                        + "  <related ref=\"wpb\"/>\n</concept>",
                    ""
                ),
                ("<related ref=\"coach\"/>", ""),
            ],
            expected: ["-coach", "begeleider: narrower", "wpb: related"]),
        Scenario(
            name: "a label moved from alternative to outdated",
            edits: [("<altLabel>mentor</altLabel>", "<deprecatedLabel>mentor</deprecatedLabel>")],
            expected: ["wpb: label nl 'mentor'"]),
        Scenario(
            name: "a label added",
            edits: [("<altLabel>mentor</altLabel>", "<altLabel>mentor</altLabel><altLabel abbreviation=\"true\">wpb</altLabel>")],
            expected: ["wpb: label nl 'wpb'"]),
        Scenario(
            name: "a label removed", edits: [("<altLabel>mentor</altLabel>", "")], expected: ["wpb: label nl 'mentor'"]),
        Scenario(
            name: "a plural changed", edits: [("plural=\"werkplekbegeleiders\"", "plural=\"werkplekbegeleiders; wpb'ers\"")],
            expected: ["wpb: label nl 'werkplekbegeleider'"]),
        Scenario(
            name: "other forms added", edits: [("<altLabel>mentor</altLabel>", "<altLabel forms=\"mentors\">mentor</altLabel>")],
            expected: ["wpb: label nl 'mentor'"]),
        Scenario(
            name: "since, reason, severity and exceptions of an outdated label",
            edits: [
                (
                    "<deprecatedLabel since=\"2025-09-01\" reason=\"breder\">",
                    "<deprecatedLabel since=\"2026-01-01\" reason=\"anders\" severity=\"warning\" "
                        + "exceptions=\"praktijkbegeleider zorg\">"
                )
            ],
            expected: ["wpb: label nl 'praktijkbegeleider'"]),
        Scenario(
            name: "case sensitivity and abbreviation",
            edits: [("<altLabel>mentor</altLabel>", "<altLabel caseSensitive=\"true\" abbreviation=\"true\">mentor</altLabel>")],
            expected: ["wpb: label nl 'mentor'"]),
        Scenario(
            name: "a label in another language",
            edits: [
                (
                    "<prefLabel xml:lang=\"en\">workplace supervisor</prefLabel>",
                    "<prefLabel xml:lang=\"de\">workplace supervisor</prefLabel>"
                )
            ],
            expected: ["wpb: label de 'workplace supervisor'", "wpb: label en 'workplace supervisor'"]),
        Scenario(
            name: "a definition changed",
            edits: [("Begeleidt de aankomend leraar op de werkplek.", "Begeleidt en beoordeelt op de werkplek.")],
            expected: ["wpb: definition nl"]),
        Scenario(
            name: "a scope note added and an example removed",
            edits: [
                (
                    "<example>De werkplekbegeleider voert het gesprek.</example>",
                    "<scopeNote>Niet de mentor van de klas.</scopeNote>"
                )
            ],
            expected: ["wpb: example nl", "wpb: scopeNote nl"]),
        Scenario(
            name: "a change note with a date",
            edits: [
                ("<related ref=\"coach\"/>", "<related ref=\"coach\"/><changeNote date=\"2025-09-01\">Hernoemd.</changeNote>")
            ],
            expected: ["wpb: changeNote nl"]),
        Scenario(
            name: "a broader concept changed",
            edits: [
                (
                    "<prefLabel>coach</prefLabel>\n  <broader ref=\"begeleider\"/>",
                    "<prefLabel>coach</prefLabel>\n  <broader ref=\"wpb\"/>"
                )
            ],
            expected: ["begeleider: narrower", "coach: broader", "wpb: narrower"]),
        Scenario(
            name: "a related concept removed on both sides",
            edits: [("<related ref=\"coach\"/>", ""), ("<related ref=\"wpb\"/>", "")],
            expected: ["coach: related", "wpb: related"]),
        Scenario(
            name: "a mapping and a notation added",
            edits: [
                (
                    "<related ref=\"wpb\"/>",
                    "<related ref=\"wpb\"/><notation>C1</notation><exactMatch uri=\"https://partner.example.org/coach\"/>"
                )
            ],
            expected: ["coach: mappings", "coach: notations"]),
        Scenario(
            name: "deprecated and replaced",
            edits: [("<concept id=\"coach\">", "<concept id=\"coach\" deprecated=\"true\" replacedBy=\"wpb\">")],
            expected: ["coach: deprecated", "coach: replacedBy"]),
        Scenario(
            name: "no longer a top concept, and a new date",
            edits: [("top=\"true\" modified=\"2025-01-01\"", "modified=\"2026-01-01\"")],
            expected: ["begeleider: top", "begeleider: modified"]),
        Scenario(
            name: "an attribute and an element of another namespace",
            edits: [
                (
                    "<concept id=\"coach\">",
                    "<concept id=\"coach\" xmlns:x=\"urn:example:x\" x:status=\"draft\"><x:review by=\"anna\">ok</x:review>"
                )
            ],
            expected: ["coach: attribute {urn:example:x}status", "coach: extensions"]),
    ]

    /// The diff as lines: `+id`, `-id`, `id: field`.
    static func lines(_ diff: VocabularyDiff) -> [String] {
        diff.concepts.flatMap { change -> [String] in
            switch change.change {
            case .added: ["+\(change.id)"]
            case .removed: ["-\(change.id)"]
            case .changed: change.changes.map { "\(change.id): \($0.field.title)" }
            }
        }
    }
}

@Suite struct DiffTests {
    @Test(arguments: DiffScenarios.all)
    func eachKindOfChangeIsSeen(_ scenario: DiffScenarios.Scenario) throws {
        for (target, _) in scenario.edits { #expect(DiffScenarios.base.contains(target), "the edit applies: \(target)") }
        let old = try load(DiffScenarios.base)
        let new = try load(scenario.new)
        let diff = VocabularyDiff(from: old, to: new)
        #expect(DiffScenarios.lines(diff).sorted() == scenario.expected.sorted())
        #expect(diff.isEmpty == scenario.expected.isEmpty)
    }

    @Test(arguments: DiffScenarios.all)
    func applyingTheDiffGivesTheNewVersion(_ scenario: DiffScenarios.Scenario) throws {
        let old = try load(DiffScenarios.base)
        let new = try load(scenario.new)
        let applied = VocabularySet(try VocabularyDiff(from: old, to: new).apply(to: old))
        #expect(applied.isSemanticallyEqual(to: new))
    }

    @Test(arguments: DiffScenarios.all)
    func theJSONReadsBackAsTheSameDiff(_ scenario: DiffScenarios.Scenario) throws {
        let diff = VocabularyDiff(from: try load(DiffScenarios.base), to: try load(scenario.new))
        let json = DiffRenderer.render(diff, as: .json)
        let decoded = try JSONDecoder().decode(VocabularyDiff.self, from: Data(json.utf8))
        #expect(decoded == diff)
        #expect(DiffRenderer.render(decoded, as: .json) == json)
    }

    @Test func aLabelThatChangedKindSaysSo() throws {
        let scenario = try #require(DiffScenarios.all.first { $0.name.hasPrefix("a label moved") })
        let diff = VocabularyDiff(from: try load(DiffScenarios.base), to: try load(scenario.new))
        let change = try #require(diff.concepts.first?.changes.first)
        #expect(change.changedAttributes == ["kind"])
        guard case .label(let old) = change.old, case .label(let new) = change.new else {
            Issue.record("a label change has labels as values")
            return
        }
        #expect(old.kind == .alternative && new.kind == .deprecated)
        #expect(DiffRenderer.text(diff).contains("    label nl 'mentor': altLabel → deprecatedLabel\n"))
    }

    @Test func conceptsWithOtherIdsArePairedByPreferredLabelOnlyWhenAsked() throws {
        let old = try load(DiffScenarios.base)
        let new = try load(DiffScenarios.base.replacingOccurrences(of: "\"wpb\"", with: "\"werkplekbegeleider\""))
        let byURI = VocabularyDiff(from: old, to: new)
        #expect(DiffScenarios.lines(byURI).filter { $0.hasPrefix("+") || $0.hasPrefix("-") } == ["+werkplekbegeleider", "-wpb"])
        let byLabel = VocabularyDiff(from: old, to: new, matchingLabels: true)
        #expect(DiffScenarios.lines(byLabel) == ["werkplekbegeleider: id"])
        let change = try #require(byLabel.concepts.first)
        #expect(change.pairedBy == .preferredLabel && change.oldURI == "https://example.org/test/wpb")
        #expect(DiffRenderer.text(byLabel).contains("paired by preferred label with https://example.org/test/wpb"))
        let applied = VocabularySet(try byLabel.apply(to: old))
        #expect(applied.isSemanticallyEqual(to: new))
    }

    @Test func schemeFieldsAreChangesToo() throws {
        let old = try load([("t.xml", vocabularyXML(DiffScenarios.base, version: "1"))])
        let new = try load([("t.xml", vocabularyXML(DiffScenarios.base, version: "2"))])
        let diff = VocabularyDiff(from: old, to: new)
        #expect(diff.schemes.map(\.id) == ["test"] && diff.schemes.first?.changes.map(\.field) == [.version])
        #expect(DiffRenderer.text(diff).hasPrefix("~ scheme test\n    version: '1' → '2'\n"))
        #expect(VocabularySet(try diff.apply(to: old)).isSemanticallyEqual(to: new))
    }

    @Test func theFixtureAgainstItselfIsNoChange() throws {
        #expect(fixture.count > 40)
        #expect(VocabularyDiff(from: fixture, to: fixture).isEmpty)
    }

    @Test func applyingToAnotherVocabularyFailsWithTheReason() throws {
        let old = try load(DiffScenarios.base)
        let edited = try #require(DiffScenarios.all.first { $0.name == "a definition changed" })
        let diff = VocabularyDiff(from: old, to: try load(edited.new))
        let elsewhere = try load(DiffScenarios.base.replacingOccurrences(of: "Begeleidt de aankomend", with: "Begeleidt een"))
        #expect(throws: DiffApplicationError.valueMismatch(uri: "https://example.org/test/wpb", field: "definition nl")) {
            try diff.apply(to: elsewhere)
        }
        let added = try #require(DiffScenarios.all.first { $0.name == "a concept added" })
        let addition = VocabularyDiff(from: old, to: try load(added.new))
        #expect(throws: DiffApplicationError.conceptExists(uri: "https://example.org/test/nieuw")) {
            try addition.apply(to: try load(added.new))
        }
    }
}
