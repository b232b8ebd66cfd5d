import Testing
import VaktaalCore

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
