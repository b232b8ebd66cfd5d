import Testing
import VaktaalCore
import VaktaalText

/// Concept and Label keep their fields in shared boxes: copies must still be independent values.
@Suite struct ValueSemanticsTests {
    @Test func changingACopyLeavesTheOriginal() {
        let original = Label(kind: .preferred, text: "werkplekbegeleider", language: "nl", plurals: ["werkplekbegeleiders"])
        var copy = original
        #expect(copy == original)
        copy.plurals.append("werkplekbegeleiders2")
        copy.text = "mentor"
        #expect(original.text == "werkplekbegeleider" && original.plurals == ["werkplekbegeleiders"])
        #expect(copy.text == "mentor" && copy.plurals.count == 2)
        #expect(copy != original)

        let concept = Concept(id: "a", labels: [original])
        var changed = concept
        changed.labels[0].kind = .deprecated
        #expect(concept.labels[0].kind == .preferred)
        #expect(changed.labels[0].kind == .deprecated)
        #expect(Set([concept, concept, changed]).count == 2)
    }

    /// A finding keeps its office place out of line; it still compares, hashes and copies as a value.
    @Test func aFindingsDocumentPlaceBehavesAsAValue() {
        let place = DocumentPlace(part: "ppt/slides/slide2.xml", slide: 2, paragraph: 3, line: 1)
        let finding = Finding(rule: "misspelling", severity: .error, message: "m", location: nil, documentPlace: place)
        var copy = finding
        #expect(copy == finding && copy.hashValue == finding.hashValue)
        copy.documentPlace?.paragraph = 4
        #expect(finding.documentPlace?.paragraph == 3 && copy.documentPlace?.paragraph == 4)
        #expect(copy != finding)
        copy.documentPlace = place
        #expect(copy == finding && copy.hashValue == finding.hashValue)
        copy.documentPlace = nil
        #expect(copy.documentPlace == nil && copy != finding)
    }

    /// Findings that say the same share one record of what they say; changing one changes
    /// only that one, and shared or not, equal findings compare and hash alike.
    @Test func findingsThatShareWhatTheySayStayValues() {
        let range = SourceRange(
            start: SourcePosition(line: 2, column: 4), end: SourcePosition(line: 2, column: 10), bytes: 20..<26)
        let said = CopyOnWriteBox(
            Finding.Said(
                rule: "deprecated-term", severity: .error, message: "'mentor' is outdated", path: "a.txt",
                concept: "urn:c", match: "mentor", replacement: "werkplekbegeleider"))
        let shared = Finding(sharing: said, range: range, documentPlace: nil)
        var other = Finding(sharing: said, range: range, documentPlace: nil)
        let alone = Finding(
            rule: "deprecated-term", severity: .error, message: "'mentor' is outdated",
            location: SourceLocation(path: "a.txt", range: range), concept: "urn:c", match: "mentor",
            fix: Fix(replacement: "werkplekbegeleider", range: range))
        #expect(shared == alone && shared.hashValue == alone.hashValue)
        #expect(shared.fix == Fix(replacement: "werkplekbegeleider", range: range))
        other.severity = .warning
        other.message = "changed"
        #expect(
            shared.severity == .error && shared.message == "'mentor' is outdated"
                && Finding(sharing: said, range: range, documentPlace: nil) == shared)
        #expect(other.severity == .warning && other.message == "changed" && other != shared)
    }

    /// A fix keeps its own range when the finding moves, and a finding without a location
    /// sorts before those with one, as before the record was shared.
    @Test func aFindingsFixKeepsItsRangeWhenTheFindingMoves() {
        let first = SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 7))
        let second = SourceRange(start: SourcePosition(line: 5, column: 2), end: SourcePosition(line: 5, column: 8))
        var finding = Finding(
            rule: "misspelling", severity: .error, message: "m", location: SourceLocation(path: "a.txt", range: first),
            fix: Fix(replacement: "x", range: first))
        finding.location = SourceLocation(path: "b.txt", range: second)
        #expect(finding.fix?.range == first && finding.location?.path == "b.txt" && finding.location?.range == second)
        finding.fix = Fix(replacement: "y", range: second)
        #expect(finding.fix == Fix(replacement: "y", range: second))
        finding.location = nil
        #expect(finding.location == nil && finding.fix?.range == second)
        let placed = Finding(rule: "a", severity: .info, message: "m", location: SourceLocation(path: "", line: 1, column: 1))
        #expect(finding < placed && !(placed < finding))
        finding.fix = nil
        #expect(finding.fix == nil && finding.replacement == nil)
        // Moved to a file whose name differs only in its bytes (é composed, not decomposed), it names that file.
        var named = placed
        named.location = SourceLocation(path: "cafe\u{301}.txt", line: 1, column: 1)
        named.location = SourceLocation(path: "caf\u{E9}.txt", line: 2, column: 1)
        #expect(named.location.map { Array($0.path.utf8) } == Array("caf\u{E9}.txt".utf8) && named.location?.line == 2)
    }

    @Test func theFieldsFewLabelsHaveBehaveLikeTheOthers() {
        let plain = Label(kind: .deprecated, text: "mentor", language: "nl")
        var outdated = plain
        outdated.since = "2025-09-01"
        outdated.exceptions = ["mentor van de klas"]
        #expect(plain.since == nil && plain.exceptions.isEmpty)
        #expect(outdated.since == "2025-09-01" && outdated.exceptions == ["mentor van de klas"])
        #expect(
            outdated
                == Label(
                    kind: .deprecated, text: "mentor", language: "nl", since: "2025-09-01", exceptions: ["mentor van de klas"]))
        var copy = outdated
        copy.reason = "nieuwe beroepstaal"
        #expect(outdated.reason == nil && copy.reason == "nieuwe beroepstaal")
        // Emptied again, a label equals (and hashes like) one that never had them.
        outdated.since = nil
        outdated.exceptions = []
        #expect(outdated == plain)
        #expect(Set([outdated, plain]).count == 1)
    }
}
