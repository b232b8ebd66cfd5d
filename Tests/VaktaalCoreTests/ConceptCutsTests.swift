import Testing

@testable import VaktaalCore

/// Where a file is cut between concepts, and which parts are only one concept.
@Suite struct ConceptCutsTests {
    static func file(_ body: String) -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="t" uri="https://example.org/t/" xml:lang="nl">
            \(body)
            </vocabulary>

            """.utf8)
    }

    /// The lines the cuts start and whether each part is only one concept.
    static func cuts(_ body: String) -> (lines: [Int], conceptOnly: [Bool]) {
        let bytes = file(body)
        guard let cuts = ConceptCuts(bytes) else { return ([], []) }
        let lines = cuts.offsets.map { offset in bytes[..<offset].count(where: { $0 == 10 }) + 1 }
        return (lines, cuts.isConceptOnly)
    }

    static let concept = "  <concept id=\"a\">\n    <prefLabel>a</prefLabel>\n  </concept>"

    @Test(arguments: [
        // Concepts on their own lines are cut before each but the first (the file's start).
        ("\(concept)\n\(concept)\n\n\(concept)", [6, 10], [true, false]),
        // Not in a comment, CDATA section or processing instruction; not after a comment.
        ("\(concept)\n<!-- </concept>\n  <concept id=\"x\"> -->\n\(concept)", [], []),
        ("\(concept)\n  <!-- note -->\n\(concept)\n\(concept)", [10], [false]),
        (
            "  <concept id=\"a\">\n    <prefLabel><![CDATA[</concept>\n  <concept id=\"x\">]]></prefLabel>\n  </concept>\n"
                + "\(concept)\n\(concept)", [7, 10], [true, false]
        ),
        ("\(concept)\n\(concept)<?pi </concept>\n<concept ?>\n\(concept)", [6], [false]),
        // A `>` or the other quote inside a quoted attribute value does not end the tag.
        (
            "\(concept)\n  <concept id=\"b\">\n    <deprecatedLabel reason=\"a > b\" plural='x \"y\" > z'>b</deprecatedLabel>"
                + "\n  </concept>\n\(concept)", [6, 9], [true, false]
        ),
        // Not where a concept starts on the line of the one before, nor for other elements.
        ("\(concept)<concept id=\"b\"/>\n\(concept)", [], []),
        ("\(concept)\n  <conceptual/>\n\(concept)", [], []),
        // A self-closed concept, an end tag written otherwise, or an element named concept of
        // another namespace: a cut, but not a part that is only one concept.
        ("\(concept)\n  <concept id=\"b\"/>\n\(concept)\n\(concept)\n\(concept)", [6, 10, 13], [false, true, false]),
        ("\(concept)\n  <concept id=\"b\">\n  </concept >\n\(concept)\n\(concept)", [6, 11], [false, false]),
        (
            "\(concept)\n  <concept xmlns=\"urn:o\" id=\"x\">t</concept>\n\(concept)\n\(concept)", [6, 7, 10],
            [false, true, false]
        ),
        // Concepts inside an element of another namespace belong to it: no cut among them.
        (
            "\(concept)\n  <x:e xmlns:x=\"urn:x\">\n\(concept)\n\(concept)\n\(concept)\n  </x:e>\n\(concept)\n\(concept)", [20],
            [false]
        ),
    ])
    func cutsFallBetweenConceptsOnly(_ body: String, _ lines: [Int], _ conceptOnly: [Bool]) {
        let found = Self.cuts(body)
        #expect(found.lines == lines)
        #expect(found.conceptOnly == conceptOnly)
    }

    /// A tag whose quoted value never ends holds the rest of the file: no cut after it.
    @Test func anUnterminatedQuoteEndsTheScan() {
        let found = Self.cuts("\(Self.concept)\n\(Self.concept)\n  <concept id=\"b>\n\(Self.concept)\n\(Self.concept)")
        #expect(found.lines == [6])
    }

    /// The concepts of the root, each from its `<` to just after its end; those below another
    /// element, in comments or CDATA are not the root's. An end tag written otherwise has no end.
    @Test(arguments: [
        (
            "\(concept)\n\(concept)<concept id=\"b\"/>",
            [
                ("<concept id=\"a\">", "</concept>"), ("<concept id=\"a\">", "</concept>"),
                ("<concept id=\"b\"/>", "<concept id=\"b\"/>"),
            ], true
        ),
        (
            "<!-- <concept id=\"x\"> -->\n\(concept)\n<x:e xmlns:x=\"urn:x\">\(concept)</x:e>",
            [("<concept id=\"a\">", "</concept>")], true
        ),
        ("\(concept)\n  <concept id=\"b\">\n  </concept >", [("<concept id=\"a\">", "</concept>")], false),
    ])
    func conceptsOfTheRootAreFoundWithTheirEnds(_ body: String, _ spans: [(start: String, end: String)], _ allEnd: Bool) throws {
        let bytes = Self.file(body)
        let cuts = try #require(ConceptCuts(bytes))
        #expect(cuts.conceptStarts.count == (allEnd ? spans.count : spans.count + 1))
        #expect(cuts.conceptEnds.count == spans.count)
        for (index, span) in spans.enumerated() {
            let start = cuts.conceptStarts[index]
            let end = cuts.conceptEnds[index]
            #expect(bytes[start...].starts(with: span.start.utf8))
            #expect(bytes[..<end].reversed().starts(with: span.end.utf8.reversed()))
        }
    }

    /// From any place of a file with no markup between its concepts, the nearby cut is the
    /// scan's first cut whose `</concept>` before it starts there or later.
    @Test func aNearbyCutIsTheScansNextCutBetweenPlainConcepts() throws {
        let bytes = Self.file("\(Self.concept)\n\(Self.concept)\r\n\n\(Self.concept)\n  \(Self.concept)\n\(Self.concept)")
        let scanned = try #require(ConceptCuts(bytes)).offsets
        #expect(scanned.count == 4)
        let endTag = Array("</concept>".utf8)
        let endTagStarts = scanned.map { cut in
            (0..<cut).last { bytes[$0...].starts(with: endTag) } ?? -1
        }
        bytes.withUnsafeBufferPointer { buffer in
            for from in 0..<buffer.count {
                let expected = scanned.indices.first { endTagStarts[$0] >= from }.map { scanned[$0] }
                #expect(ConceptCuts.nearbyCut(in: buffer, from: from) == expected)
            }
        }
    }

    /// Read only near its place, a cut may fall where the scan sees none (the part before it
    /// then ends in open markup); and there is none where a concept does not start its line.
    @Test(arguments: [
        ("\(concept)\n<!-- </concept>\n  <concept id=\"x\"> -->\n", 7),
        ("\(concept)\n<x:e xmlns:x=\"urn:x\">\n\(concept)\n\(concept)\n</x:e>\n", 10),
        ("\(concept)\n<![CDATA[</concept>\n<concept >]]>\n", 7),
        ("\(concept)<concept id=\"b\"/>\n", nil),
        ("\(concept)\n  <conceptual/>\n", nil),
    ])
    func aNearbyCutMayFallInMarkup(_ body: String, _ line: Int?) throws {
        let bytes = Self.file(body)
        let rootEnd = try #require(ConceptCuts(bytes)).rootEnd
        let cut = bytes.withUnsafeBufferPointer { ConceptCuts.nearbyCut(in: $0, from: rootEnd) }
        #expect(cut.map { offset in bytes[..<offset].count(where: { $0 == 10 }) + 1 } == line)
    }

    @Test func theRootIsTheFirstTagOutsideCommentsAndInstructions() throws {
        let start =
            "<?xml version=\"1.0\"?>\n<!-- <vocabulary> -->\n<?pi <vocabulary> ?>\n<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\">"
        let bytes = Array((start + "\n</vocabulary>\n").utf8)
        #expect(try #require(ConceptCuts(bytes)).rootEnd == start.utf8.count)
        #expect(ConceptCuts(Array("<other/>".utf8)) == nil)
        #expect(ConceptCuts(Array("<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\"/>".utf8)) == nil)
    }
}

extension ConceptCuts {
    /// The cuts of a file held in an array.
    init?(_ bytes: [UInt8]) { self.init(SourceBytes(bytes)) }
}
