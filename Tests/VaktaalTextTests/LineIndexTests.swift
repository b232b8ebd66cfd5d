import Testing
import VaktaalTestSupport
import VaktaalText

@Suite struct LineIndexTests {
    @Test(arguments: [
        ("a\nb", 2, 1), ("a\r\nb", 2, 1), ("a\rb", 2, 1), ("a\r\rb", 3, 1), ("a\n\rb", 3, 1), ("é😀x", 1, 3),
    ])
    func everyLineEndCountsOnce(_ text: String, line: Int, column: Int) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var index = LineIndex(bytes: buffer)
            #expect(index.position(at: buffer.count - 1) == SourcePosition(line: line, column: column))
        }
    }

    @Test func lineBoundsStopAtEveryKindOfLineEnd() {
        let bytes = Array("one\rtwo\r\nthree".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(LineIndex.lineBounds(around: 5, in: buffer) == 4..<7)
            #expect(LineIndex.lineBounds(around: 12, in: buffer) == 9..<14)
            #expect(LineIndex.lineBounds(around: 0, in: buffer) == 0..<3)
        }
    }

    @Test func steppingBackGivesTheSamePositionsAsAFreshScan() {
        let text = Array("ab\ncé\r\nfg\rh😀i\n\nj".utf8)
        text.withUnsafeBufferPointer { buffer in
            func fresh(_ offset: Int) -> SourcePosition {
                var tracker = LineIndex(bytes: buffer)
                return tracker.position(at: offset)
            }
            var tracker = LineIndex(bytes: buffer)
            for offset in stride(from: buffer.count, through: 0, by: -1) {
                _ = tracker.position(at: buffer.count)
                #expect(tracker.position(at: offset) == fresh(offset), "offset \(offset)")
            }
        }
    }

    /// A position between a carriage return and its line feed, then one far on: the line
    /// feed the long stretch starts with ends no line of its own.
    @Test func aLongStretchFromBetweenACarriageReturnAndItsLineFeed() {
        let text = Array(("ab\r\n" + String(repeating: "cd\n", count: 100) + "é").utf8)
        text.withUnsafeBufferPointer { buffer in
            var index = LineIndex(bytes: buffer)
            #expect(index.position(at: 3) == SourcePosition(line: 2, column: 1))
            #expect(index.position(at: buffer.count) == SourcePosition(line: 102, column: 2))
        }
    }

    @Test func shortStepsBackWithinALineAndAcrossLineEnds() {
        let text = Array("<a x=\"é\"/><b>😀</b>\r\n<c/>\n\rd".utf8)
        text.withUnsafeBufferPointer { buffer in
            func fresh(_ offset: Int) -> SourcePosition {
                var tracker = LineIndex(bytes: buffer)
                return tracker.position(at: offset)
            }
            for later in 0...buffer.count {
                for earlier in 0...later {
                    var tracker = LineIndex(bytes: buffer)
                    _ = tracker.position(at: later)
                    #expect(tracker.position(at: earlier) == fresh(earlier), "\(later) back to \(earlier)")
                }
            }
        }
    }
}

/// A carriage return and line feed is one line end wherever the pair falls against the
/// eight-byte words the counting reads.
@Test(arguments: 0..<16)
func aCarriageReturnLineFeedAtEveryOffsetIsOneLineEnd(offset: Int) {
    let text = String(repeating: "a", count: offset) + "\r\n" + String(repeating: "b", count: 20) + "\r\n" + "c"
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { buffer in
        var index = LineIndex(bytes: buffer)
        #expect(index.position(at: offset + 2) == SourcePosition(line: 2, column: 1))
        #expect(index.position(at: buffer.count - 1) == SourcePosition(line: 3, column: 1))
        #expect(index.position(at: buffer.count) == SourcePosition(line: 3, column: 2))
    }
}

/// Line ends counted in two adjoining ranges add up to those of the whole, wherever the
/// cut falls (between a carriage return and its line feed too): a file read in pieces
/// relies on it.
@Test(arguments: [
    ("een\r\ntwee\rdrie\n\r\nvier vijf zes zeven acht\r\n\r\nnegen\n", 7),
    // Long ranges are counted in bulk when they hold no carriage return.
    (String(repeating: "x", count: 300) + "\r\n" + String(repeating: "y\n", count: 200), 201),
])
func lineEndsOfAdjoiningRangesAddUp(_ text: String, lineEnds: Int) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { buffer in
        let index = LineIndex(bytes: buffer)
        let whole = index.lineEnds(in: 0..<buffer.count)
        #expect(whole == lineEnds)
        for cut in 0...buffer.count {
            #expect(index.lineEnds(in: 0..<cut) + index.lineEnds(in: cut..<buffer.count) == whole, "cut at \(cut)")
        }
    }
}

/// Positions counted in bulk agree with counting byte by byte, on random texts of line
/// ends of every kind and multibyte characters, visited forwards and backwards.
@Suite struct LineIndexAgreementTests {
    static func naive(_ bytes: [UInt8], _ target: Int) -> SourcePosition {
        var line = 1
        var column = 1
        for index in 0..<target {
            switch bytes[index] {
            case 0x0A:
                if index == 0 || bytes[index - 1] != 0x0D { line += 1 }
                column = 1
            case 0x0D:
                line += 1
                column = 1
            case let byte where byte & 0xC0 != 0x80: column += 1
            default: break
            }
        }
        return SourcePosition(line: line, column: column)
    }

    /// Short steps forward (terms on one line) find the last line end they pass wherever it
    /// falls against the eight-byte words read back from the step's end.
    @Test(arguments: 0..<16)
    func shortStepsForwardFindTheLastLineEndAtEveryOffset(offset: Int) {
        let text = String(repeating: "a", count: offset) + "\r" + String(repeating: "b", count: 9) + "\n\ré😀" + "\r\nc"
        let bytes = Array(text.utf8)
        let boundaries = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
        bytes.withUnsafeBufferPointer { buffer in
            for step in 1...10 {
                var index = LineIndex(bytes: buffer)
                for target in stride(from: 0, to: boundaries.count, by: step).map({ boundaries[$0] }) {
                    #expect(index.position(at: target) == Self.naive(bytes, target), "step \(step) to \(target)")
                }
            }
        }
    }

    /// A step from any offset to any later one of a line of 40 bytes with one line end finds
    /// that line end wherever it falls: in the later or the earlier half of a sixteen-byte
    /// chunk read back from the step's end, in the eight bytes left before the chunks, or in
    /// the last few bytes read one by one.
    @Test(arguments: ["\n", "\r"])
    func everyStepFindsTheLastLineEndWhereverItFalls(lineEnd: String) {
        for place in 0..<40 {
            let bytes = Array((String(repeating: "a", count: place) + lineEnd + String(repeating: "b", count: 39 - place)).utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for from in 0...bytes.count {
                    for to in from...bytes.count {
                        var index = LineIndex(bytes: buffer)
                        _ = index.position(at: from)
                        #expect(index.position(at: to) == Self.naive(bytes, to), "line end at \(place), \(from) to \(to)")
                    }
                }
            }
        }
    }

    /// Every range of a text of line ends and multibyte characters starts and ends where
    /// counting byte by byte puts them, up to the buffer's last byte (where eight bytes
    /// cannot be read at once), and the index goes on from there as from a fresh scan.
    @Test func everyRangeEndsWhereCountingByteByByteEndsIt() {
        let text =
            "ab😀c\r\néé xyz\nde mentor en de feedbackgeletterheid ëëëë "
            + String(repeating: "werkplek ", count: 9) + "\rz😀é"
        let bytes = Array(text.utf8)
        let boundaries = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
        bytes.withUnsafeBufferPointer { buffer in
            for from in boundaries {
                for to in boundaries where to >= from {
                    var index = LineIndex(bytes: buffer)
                    let range = index.range(of: from..<to)
                    #expect(range.start == Self.naive(bytes, from) && range.end == Self.naive(bytes, to), "\(from)..<\(to)")
                    #expect(index.position(at: bytes.count) == Self.naive(bytes, bytes.count), "after \(from)..<\(to)")
                }
            }
        }
    }

    /// Long stretches are counted in pieces of a few hundred bytes: a text of long lines (line feeds
    /// only, or with one carriage return pair far on) agrees wherever its line ends and
    /// multibyte characters fall against the pieces, stepped through forwards.
    @Test(arguments: [(0, false), (1, false), (2, true), (3, true), (4, false)])
    func longStretchesAgreeWithCountingByteByByte(seed: Int, withCarriageReturn: Bool) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let pieces = ["a", "woorden ", "é", "😀", "\n", "een langere regel met woorden en nog wat meer woorden "]
        var text = (0..<600).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        if withCarriageReturn { text += "\r\n" + text }
        let bytes = Array(text.utf8)
        let boundaries = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
        bytes.withUnsafeBufferPointer { buffer in
            var index = LineIndex(bytes: buffer)
            var place = 0
            while place < boundaries.count {
                let target = boundaries[place]
                #expect(index.position(at: target) == Self.naive(bytes, target), "at \(target)")
                place += 1 + Int(generator.next() % 700)
            }
        }
    }

    /// Pieces counted at once hold as many line feeds or continuation bytes as they have
    /// bytes: a count per piece that overflowed a byte would show here.
    @Test(arguments: [
        (String(repeating: "\n", count: 1000), SourcePosition(line: 1001, column: 1)),
        (String(repeating: "😀", count: 300), SourcePosition(line: 1, column: 301)),
        ("a\n" + String(repeating: "😀", count: 300), SourcePosition(line: 2, column: 301)),
    ])
    func piecesFullOfWhatIsCountedDoNotOverflow(_ text: String, end: SourcePosition) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var index = LineIndex(bytes: buffer)
            #expect(index.position(at: buffer.count) == end)
            #expect(index.lineEnds(in: 0..<buffer.count) == end.line - 1)
        }
    }

    @Test(arguments: 0..<20)
    func bulkCountingAgreesWithCountingByteByByte(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        // Long stretches without a carriage return are counted a word at a time, others byte by byte.
        let pieces = [
            "a", "bc ", "\n", "\r\n", "\r", "é", "😀", "\r\n\r\n", "  ", "een regel zonder einde ", "ééé\nèèè\n",
            "\n\n\n\n\n\n\n\n\n", "woorden en nog meer woorden\n",
        ]
        let text = (0..<300).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        let bytes = Array(text.utf8)
        // Targets on character boundaries, in random order: forwards and backwards.
        let boundaries = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
        bytes.withUnsafeBufferPointer { buffer in
            var index = LineIndex(bytes: buffer)
            for _ in 0..<100 {
                let target = boundaries[Int(generator.next() % UInt64(boundaries.count))]
                #expect(index.position(at: target) == Self.naive(bytes, target), "at \(target) of \(text.debugDescription)")
            }
        }
    }
}
