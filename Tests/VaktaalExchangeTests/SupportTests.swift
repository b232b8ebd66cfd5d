import Foundation
import Synchronization
import Testing
import VaktaalCore
import VaktaalText

@testable import VaktaalExchange

@Suite struct SortKeysTests {
    static func sorted(_ terms: [String], _ addKey: (inout SortKeys, String) -> Void) -> [String] {
        var keys = SortKeys(capacity: terms.count)
        for term in terms {
            addKey(&keys, term)
            keys.endKey()
        }
        return keys.sortedIndices().map { terms[$0] }
    }

    @Test(arguments: [
        // Without case first, then as written: "Mentor" and "mentor" stay together.
        (["mentor", "Aankomend leraar", "Mentor", "leeruitkomst"], ["Aankomend leraar", "leeruitkomst", "Mentor", "mentor"]),
        // Keys longer than the eight-byte prefix, equal in it, are told apart by the rest.
        (
            ["werkplekbegeleider", "werkplekbegeleiding", "werkplekbeg"],
            ["werkplekbeg", "werkplekbegeleider", "werkplekbegeleiding"]
        ),
        // A shorter term sorts before a longer one it starts.
        (["feed up", "feed", "feedback"], ["feed", "feed up", "feedback"]),
        // Outside ASCII, lowercased as Swift lowercases ("Écht" goes with "échte"), and in
        // code point order, after z (the glossary folds accents away first).
        (["échte", "Écht", "zeker"], ["zeker", "Écht", "échte"]),
    ])
    func withoutCaseThenAsWritten(terms: [String], expected: [String]) {
        #expect(
            Self.sorted(terms) { keys, term in
                keys.addLowercased(term)
                keys.add(term)
            } == expected)
    }

    @Test func accentFoldedAsTheGlossaryFilesTerms() {
        let terms = ["Zelfregulatie", "creëren", "Creatief", "co-teaching", "co teaching", "Ézel"]
        let sorted = Self.sorted(terms) { keys, term in
            keys.addAccentFolded(term)
            keys.add(term)
        }
        #expect(sorted == ["co teaching", "co-teaching", "Creatief", "creëren", "Ézel", "Zelfregulatie"])
    }

    @Test func equalKeysKeepTheirOrder() {
        var keys = SortKeys(capacity: 3)
        for _ in 0..<3 {
            keys.add("same")
            keys.endKey()
        }
        #expect(keys.sortedIndices() == [0, 1, 2])
        #expect(keys.firstByte(of: 0) == UInt8(ascii: "s"))
    }
}

@Suite struct ByteBufferTests {
    @Test func growsPastItsCapacityAndEscapes() {
        var buffer = ByteBuffer(capacity: 4)
        let long = String(repeating: "werkplekbegeleider ", count: 100)
        buffer += long
        buffer.appendEscaped("a <b> & \"c\"\n")
        buffer.appendEscapedText("a <b> & \"c\"\n")
        buffer.appendHex(0x0B)
        #expect(buffer.text == long + "a &lt;b&gt; &amp; &quot;c&quot;&#10;" + "a &lt;b&gt; &amp; \"c\"\n" + "0B")
    }

    @Test func predicateTablesWriteEachPredicatesBytes() {
        let table = PredicateTable { "<\($0.prefixedName)>" }
        var buffer = ByteBuffer()
        for predicate in RDFPredicate.allCases { table.write(predicate, into: &buffer) }
        #expect(buffer.text == RDFPredicate.allCases.map { "<\($0.prefixedName)>" }.joined())
        #expect(Set(RDFPredicate.allCases.map(\.iri)).count == RDFPredicate.allCases.count)
        #expect(RDFPredicate.allCases.allSatisfy { RDFNamespace.compact($0.iri) == $0.prefixedName })
    }
}

@Suite struct SharedPartsTests {
    @Test func aSharedPartIsMadeOnceHoweverManyAskAtOnce() {
        let part = MadeOnce<[Int]>()
        let made = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let value = part.value {
                made.withLock { $0 += 1 }
                return [1, 2, 3]
            }
            #expect(value == [1, 2, 3])
        }
        #expect(made.withLock { $0 } == 1)
    }

    @Test(arguments: [
        ("lerarenopleiding.werkplekbegeleider", "lerarenopleiding.werkplekbegeleider"),
        ("nl-co-teaching_2", "nl-co-teaching_2"),
        ("nl-creëren", "nl-creëren"),
        ("nl-a b/c#d", "nl-a_b_c_d"),
    ])
    func safeNamesKeepLettersDigitsAndDashes(raw: String, expected: String) {
        #expect(SafeName.make(raw) == expected)
    }

    @Test func entryIDsStartWithALetter() {
        let set = VocabularySet([Vocabulary(id: "2025", uri: "https://example.org/v/", concepts: [Concept(id: "a b")])])
        #expect(TBXExporter.entryID(ConceptKey(0), set) == "c_2025.a_b")
    }

    @Test func backslashesGoBeforeEverySpecialByte() {
        var buffer = ByteBuffer()
        buffer.appendBackslashEscaped("a*b_[c]", ByteSet("*_[]"))
        buffer.appendBackslashEscaped(" plain", ByteSet("*"))
        #expect(buffer.text == "a\\*b\\_\\[c\\] plain")
    }
}
