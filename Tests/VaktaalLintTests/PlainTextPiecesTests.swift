import Foundation
import Testing
import VaktaalCore
import VaktaalText

@testable import VaktaalLint

/// A long plain text is read in pieces of whole lines on all cores: it must read as one
/// pass over the whole text reads it.
@Suite struct PlainTextPiecesTests {
    static let lines = [
        "De mentor helpt de student.", "Zie https://www.hva.nl/mentor/plan.docx of www.mentor.nl.",
        "Mail mentor@hva.nl, of (www.inholland.nl).", "vaktaal-disable-next-line deprecated-term",
        "De mentor mag hier.", "",
    ]

    /// The lines repeated to more than `pieces` pieces, with a line longer than a piece in the
    /// middle (no cut can fall in it), and no line feed at the end.
    static func text(pieces: Int) -> [UInt8] {
        var text = Array("\u{FEFF}".utf8)
        while text.count < pieces * PlainTextReader.pieceSize {
            for line in lines { text += Array(line.utf8) + [0x0A] }
            if text.count > pieces * PlainTextReader.pieceSize / 2, text.count < pieces * PlainTextReader.pieceSize / 2 + 1000 {
                text += Array(repeating: UInt8(ascii: "m"), count: PlainTextReader.pieceSize + 10) + [0x0A]
            }
        }
        return text + Array("mentor@hva.nl".utf8)
    }

    @Test func piecesAreWholeLinesThatCoverTheText() {
        let text = Self.text(pieces: 5)
        let pieces = text.withUnsafeBufferPointer { PlainTextReader.pieces(of: 3..<$0.count, in: $0) }
        #expect(pieces.count >= 3)
        #expect(pieces.first?.lowerBound == 3 && pieces.last?.upperBound == text.count)
        #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && text[$0.upperBound - 1] == 0x0A })
        let noLineFeed = [UInt8](repeating: 0x61, count: 3 * PlainTextReader.pieceSize)
        #expect(noLineFeed.withUnsafeBufferPointer { PlainTextReader.pieces(of: 0..<$0.count, in: $0) }.count == 1)
    }

    /// A segment's context is its lines, reaching a bounded way into a long line and ending
    /// on whole scalars (the rest of a line of a million characters is not read per segment).
    @Test func theContextOfASegmentIsItsLinesWithinReach() {
        let line = "de https://x.org IPabo https://y.org eind"
        let text = Array("kop\n\(line)\nvolgende".utf8)
        let segment = 20..<27  // " IPabo "
        #expect(String(decoding: text[segment], as: UTF8.self) == " IPabo ")
        #expect(text.withUnsafeBufferPointer { PlainTextReader.lines(around: segment, in: $0) } == 4..<4 + line.utf8.count)
        let long = Array((String(repeating: "é", count: 600) + " IPabo " + String(repeating: "ü", count: 600)).utf8)
        let start = 1200
        let context = long.withUnsafeBufferPointer { PlainTextReader.lines(around: start..<start + 7, in: $0) }
        #expect(
            start - context.lowerBound <= PlainTextReader.contextReach
                && context.upperBound - start - 7 <= PlainTextReader.contextReach)
        #expect(long[context.lowerBound] & 0xC0 != 0x80 && long[context.upperBound] & 0xC0 != 0x80)
        #expect(String(validating: long[context], as: UTF8.self) != nil)
    }

    @Test func aLineFeedThatEndsTheTextLeavesNoEmptyPiece() {
        let text = [UInt8](repeating: 0x61, count: 3 * PlainTextReader.pieceSize) + [0x0A]
        #expect(text.withUnsafeBufferPointer { PlainTextReader.pieces(of: 0..<$0.count, in: $0) } == [0..<text.count])
        let empty: [UInt8] = []
        #expect(empty.withUnsafeBufferPointer { PlainTextReader.pieces(of: 0..<0, in: $0) } == [0..<0])
    }

    /// Every line, and so every piece, starts with a link or an address.
    @Test func linksAndAddressesWherePiecesStartAreNoProse() throws {
        let lines = ["www.hva.nl is de site van de mentor", "mentor@hva.nl schrijft", "https://hva.nl/mentor leest"]
        var text: [UInt8] = []
        while text.count < 4 * PlainTextReader.pieceSize { for line in lines { text += Array(line.utf8) + [0x0A] } }
        let document = try PlainTextReader().read(text)
        let (prose, pieces) = text.withUnsafeBufferPointer {
            (LinksAndAddresses.prose(in: $0, range: 0..<$0.count), PlainTextReader.pieces(of: 0..<$0.count, in: $0))
        }
        #expect(pieces.count >= 3)
        #expect(document.segments.map(\.sourceRange) == prose)
        #expect(!document.segments.contains { pieces.map(\.lowerBound).contains($0.sourceRange.lowerBound) })
    }

    @Test func aBinaryFileIsBinaryWhateverElseItHolds() {
        var text = Self.text(pieces: 5)
        text[text.count / 2] = 0xFF
        text[100] = 0
        #expect(throws: DocumentProblem.binary) { try PlainTextReader().read(text) }
    }

    @Test func aLongTextReadsAsOnePassOverItReadsIt() throws {
        let text = Self.text(pieces: 5)
        let document = try PlainTextReader().read(text)
        let prose = text.withUnsafeBufferPointer { LinksAndAddresses.prose(in: $0, range: 3..<$0.count) }
        let segments = document.segments.map(\.sourceRange)
        #expect(segments.count == prose.count)
        // The first difference, not the whole lists: they hold thousands of ranges.
        let difference = zip(segments, prose).first { $0 != $1 }
        #expect(difference == nil, "\(String(describing: difference))")
        // Every directive, on the line it is on.
        let lineStarts = [0] + text.indices.filter { text[$0] == 0x0A }.map { $0 + 1 }
        let directiveLines = lineStarts.indices.filter { text[lineStarts[$0]...].starts(with: Array("vaktaal-".utf8)) }
        #expect(directiveLines.count > 1000)
        #expect(document.directives.map(\.line) == directiveLines.map { $0 + 1 })
    }

    @Test func theFirstInvalidByteIsReportedWhateverPieceItIsIn() throws {
        var text = Self.text(pieces: 5)
        let second = text.count / 2
        let third = 3 * text.count / 4
        text[third] = 0xFF
        #expect(throws: DocumentProblem.notUTF8(offset: third)) { try PlainTextReader().read(text) }
        text[second] = 0xFF
        #expect(throws: DocumentProblem.notUTF8(offset: second)) { try PlainTextReader().read(text) }
        // A scalar cut short by a line feed at the end of a piece.
        let pieces = text.withUnsafeBufferPointer { PlainTextReader.pieces(of: 3..<$0.count, in: $0) }
        let lastOfFirst = pieces[0].upperBound - 2
        text[lastOfFirst] = 0xE2
        #expect(throws: DocumentProblem.notUTF8(offset: lastOfFirst)) { try PlainTextReader().read(text) }
    }
}
