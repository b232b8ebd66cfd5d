import Foundation
import Testing
import VaktaalTestSupport

@testable import VaktaalCore

/// Reading a file in pieces gives exactly what reading it at once gives, positions included.
@Suite struct PieceReaderTests {
    static let fixtureBytes: [UInt8] = {
        let path = fixtureVocabularyFolder + "/lerarenopleiding.xml"
        return FileBytes.read(path) ?? []
    }()

    static func same(_ bytes: [UInt8], pieces: Int) -> Bool {
        let whole = VocabularyLoader.readWhole(bytes: SourceBytes(bytes), path: "v.xml")
        let cut = PieceReader.read(bytes: SourceBytes(bytes), path: "v.xml", pieces: pieces, smallest: 0)
        return cut.vocabulary == whole.vocabulary && cut.diagnostics == whole.diagnostics
    }

    @Test(arguments: [2, 3, 7, 40])
    func theFixtureInPiecesIsTheFixture(_ pieces: Int) {
        #expect(Self.fixtureBytes.count > 10_000)
        let cuts = PieceReader.cuts(SourceBytes(Self.fixtureBytes), pieces: pieces)?.cuts ?? []
        #expect(cuts.count == min(pieces - 1, 40) || pieces == 40 && cuts.count > 20, "the file is cut")
        let scanned = ConceptCuts(SourceBytes(Self.fixtureBytes))?.offsets ?? []
        #expect(cuts.allSatisfy(scanned.contains), "cuts found near their places are the scan's")
        #expect(Self.same(Self.fixtureBytes, pieces: pieces))
    }

    /// What follows the root element (a licence note, a processing instruction) is read from
    /// the last piece as from the whole file.
    @Test func whatFollowsTheRootIsReadFromTheLastPiece() throws {
        let text = String(decoding: Self.fixtureBytes, as: UTF8.self) + "<!-- licence -->\n<?editor-mark?>\n"
        #expect(Self.same(Array(text.utf8), pieces: 5))
        let cut = PieceReader.read(bytes: SourceBytes(Array(text.utf8)), path: "v.xml", pieces: 5, smallest: 0)
        #expect(cut.vocabulary?.epilogComments == [" licence "])
        #expect(cut.vocabulary?.epilogInstructions.map(\.target) == ["editor-mark"])
    }

    @Test func windowsLineEndsAndCommentsBetweenConceptsKeepTheirPlaces() {
        var text = String(decoding: Self.fixtureBytes, as: UTF8.self)
        text = text.replacingOccurrences(
            of: "</concept>\n\n  <concept id=\"instituutsopleider\"",
            with: "</concept>\n<!-- x\n</concept>\n<concept -->\n  <concept id=\"instituutsopleider\"")
        #expect(Self.same(Array(text.utf8), pieces: 5))
        #expect(Self.same(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), pieces: 5))
    }

    /// Cuts are looked for only near each piece's share of the file, so in its second half
    /// most land in markup here (a comment, a CDATA section, an element of another namespace
    /// that holds concepts): a piece then ends in open markup, and the file is cut again where
    /// a scan says (or read whole), with the same result.
    ///
    /// A trap inside a concept (the last case) leaves the scan's cuts between concepts as
    /// they were: the file is read in pieces again, cut there.
    @Test(arguments: [
        ("</concept>\n", "</concept>\n<!--\n</concept>\n  <concept id=\"x\"> -->\n"),
        ("</concept>\n", "</concept>\n<x:e xmlns:x=\"urn:x\">\n<concept id=\"x\">\n</concept>\n  <concept id=\"y\"/>\n</x:e>\n"),
        ("</concept>\n", "</concept>\n<x:e xmlns:x=\"urn:x\"><![CDATA[\n</concept>\n  <concept id=\"x\">]]></x:e>\n"),
        ("</definition>", "<![CDATA[\n</concept>\n  <concept id=\"x\">]]></definition>"),
    ])
    func cutsThatFallInMarkupGiveTheSameResult(_ written: String, _ trap: String) throws {
        let text = String(decoding: Self.fixtureBytes, as: UTF8.self)
        let half = text.index(text.startIndex, offsetBy: text.count / 2)
        let secondHalf = text[half...].replacingOccurrences(of: written, with: trap)
        let trapped = Array((text[..<half] + secondHalf).utf8)
        let scanned = try #require(ConceptCuts(SourceBytes(trapped))).offsets
        let nearby = try #require(PieceReader.cuts(SourceBytes(trapped), pieces: 7)).cuts
        let firstHalf = nearby.filter { $0 < text.utf8.distance(from: text.startIndex, to: half) }
        #expect(!firstHalf.isEmpty && firstHalf.allSatisfy(scanned.contains), "cuts before the traps are the scan's")
        #expect(!nearby.allSatisfy(scanned.contains), "some cut falls in the markup")
        #expect(Self.same(trapped, pieces: 7))
    }

    @Test func aFileWithProblemsGivesTheSameDiagnostics() {
        var text = String(decoding: Self.fixtureBytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "<concept id=\"stagementor\"", with: "<concept id=\"stagementor\" bogus=\"1\"")
        #expect(Self.same(Array(text.utf8), pieces: 4))
        let broken = text.replacingOccurrences(of: "</definition>", with: "", options: [], range: text.range(of: "</definition>"))
        #expect(Self.same(Array(broken.utf8), pieces: 4))
    }

    /// A file of a megabyte or more is mapped, not read: it reads as its bytes in memory do,
    /// whole and in pieces, diagnostics and their positions included.
    @Test(arguments: [false, true])
    func aMappedFileReadsAsItsBytes(withAProblem: Bool) throws {
        let concepts = (0..<6_000).map { index in
            "  <concept id=\"c\(index)\"\(withAProblem && index == 4_321 ? " bogus=\"1\"" : "")>\n"
                + "    <prefLabel>begrip \(index)</prefLabel>\n    <altLabel>synoniem \(index)</altLabel>\n"
                + "    <definition>Het begrip met nummer \(index), met een uitleg van een regel.</definition>\n  </concept>\n"
        }
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\" format=\"1\" "
            + "id=\"groot\" uri=\"https://example.org/groot/\" xml:lang=\"nl\">\n" + concepts.joined(separator: "\n")
            + "</vocabulary>\n"
        let path = try scratchFolder("mapped") + "/groot.xml"
        try AtomicFile.write(text, to: path)
        let mapped = try #require(FileBytes.contents(path))
        #expect(mapped.isMapped)
        let fromFile = VocabularyLoader.read(file: path)
        let fromBytes = VocabularyLoader.read(bytes: Array(text.utf8), path: path)
        let inPieces = PieceReader.read(bytes: mapped, path: path, pieces: 4, smallest: 0)
        #expect(fromFile.vocabulary == fromBytes.vocabulary)
        #expect(fromFile.diagnostics == fromBytes.diagnostics)
        #expect(inPieces.vocabulary == fromBytes.vocabulary)
        #expect(inPieces.diagnostics == fromBytes.diagnostics)
        #expect(fromFile.vocabulary?.concepts.count == 6_000)
        #expect(fromFile.diagnostics.count == (withAProblem ? 1 : 0))
    }
}
