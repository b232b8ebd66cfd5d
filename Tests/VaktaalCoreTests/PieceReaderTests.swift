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
        #expect(Self.same(Self.fixtureBytes, pieces: pieces))
    }

    @Test func windowsLineEndsAndCommentsBetweenConceptsKeepTheirPlaces() {
        var text = String(decoding: Self.fixtureBytes, as: UTF8.self)
        text = text.replacingOccurrences(
            of: "</concept>\n\n  <concept id=\"instituutsopleider\"",
            with: "</concept>\n<!-- x\n</concept>\n<concept -->\n  <concept id=\"instituutsopleider\"")
        #expect(Self.same(Array(text.utf8), pieces: 5))
        #expect(Self.same(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), pieces: 5))
    }

    @Test func aFileWithProblemsGivesTheSameDiagnostics() {
        var text = String(decoding: Self.fixtureBytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "<concept id=\"stagementor\"", with: "<concept id=\"stagementor\" bogus=\"1\"")
        #expect(Self.same(Array(text.utf8), pieces: 4))
        let broken = text.replacingOccurrences(of: "</definition>", with: "", options: [], range: text.range(of: "</definition>"))
        #expect(Self.same(Array(broken.utf8), pieces: 4))
    }
}
