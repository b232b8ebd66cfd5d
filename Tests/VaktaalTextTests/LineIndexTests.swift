import Testing
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
