import Foundation
import Testing
import VaktaalCore

@testable import VaktaalSync

/// A merge keeps our file's layout: the concepts it keeps as we wrote them are copied byte
/// for byte, and only what changed is written in the canonical layout.
@Suite struct MergeLayoutTests {
    /// Our file: the root tag over two lines, tabs, no blank lines, a comment before a concept.
    static let ours = """
        <?xml version="1.0" encoding="UTF-8"?>
        <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1"
        \tid="test" uri="https://example.org/test/" xml:lang="nl">
        \t<title>Test</title>
        \t<concept id="a"><prefLabel>a</prefLabel><definition>A.</definition></concept>
        \t<!-- b is ours -->
        \t<concept id="b">
        \t\t<prefLabel>b</prefLabel>
        \t\t<definition>B.</definition>
        \t</concept>
        \t<concept id="c"><prefLabel>c</prefLabel></concept>
        </vocabulary>

        """

    /// The result of merging `theirs` into `ours` with `ours` as the base, loaded as the
    /// command loads them.
    static func merged(ours: String = ours, theirs: String) throws -> MergeResult {
        let sources = [("base.xml", ours), ("ours.xml", ours), ("theirs.xml", theirs)].map {
            [(path: $0.0, bytes: Optional(Array($0.1.utf8)))]
        }
        let loaded = try VocabularyInput.loadVersions(sources: sources, strict: true, positions: .ofFirstReading)
        let versions = loaded.versions.map(\.set)
        return try VocabularyMerge.merge(base: versions[0], ours: versions[1], theirs: versions[2], read: loaded.parts)
    }

    static func text(_ result: MergeResult) throws -> String {
        String(decoding: try #require(result.files.first).bytes, as: UTF8.self)
    }

    /// The canonical text of the result's concept `id`, as the canonical writer writes it.
    static func canonical(_ id: String, in result: MergeResult) throws -> String {
        let document = VocabularyWriter.xml(for: try #require(result.vocabularies.first))
        let start = try #require(document.range(of: "  <concept id=\"\(id)\""))
        let end = try #require(document.range(of: "</concept>", range: start.upperBound..<document.endIndex))
        return String(document[start.lowerBound..<end.upperBound])
    }

    @Test func nothingChangedGivesOurFileByteForByte() throws {
        #expect(try Self.text(Self.merged(theirs: Self.ours)) == Self.ours)
    }

    @Test func aConceptTheyChangedIsTheOnlyOneWrittenAnew() throws {
        let theirs = Self.ours.replacingOccurrences(of: "<definition>B.</definition>", with: "<definition>Bee.</definition>")
        let result = try Self.merged(theirs: theirs)
        let changed =
            "\t<!-- b is ours -->\n\t<concept id=\"b\">\n\t\t<prefLabel>b</prefLabel>\n\t\t<definition>B.</definition>\n\t</concept>"
        let expected = Self.ours.replacingOccurrences(
            of: changed, with: "  <!-- b is ours -->\n" + (try Self.canonical("b", in: result)))
        #expect(try Self.text(result) == expected)
        // Its comment is written once, with it.
        #expect(try Self.text(result).components(separatedBy: "<!-- b is ours -->").count == 2)
    }

    @Test func aConceptTheyAddedFollowsItsNeighbourWithOurSpacing() throws {
        let added = "<concept id=\"a2\"><prefLabel>a twee</prefLabel></concept>"
        let theirs = Self.ours.replacingOccurrences(of: "</concept>\n\t<!--", with: "</concept>\n\(added)\n\t<!--")
        let result = try Self.merged(theirs: theirs)
        let expected = Self.ours.replacingOccurrences(
            of: "</concept>\n\t<!--", with: "</concept>\n\(try Self.canonical("a2", in: result))\n\t<!--")
        #expect(try Self.text(result) == expected)
    }

    /// A concept the merge builds from both sides' changes keeps our comments before the
    /// children they were written before, though the children around them changed.
    @Test func ourCommentsStayWithTheirChildrenInAMergedConcept() throws {
        let base = Self.ours.replacingOccurrences(
            of: "\t\t<prefLabel>b</prefLabel>", with: "\t\t<altLabel>bie</altLabel>\n\t\t<prefLabel>b</prefLabel>")
        // We comment on the name and the definition and add a scope note; they drop "bie".
        let ours = base.replacingOccurrences(
            of: "\t\t<prefLabel>b</prefLabel>\n\t\t<definition>B.</definition>",
            with: "\t\t<!-- the name -->\n\t\t<prefLabel>b</prefLabel>\n\t\t<!-- checked by the board -->\n"
                + "\t\t<definition>B.</definition>\n\t\t<scopeNote>Ook bee.</scopeNote>")
        let sources = [base, ours, Self.ours].map { [(path: "t.xml", bytes: Optional(Array($0.utf8)))] }
        let loaded = try VocabularyInput.loadVersions(sources: sources, strict: true, positions: .ofFirstReading)
        let sets = loaded.versions.map(\.set)
        let result = try VocabularyMerge.merge(base: sets[0], ours: sets[1], theirs: sets[2], read: loaded.parts)
        let expected = """
              <concept id="b">
                <!-- the name -->
                <prefLabel>b</prefLabel>
                <!-- checked by the board -->
                <definition>B.</definition>
                <scopeNote>Ook bee.</scopeNote>
              </concept>
            """
        let text = try Self.text(result)
        #expect(text.contains(expected), "\(text)")
    }

    /// A concept only they changed is taken as they wrote it, with the comments we wrote in it
    /// (by the definition whose text they changed); where we left the comments as they were,
    /// theirs are kept (they may have edited them).
    @Test(arguments: [true, false])
    func aConceptTheyChangedKeepsTheCommentsWeWrote(weCommented: Bool) throws {
        let commented = Self.ours.replacingOccurrences(
            of: "\t\t<definition>B.</definition>", with: "\t\t<!-- checked by the board -->\n\t\t<definition>B.</definition>")
        let base = weCommented ? Self.ours : commented
        let theirs = base.replacingOccurrences(of: "<definition>B.</definition>", with: "<definition>Bee.</definition>")
            .replacingOccurrences(of: "checked by the board", with: "checked by them")
        let sources = [base, commented, theirs].map { [(path: "t.xml", bytes: Optional(Array($0.utf8)))] }
        let loaded = try VocabularyInput.loadVersions(sources: sources, strict: true, positions: .ofFirstReading)
        let sets = loaded.versions.map(\.set)
        let text = try Self.text(VocabularyMerge.merge(base: sets[0], ours: sets[1], theirs: sets[2], read: loaded.parts))
        let comment = weCommented ? "checked by the board" : "checked by them"
        #expect(
            text.contains(
                "  <concept id=\"b\">\n    <prefLabel>b</prefLabel>\n    <!-- \(comment) -->\n    <definition>Bee.</definition>"),
            "\(text)")
    }

    /// Where only they edited a concept's comments, their comments are kept: in a concept
    /// that says what it said, and in one both sides changed (built from both).
    @Test(arguments: [false, true])
    func theirCommentEditsAreKept(weChangedItToo: Bool) throws {
        let base = Self.ours.replacingOccurrences(
            of: "\t\t<definition>B.</definition>", with: "\t\t<!-- checked by the board -->\n\t\t<definition>B.</definition>")
        let ours =
            weChangedItToo
            ? base.replacingOccurrences(of: "<definition>B.</definition>", with: "<definition>Bee.</definition>") : base
        let commentedByThem = base.replacingOccurrences(of: "checked by the board", with: "checked by them")
        let theirs =
            weChangedItToo
            ? commentedByThem.replacingOccurrences(
                of: "\t\t<prefLabel>b</prefLabel>", with: "\t\t<prefLabel>b</prefLabel>\n\t\t<altLabel>bie</altLabel>")
            : commentedByThem
        let sources = [base, ours, theirs].map { [(path: "t.xml", bytes: Optional(Array($0.utf8)))] }
        let loaded = try VocabularyInput.loadVersions(sources: sources, strict: true, positions: .ofFirstReading)
        let sets = loaded.versions.map(\.set)
        let text = try Self.text(VocabularyMerge.merge(base: sets[0], ours: sets[1], theirs: sets[2], read: loaded.parts))
        #expect(text.contains("<!-- checked by them -->") && !text.contains("checked by the board"), "\(text)")
        #expect(text.contains("<altLabel>bie</altLabel>") == weChangedItToo && text.contains(weChangedItToo ? "Bee." : "B."))
    }

    /// A file whose lines end in CR LF, or in a lone CR, keeps them, in what is written anew too.
    @Test(arguments: ["\r\n", "\r"])
    func lineEndsAreKept(_ lineEnd: String) throws {
        let ours = Self.ours.replacingOccurrences(of: "\n", with: lineEnd)
        let theirs = ours.replacingOccurrences(of: "<definition>B.</definition>", with: "<definition>Bee.</definition>")
        let text = try Self.text(Self.merged(ours: ours, theirs: theirs))
        #expect(text.contains("Bee.") && text.hasPrefix(ours.prefix(200)))
        #expect(text.hasSuffix("</concept>\(lineEnd)</vocabulary>\(lineEnd)"))
        let otherLineEnds = text.replacingOccurrences(of: lineEnd, with: "").utf8.filter { $0 == 10 || $0 == 13 }
        #expect(otherLineEnds.isEmpty, "a line ends otherwise")
    }

    /// Where our layout cannot be kept (a comment before the first concept could be the
    /// scheme's), the canonical layout ends its lines as our file does.
    @Test(arguments: ["\r\n", "\r"])
    func lineEndsAreKeptInTheCanonicalLayout(_ lineEnd: String) throws {
        let ours = Self.ours.replacingOccurrences(of: "\t<concept id=\"a\">", with: "\t<!-- a -->\n\t<concept id=\"a\">")
            .replacingOccurrences(of: "\n", with: lineEnd)
        let theirs = ours.replacingOccurrences(of: "<definition>B.</definition>", with: "<definition>Bee.</definition>")
        let text = try Self.text(Self.merged(ours: ours, theirs: theirs))
        #expect(text.contains("Bee.") && !text.contains("\t"), "written in the canonical layout")
        #expect(text.hasSuffix("</vocabulary>\(lineEnd)"))
        let otherLineEnds = text.replacingOccurrences(of: lineEnd, with: "").utf8.filter { $0 == 10 || $0 == 13 }
        #expect(otherLineEnds.isEmpty, "a line ends otherwise")
    }

    /// With every concept gone, the scheme's start meets our end as in the canonical layout.
    @Test func aResultWithoutConceptsEndsAsTheCanonicalWriterEndsIt() throws {
        let title = try #require(Self.ours.range(of: "<title>Test</title>"))
        let theirs = Self.ours[..<title.upperBound] + "\n</vocabulary>\n"
        let result = try Self.merged(theirs: String(theirs))
        #expect(try Self.text(result) == String(theirs))
    }

    /// A comment after a concept's end tag, on its line, is the next concept's: when the
    /// concept before it is written anew, the comment starts a line of its own, indented as
    /// the concept it belongs to.
    @Test func aCommentOnThePreviousLineKeepsTheIndentationOfItsConcept() throws {
        let ours = Self.ours.replacingOccurrences(of: "</concept>\n\t<!-- b is ours -->", with: "</concept> <!-- b is ours -->")
        let theirs = ours.replacingOccurrences(of: "<definition>A.</definition>", with: "<definition>Aa.</definition>")
        let result = try Self.merged(ours: ours, theirs: theirs)
        let a = try Self.canonical("a", in: result)
        #expect(try Self.text(result).contains(a + "\n\t<!-- b is ours -->\n\t<concept id=\"b\">"))
        // First in the result, it starts the line after the scheme's start, indented too.
        let conceptA = "\t<concept id=\"a\"><prefLabel>a</prefLabel><definition>A.</definition></concept> "
        #expect(ours.contains(conceptA))
        let first = try Self.merged(ours: ours, theirs: ours.replacingOccurrences(of: conceptA, with: "\t"))
        #expect(try Self.text(first).contains("<title>Test</title>\n\t<!-- b is ours -->\n\t<concept id=\"b\">"))
        // Kept next to its neighbour, it stays where it was.
        #expect(try Self.text(Self.merged(ours: ours, theirs: ours)) == ours)
    }

    @Test(arguments: ["a", "c"])
    func aConceptTheyRemovedLeavesTheRestAsItWas(_ id: String) throws {
        let line =
            "\t<concept id=\"\(id)\"><prefLabel>\(id)</prefLabel>\(id == "a" ? "<definition>A.</definition>" : "")</concept>\n"
        let theirs = Self.ours.replacingOccurrences(of: line, with: "")
        #expect(try Self.text(Self.merged(theirs: theirs)) == theirs)
    }

    /// What our file's start and end say, or what the canonical bytes of a concept would mean
    /// in it, decides: the whole result is then written in the canonical layout.
    @Test func aRootThatDeclaresOtherwiseGivesTheCanonicalLayout() throws {
        // A namespace declared on our root only: a concept written anew is read under another root.
        let ours = Self.ours.replacingOccurrences(of: "format=\"1\"", with: "format=\"1\" xmlns:x=\"urn:x\"")
        let theirs = ours.replacingOccurrences(of: "<definition>B.</definition>", with: "<definition>Bee.</definition>")
        let result = try Self.merged(ours: ours, theirs: theirs)
        #expect(try #require(result.files.first).bytes == VocabularyWriter.bytes(for: try #require(result.vocabularies.first)))
        // With nothing to write anew, our start is kept whatever it declares.
        #expect(try Self.text(Self.merged(ours: ours, theirs: ours)) == ours)
    }

    /// What follows our root element (a licence note, an editor's mark) stays after it, in
    /// our layout and in the canonical one (a namespace declared on our root only).
    @Test(arguments: [false, true])
    func whatFollowsOurRootStays(canonical: Bool) throws {
        var ours = Self.ours + "<!-- licence: CC BY 4.0 -->\n<?editor-mark?>\n"
        if canonical { ours = ours.replacingOccurrences(of: "format=\"1\"", with: "format=\"1\" xmlns:x=\"urn:x\"") }
        let theirs = ours.replacingOccurrences(of: "<definition>B.</definition>", with: "<definition>Bee.</definition>")
        let text = try Self.text(Self.merged(ours: ours, theirs: theirs))
        let end = "</vocabulary>\n<!-- licence: CC BY 4.0 -->\n<?editor-mark?>\n"
        #expect(text.contains("Bee.") && text.hasSuffix(end), "\(text)")
        // Our layout indents with tabs; the canonical one with spaces.
        #expect(text.contains("\n\t<concept id=\"a\">") == !canonical)
    }

    /// They changed what the scheme says of itself: the start is written anew, the concepts stay.
    @Test func aSchemeTheyChangedGetsANewHeadAndKeepsOurConcepts() throws {
        let theirs = Self.ours.replacingOccurrences(of: "<title>Test</title>", with: "<title>Toets</title>")
        let text = try Self.text(Self.merged(theirs: theirs))
        let concepts = try #require(Self.ours.range(of: "\t<concept id=\"a\">"))
        #expect(text.hasSuffix(Self.ours[concepts.lowerBound...]))
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\""))
        #expect(text.contains("  <title>Toets</title>\n\n\t<concept id=\"a\">") && !text.contains("Test<"))
    }

    /// Ours' comment edits are ours, whatever path the versions were read from.
    @Test func ourCommentsAreKeptWhenTheVersionsShareAPath() throws {
        let ours = Self.ours.replacingOccurrences(of: "b is ours", with: "b is ours, said again")
        let sources = [Self.ours, ours, Self.ours].map { [(path: "t.xml", bytes: Optional(Array($0.utf8)))] }
        let loaded = try VocabularyInput.loadVersions(sources: sources, strict: true, positions: .ofFirstReading)
        let sets = loaded.versions.map(\.set)
        let result = try VocabularyMerge.merge(base: sets[0], ours: sets[1], theirs: sets[2], read: loaded.parts)
        #expect(try Self.text(result) == ours)
    }

    /// Comments before our first concept cannot be told from the scheme's: canonical layout.
    @Test func commentsBeforeTheFirstConceptGiveTheCanonicalLayout() throws {
        let ours = Self.ours.replacingOccurrences(of: "\t<concept id=\"a\">", with: "\t<!-- a -->\n\t<concept id=\"a\">")
        let result = try Self.merged(ours: ours, theirs: ours)
        #expect(try #require(result.files.first).bytes == VocabularyWriter.bytes(for: try #require(result.vocabularies.first)))
    }

    /// A scheme written in our layout that does not read back as merged (here a plan that
    /// claims b is kept as we wrote it, though it changed) is written in the canonical layout.
    @Test func aLayoutThatDoesNotReadBackGivesTheCanonicalLayout() throws {
        let loaded = try VocabularyInput.loadVersions(
            sources: [[(path: "ours.xml", bytes: Optional(Array(Self.ours.utf8)))]], strict: true,
            positions: .ofFirstReading)
        var parts = loaded.parts
        parts.noteVersions(fileCounts: [0, 1])
        let ours = loaded.versions[0].set.vocabularies[0]
        let file = try #require(parts.file(readAs: "ours.xml", inVersion: 1))
        let layout = try #require(OurFileLayout(file, of: ours))
        var merged = ours
        merged.concepts[1].notes[0].text = "Bee."
        let plan = OurLayoutPlan(layout: layout, kept: [0, 1, 2], newHead: false)
        #expect(String(decoding: try #require(plan.bytes(of: merged)), as: UTF8.self) == Self.ours)
        let files = try ReadBack.verify(
            [merged], writings: [SchemeWriting(ourLayout: plan, lineEnding: layout.lineEnding)], after: parts)
        #expect(files.map(\.bytes) == [VocabularyWriter.bytes(for: merged)])
    }

    /// Without what was read (the library called with sets only), the result is canonical.
    @Test func setsAloneGiveTheCanonicalLayout() throws {
        let set = try load([("ours.xml", Self.ours)])
        let result = try VocabularyMerge.merge(base: set, ours: set, theirs: set)
        #expect(try #require(result.files.first).bytes == VocabularyWriter.bytes(for: set.vocabularies[0]))
    }
}
