import Foundation
import Testing
import VaktaalCore

@testable import VaktaalSync

/// Three-way merges of the small vocabulary of ``DiffScenarios``: each side's edits, the
/// result expected (as edits of the base) and the conflicts, one line each:
/// `kind id: field[ attribute][ [rule]]`.
enum MergeScenarios {
    typealias Edits = [(String, String)]

    struct Scenario: Sendable, CustomStringConvertible {
        let name: String
        var ours: Edits = []
        var theirs: Edits = []
        let expected: Edits
        var conflicts: [String] = []
        var prefer: MergeSide?
        var matchingLabels = false
        var description: String { name }
    }

    static func apply(_ edits: Edits) -> String {
        edits.reduce(DiffScenarios.base) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    static let newDefinition = ("Begeleidt de aankomend leraar op de werkplek.", "Begeleidt en beoordeelt op de werkplek.")
    static let otherDefinition = ("Begeleidt de aankomend leraar op de werkplek.", "Coacht de student in de school.")
    static let coachAltLabel = ("<prefLabel>coach</prefLabel>", "<prefLabel>coach</prefLabel><altLabel>studiecoach</altLabel>")
    static let mentorOutdated = ("<altLabel>mentor</altLabel>", "<deprecatedLabel>mentor</deprecatedLabel>")
    static let coachBlock =
        "<concept id=\"coach\">\n  <prefLabel>coach</prefLabel>\n  <broader ref=\"begeleider\"/>\n"
        + "  <related ref=\"wpb\"/>\n</concept>"
    static let deleteCoach: Edits = [(coachBlock, ""), ("<related ref=\"coach\"/>", "")]
    static let coachDefinition = (
        "<prefLabel>coach</prefLabel>", "<prefLabel>coach</prefLabel><definition>Een coach.</definition>"
    )

    static let all: [Scenario] = [
        Scenario(
            name: "clean: each side edited another concept", ours: [newDefinition], theirs: [coachAltLabel],
            expected: [newDefinition, coachAltLabel]),
        Scenario(
            name: "the same change on both sides is taken once", ours: [newDefinition], theirs: [newDefinition],
            expected: [newDefinition]),
        Scenario(
            name: "both sides equal", ours: [newDefinition, coachAltLabel], theirs: [newDefinition, coachAltLabel],
            expected: [newDefinition, coachAltLabel]),
        Scenario(
            name: "labels added on both sides merge as a set",
            ours: [("<altLabel>mentor</altLabel>", "<altLabel>mentor</altLabel><altLabel abbreviation=\"true\">wpb</altLabel>")],
            theirs: [("<altLabel>mentor</altLabel>", "<altLabel>mentor</altLabel><altLabel>werkplekcoach</altLabel>")],
            expected: [
                (
                    "<altLabel>mentor</altLabel>",
                    "<altLabel>mentor</altLabel><altLabel abbreviation=\"true\">wpb</altLabel><altLabel>werkplekcoach</altLabel>"
                )
            ]),
        Scenario(
            name: "outdated on one side and a plural on the other merge", ours: [mentorOutdated],
            theirs: [("<altLabel>mentor</altLabel>", "<altLabel plural=\"mentoren\">mentor</altLabel>")],
            expected: [("<altLabel>mentor</altLabel>", "<deprecatedLabel plural=\"mentoren\">mentor</deprecatedLabel>")]),
        Scenario(
            name: "outdated on one side, preferred on the other: a conflict", ours: [mentorOutdated],
            theirs: [
                ("<altLabel>mentor</altLabel>", "<prefLabel>mentor</prefLabel>"),
                (
                    "<prefLabel plural=\"werkplekbegeleiders\">werkplekbegeleider</prefLabel>",
                    "<altLabel plural=\"werkplekbegeleiders\">werkplekbegeleider</altLabel>"
                ),
            ],
            expected: [mentorOutdated],
            conflicts: [
                "field wpb: label nl 'mentor' kind",
                "check wpb: label nl 'werkplekbegeleider' [deprecated-label-without-replacement]",
            ]),
        Scenario(
            name: "different definitions: a conflict that keeps ours", ours: [newDefinition], theirs: [otherDefinition],
            expected: [newDefinition], conflicts: ["field wpb: definition nl"]),
        Scenario(
            name: "different definitions settled with theirs", ours: [newDefinition], theirs: [otherDefinition],
            expected: [otherDefinition], conflicts: ["field wpb: definition nl"], prefer: .theirs),
        Scenario(
            name: "deleted by ours, changed by theirs: kept deleted", ours: deleteCoach, theirs: [coachDefinition],
            expected: deleteCoach, conflicts: ["deleted coach: concept"]),
        Scenario(
            name: "deleted by theirs, changed by ours: kept", ours: [coachDefinition], theirs: deleteCoach,
            expected: [coachDefinition], conflicts: ["deleted coach: concept"]),
        Scenario(
            name: "deleted by ours, changed by theirs, settled with theirs", ours: deleteCoach, theirs: [coachDefinition],
            expected: [coachDefinition, ("<related ref=\"coach\"/>", "")], conflicts: ["deleted coach: concept"],
            prefer: .theirs),
        Scenario(
            name: "two preferred labels in one language made by two edits",
            ours: [
                (
                    "<altLabel>mentor</altLabel>",
                    "<altLabel>mentor</altLabel><prefLabel xml:lang=\"de\">Praxisbetreuer</prefLabel>"
                )
            ],
            theirs: [("<altLabel>mentor</altLabel>", "<altLabel>mentor</altLabel><prefLabel xml:lang=\"de\">Mentor</prefLabel>")],
            expected: [
                (
                    "<altLabel>mentor</altLabel>",
                    "<altLabel>mentor</altLabel><prefLabel xml:lang=\"de\">Praxisbetreuer</prefLabel>"
                )
            ],
            conflicts: ["check wpb: label de 'Mentor' [multiple-preferred-labels]"]),
        Scenario(
            name: "a dangling reference made by two edits",
            ours: [
                (
                    "<definition>Iemand die een ander begeleidt.</definition>",
                    "<definition>Iemand die een ander begeleidt.</definition><closeMatch ref=\"coach\"/>"
                )
            ],
            theirs: deleteCoach,
            expected: [
                (
                    "<definition>Iemand die een ander begeleidt.</definition>",
                    "<definition>Iemand die een ander begeleidt.</definition><closeMatch ref=\"coach\"/>"
                )
            ],
            conflicts: [
                "check coach: concept [dangling-reference]", "check begeleider: narrower [dangling-reference]",
                "check wpb: related [dangling-reference]",
            ]),
        Scenario(
            name: "a dangling reference settled with theirs",
            ours: [
                (
                    "<definition>Iemand die een ander begeleidt.</definition>",
                    "<definition>Iemand die een ander begeleidt.</definition><closeMatch ref=\"coach\"/>"
                )
            ],
            theirs: deleteCoach, expected: deleteCoach, conflicts: ["check begeleider: mappings [dangling-reference]"],
            prefer: .theirs),
        Scenario(
            name: "a broader cycle made by two edits",
            ours: [
                (
                    "<prefLabel>coach</prefLabel>\n  <broader ref=\"begeleider\"/>",
                    "<prefLabel>coach</prefLabel>\n  <broader ref=\"begeleider\"/><broader ref=\"wpb\"/>"
                )
            ],
            theirs: [("<related ref=\"coach\"/>", "<related ref=\"coach\"/><broader ref=\"coach\"/>")],
            expected: [
                (
                    "<prefLabel>coach</prefLabel>\n  <broader ref=\"begeleider\"/>",
                    "<prefLabel>coach</prefLabel>\n  <broader ref=\"begeleider\"/><broader ref=\"wpb\"/>"
                )
            ],
            conflicts: ["check coach: narrower [broader-cycle]", "check wpb: broader [broader-cycle]"]),
        // The two below are reported on a concept ours wrote that the result keeps as it is: it
        // clashes with a concept of theirs.
        Scenario(
            name: "a label made outdated by ours and allowed elsewhere by theirs", ours: [mentorOutdated],
            theirs: [("<prefLabel>coach</prefLabel>", "<prefLabel>coach</prefLabel><altLabel>Mentor</altLabel>")],
            expected: [mentorOutdated], conflicts: ["check coach: label nl 'Mentor' [outdated-label-is-allowed]"]),
        Scenario(
            name: "one preferred label given to two concepts by two edits",
            ours: [("<prefLabel>coach</prefLabel>", "<prefLabel>studiecoach</prefLabel>")],
            theirs: [
                (
                    "</concept>\n<concept id=\"coach\">",
                    "</concept>\n<concept id=\"sc\"><prefLabel>studiecoach</prefLabel></concept>\n<concept id=\"coach\">"
                )
            ],
            expected: [("<prefLabel>coach</prefLabel>", "<prefLabel>studiecoach</prefLabel>")],
            conflicts: ["check sc: concept [duplicate-preferred-label]"]),
        Scenario(
            name: "the later modified date wins",
            ours: [
                ("modified=\"2025-01-01\"", "modified=\"2026-02-01\""), ("<definition>Iemand die", "<definition>Een persoon die"),
            ],
            theirs: [
                ("modified=\"2025-01-01\"", "modified=\"2026-03-01\""),
                ("<prefLabel>begeleider</prefLabel>", "<prefLabel>begeleider</prefLabel><altLabel>begeleidster</altLabel>"),
            ],
            expected: [
                ("modified=\"2025-01-01\"", "modified=\"2026-03-01\""), ("<definition>Iemand die", "<definition>Een persoon die"),
                ("<prefLabel>begeleider</prefLabel>", "<prefLabel>begeleider</prefLabel><altLabel>begeleidster</altLabel>"),
            ]),
        Scenario(
            name: "a concept added on both sides with different definitions",
            ours: [
                (
                    "</concept>\n<concept id=\"coach\">",
                    "</concept>\n<concept id=\"n\"><prefLabel>n</prefLabel><definition>A.</definition></concept>\n"
                        + "<concept id=\"coach\">"
                )
            ],
            theirs: [
                (
                    "</concept>\n<concept id=\"coach\">",
                    "</concept>\n<concept id=\"n\"><prefLabel>n</prefLabel><definition>B.</definition></concept>\n"
                        + "<concept id=\"coach\">"
                )
            ],
            expected: [
                (
                    "</concept>\n<concept id=\"coach\">",
                    "</concept>\n<concept id=\"n\"><prefLabel>n</prefLabel><definition>A.</definition></concept>\n"
                        + "<concept id=\"coach\">"
                )
            ],
            conflicts: ["field n: definition nl"]),
        Scenario(
            name: "renamed ids paired by preferred label",
            ours: [
                ("\"wpb\"", "\"werkplekbegeleider\""),
                ("<altLabel>mentor</altLabel>", "<altLabel>mentor</altLabel><altLabel>wpb-lokaal</altLabel>"),
            ],
            theirs: [newDefinition],
            expected: [
                ("\"wpb\"", "\"werkplekbegeleider\""),
                ("<altLabel>mentor</altLabel>", "<altLabel>mentor</altLabel><altLabel>wpb-lokaal</altLabel>"), newDefinition,
            ],
            matchingLabels: true),
        Scenario(
            name: "renamed ids without pairing by label: deleted and changed",
            ours: [("\"wpb\"", "\"werkplekbegeleider\"")], theirs: [newDefinition],
            expected: [("\"wpb\"", "\"werkplekbegeleider\"")], conflicts: ["deleted wpb: concept"]),
    ]

    /// The conflicts as lines.
    static func lines(_ conflicts: [MergeConflict]) -> [String] {
        conflicts.map { conflict in
            "\(conflict.kind.rawValue) \(conflict.id ?? conflict.scheme): \(conflict.field.title)"
                + (conflict.attribute.map { " \($0)" } ?? "") + (conflict.rule.map { " [\($0)]" } ?? "")
        }
    }
}

@Suite struct MergeTests {
    @Test(arguments: MergeScenarios.all)
    func mergesAsExpected(_ scenario: MergeScenarios.Scenario) throws {
        for (target, _) in scenario.ours + scenario.theirs + scenario.expected {
            #expect(DiffScenarios.base.contains(target), "the edit applies: \(target)")
        }
        let base = try load(DiffScenarios.base)
        let ours = try load(MergeScenarios.apply(scenario.ours))
        let theirs = try load(MergeScenarios.apply(scenario.theirs))
        let expected = try load(MergeScenarios.apply(scenario.expected))
        let result = try VocabularyMerge.merge(
            base: base, ours: ours, theirs: theirs,
            options: MergeOptions(prefer: scenario.prefer, matchingLabels: scenario.matchingLabels))
        let merged = resultSet(result)
        let difference = DiffRenderer.text(VocabularyDiff(from: expected, to: merged))
        #expect(merged.isSemanticallyEqual(to: expected), "the result differs from what was expected:\n\(difference)")
        #expect(MergeScenarios.lines(result.conflicts).sorted() == scenario.conflicts.sorted())
        #expect(result.conflicts.allSatisfy { $0.kept == (scenario.prefer ?? .ours) })
        #expect(result.hasUnresolvedConflicts == (!scenario.conflicts.isEmpty && scenario.prefer == nil))
    }

    @Test func aConflictRecordsBothValues() throws {
        let base = try load(DiffScenarios.base)
        let ours = try load(MergeScenarios.apply([MergeScenarios.newDefinition]))
        let theirs = try load(MergeScenarios.apply([MergeScenarios.otherDefinition]))
        let result = try VocabularyMerge.merge(base: base, ours: ours, theirs: theirs)
        let conflict = try #require(result.conflicts.first)
        func text(_ value: SyncValue?) -> String? {
            if case .notes(let notes) = value { return notes.first?.text }
            return nil
        }
        #expect(text(conflict.base) == "Begeleidt de aankomend leraar op de werkplek.")
        #expect(text(conflict.ours) == "Begeleidt en beoordeelt op de werkplek.")
        #expect(text(conflict.theirs) == "Coacht de student in de school.")
        #expect(conflict.concept == "https://example.org/test/wpb" && conflict.name == "werkplekbegeleider")
        let report = MergeReport(result)
        let decoded = try JSONDecoder().decode(MergeReport.self, from: Data(report.json.utf8))
        #expect(decoded == report)
        #expect(report.text().hasPrefix("CONFLICT wpb 'werkplekbegeleider': definition nl: ours 'Begeleidt en beoordeelt"))
        #expect(report.text().hasSuffix("1 conflict (kept ours; resolve them and check)\n"))
    }

    /// The error is about concepts the result keeps as ours wrote them: what makes it new is
    /// a concept theirs deleted, whose label the check must still look at.
    @Test func anErrorThatADeletedConceptUsedToNameIsFound() throws {
        let k = "<concept id=\"k\"><prefLabel>k</prefLabel><hiddenLabel>m</hiddenLabel></concept>"
        let p = "<concept id=\"p\"><prefLabel>p</prefLabel><altLabel>m</altLabel></concept>"
        let o = "<concept id=\"o\"><prefLabel>o</prefLabel><altLabel>m</altLabel></concept>"
        // Ours had the error naming p; theirs, without p, had none; the result names o.
        let result = try VocabularyMerge.merge(base: try load(k + p), ours: try load(k + p + o), theirs: try load(k))
        #expect(MergeScenarios.lines(result.conflicts) == ["check k: concept [outdated-label-is-allowed]"])
        #expect(resultSet(result).vocabularies[0].concepts.map(\.id) == ["k", "o"])
    }

    /// Two concepts added with one preferred label: the conflict on theirs, left out, says
    /// which concept the error is found on (it names theirs), and that ours never had it.
    @Test func aClashOfTwoAddedConceptsNamesTheOther() throws {
        let base = "<concept id=\"a\"><prefLabel>appel</prefLabel></concept>"
        let result = try VocabularyMerge.merge(
            base: try load(base), ours: try load(base + "<concept id=\"d\"><prefLabel>druif</prefLabel></concept>"),
            theirs: try load(base + "<concept id=\"e\"><prefLabel>druif</prefLabel></concept>"))
        #expect(MergeScenarios.lines(result.conflicts) == ["check e: concept [duplicate-preferred-label]"])
        #expect(
            MergeReport(result).text().hasPrefix(
                "CONFLICT e 'druif': [duplicate-preferred-label] on 'd': prefLabel 'druif' in 'nl' is also the prefLabel of "
                    + "'e'\n    concept: ours none, theirs concept 'e'; kept ours"), "\(MergeReport(result).text())")
        #expect(resultSet(result).vocabularies[0].concepts.map(\.id) == ["a", "d"])
    }

    @Test func aCheckConflictNamesBothEdits() throws {
        let scenario = try #require(MergeScenarios.all.first { $0.name == "a broader cycle made by two edits" })
        let result = try VocabularyMerge.merge(
            base: try load(DiffScenarios.base), ours: try load(MergeScenarios.apply(scenario.ours)),
            theirs: try load(MergeScenarios.apply(scenario.theirs)))
        let conflict = try #require(result.conflicts.first { $0.rule == "broader-cycle" })
        let edits = Set(
            conflict.edits.map { "\($0.side.rawValue) \($0.concept.split(separator: "/").last ?? ""): \($0.field.title)" })
        #expect(edits.contains("ours coach: broader") && edits.contains("theirs wpb: broader"))
        let text = MergeReport(result).text()
        #expect(text.contains("[broader-cycle] broader relations form a cycle"))
        #expect(text.contains("    ours changed ") && text.contains("    theirs changed "))
    }

    /// An error is the same error wherever its concepts stand: a duplicate id names the line
    /// of the first one, which differs between the versions and the result.
    @Test(arguments: [
        (
            "concept id 'a' is used twice in this file (first at line 12)",
            "concept id 'a' is used twice in this file (first at line )"
        ),
        ("line 3 and line 57 of a timeline", "line  and line  of a timeline"),
        ("12 lines, line x", "12 lines, line x"),
    ])
    func errorsAreKeyedWithoutTheirLineNumbers(message: String, skeleton: String) {
        #expect(ErrorKey.withoutLineNumbers(message) == skeleton)
    }

    @Test func theMergeOfTheFixtureWithItselfIsTheFixture() throws {
        let result = try VocabularyMerge.merge(base: fixture, ours: fixture, theirs: fixture)
        #expect(result.conflicts.isEmpty && resultSet(result).isSemanticallyEqual(to: fixture))
        let original = try #require(fixture.vocabularies.first?.path)
        let bytes = try #require(FileManager.default.contents(atPath: original))
        #expect(result.files.first?.bytes == VocabularyWriter.bytes(for: fixture.vocabularies[0]))
        #expect(!bytes.isEmpty)
    }

    @Test func foldersOfSeveralSchemesMergeFileByFile() throws {
        func folder(_ a: String, _ b: String) throws -> VocabularySet {
            try load([
                ("s1.xml", vocabularyXML(a, id: "s1", uri: "https://example.org/s1/")),
                ("s2.xml", vocabularyXML(b, id: "s2", uri: "https://example.org/s2/")),
            ])
        }
        let a = "<concept id=\"a\"><prefLabel>a</prefLabel><definition>A.</definition></concept>"
        let b = "<concept id=\"b\"><prefLabel>b</prefLabel><broader ref=\"s1:a\"/></concept>"
        let base = try folder(a, b)
        let ours = try folder(a.replacingOccurrences(of: "A.", with: "Anders."), b)
        let theirs = try folder(
            a, b.replacingOccurrences(of: "<prefLabel>b</prefLabel>", with: "<prefLabel>b</prefLabel><altLabel>bee</altLabel>"))
        let result = try VocabularyMerge.merge(base: base, ours: ours, theirs: theirs)
        let expected = try folder(
            a.replacingOccurrences(of: "A.", with: "Anders."),
            b.replacingOccurrences(of: "<prefLabel>b</prefLabel>", with: "<prefLabel>b</prefLabel><altLabel>bee</altLabel>"))
        #expect(result.conflicts.isEmpty && resultSet(result).isSemanticallyEqual(to: expected))
        #expect(result.files.map(\.fileName) == ["s1.xml", "s2.xml"])
        let second = String(decoding: try #require(result.files.last).bytes, as: UTF8.self)
        #expect(second.contains("<broader ref=\"s1:a\"/>"))
    }

    /// A concept the loser added twice (a repeated id) is taken out whole when it breaks a
    /// rule: no copy is left behind with the error.
    @Test func aRepeatedConceptIsUndoneInEveryCopy() throws {
        let concept = { (id: String, body: String) in "<concept id=\"\(id)\"><prefLabel>\(id)</prefLabel>\(body)</concept>" }
        let base = try load(concept("a", "") + concept("z", ""))
        let ours = try load(concept("a", ""))
        let theirs = try load(
            concept("a", "") + concept("z", "") + concept("x", "<broader ref=\"z\"/>") + concept("x", "<broader ref=\"z\"/>"))
        let result = try VocabularyMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.vocabularies.first?.concepts.map(\.id) == ["a"])
        let dangling = result.conflicts.filter { $0.rule == "dangling-reference" }
        #expect(dangling.count == 1 && dangling.first?.id == "x", "\(MergeReport(result).text())")
    }

    /// Concepts only they have follow the first copy of a concept we have twice, once.
    @Test func conceptsTheyAddedAfterARepeatedConceptComeOnce() throws {
        let concept = { (id: String) in "<concept id=\"\(id)\"><prefLabel>\(id)</prefLabel></concept>" }
        let base = try load(concept("a") + concept("x"))
        let ours = try load(concept("a") + concept("x") + concept("x"))
        let theirs = try load(concept("a") + concept("x") + concept("y"))
        let result = try VocabularyMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.vocabularies.first?.concepts.map(\.id) == ["a", "x", "y", "x"])
    }

    @Test func conceptsOnlyTheyAddedFollowTheConceptTheyFollowThere() throws {
        let base = try load(DiffScenarios.base)
        let theirs = try load(
            DiffScenarios.base.replacingOccurrences(
                of: "</concept>\n<concept id=\"wpb\">",
                with: "</concept>\n<concept id=\"nieuw\"><prefLabel>nieuw</prefLabel></concept>\n<concept id=\"wpb\">"))
        let result = try VocabularyMerge.merge(base: base, ours: base, theirs: theirs)
        #expect(result.vocabularies.first?.concepts.map(\.id) == ["begeleider", "nieuw", "wpb", "coach"])
    }
}

/// Nothing is written that does not read back as what was decided.
@Suite struct ReadBackTests {
    @Test func aResultThatReadsBackOtherwiseIsRefused() throws {
        var vocabulary = try #require(try load(DiffScenarios.base).vocabularies.first)
        #expect(try ReadBack.verify([vocabulary]).count == 1)
        // A plural with the list separator in it is written as two plurals.
        vocabulary.concepts[0].labels[0].plurals = ["begeleiders; coaches"]
        #expect(throws: MergeError.resultNotReadable(problems: ["concept 'begeleider' of 'test' reads back otherwise"])) {
            try ReadBack.verify([vocabulary])
        }
        vocabulary.concepts[0].labels[0].plurals = []
        vocabulary.concepts[0].id = "not an id"
        #expect(throws: MergeError.self) { try ReadBack.verify([vocabulary]) }
    }
}
