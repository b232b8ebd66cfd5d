import Testing
import VaktaalCore
import VaktaalTestSupport

@testable import VaktaalLint

/// The scan counts a use itself unless it is handed over (``FileNamesAndPaths/handedOverUses``):
/// a use it counts must be one the linter tells is in no file name or path.
@Suite struct PathHandOverTests {
    /// Random texts of letters, white space and control bytes, brackets, quotes, non-ASCII
    /// letters, the punctuation of sentences and paths, now and then with a run of dots
    /// longer than the stretch a path is looked for in, each in a random range of it: every
    /// word the scan would count is in no path. Among them are many that it counts only by
    /// the exception for the end of a sentence (next to a dot), some before such a run.
    @Test func aUseTheScanCountsIsInNoPath() {
        let alphabet = Array("ab .//\\..,;:!?()[]<>{}|`\"'\n\t\u{1}\u{7F}-_~0".utf8) + [0xC3, 0xA9]
        let withoutException = HandedOverUses.nextTo(FileNamesAndPaths.joiningBytes)
        var generator = SeededGenerator(seed: 51)
        var (counted, handedOver, countedByException, countedBeforeLongRun) = (0, 0, 0, 0)
        for _ in 0..<20_000 {
            var bytes = (0..<Int.random(in: 1...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            // The range starts in the first quarter and ends in the last; a run of dots goes
            // in after its start, so that words before the run lie in the range.
            let lower = Int.random(in: 0...bytes.count / 4, using: &generator)
            let shortTail = bytes.count / 4
            var longRun: Range<Int>?
            if Int.random(in: 0..<25, using: &generator) == 0 {
                let place = Int.random(in: lower...bytes.count, using: &generator)
                bytes.insert(contentsOf: repeatElement(UInt8(ascii: "."), count: 600), at: place)
                longRun = place..<place + 600
            }
            let range = lower..<Int.random(in: max(lower, bytes.count - shortTail)...bytes.count, using: &generator)
            bytes.withUnsafeBufferPointer { text in
                // Each ASCII word of the range: a run of letters and digits.
                var start = range.lowerBound
                while start < range.upperBound {
                    guard Tokenizer.isASCIIWordByte(text[start]) else {
                        start += 1
                        continue
                    }
                    var end = start
                    while end < range.upperBound, Tokenizer.isASCIIWordByte(text[end]) { end += 1 }
                    if FileNamesAndPaths.handedOverUses.handsOver(start, end, in: text, range) {
                        handedOver += 1
                    } else {
                        counted += 1
                        if withoutException.handsOver(start, end, in: text, range) {
                            countedByException += 1
                            if longRun?.lowerBound == end { countedBeforeLongRun += 1 }
                        }
                        #expect(
                            !FileNamesAndPaths.contains(start..<end, in: text, bounds: range),
                            "\(String(decoding: text[range], as: UTF8.self).debugDescription) at \(start)..<\(end)")
                    }
                    start = end
                }
            }
        }
        #expect(counted > 1000 && handedOver > 1000)
        #expect(countedByException > 300)
        #expect(countedBeforeLongRun > 10)
    }

    /// The document's uses of a label are every use outside a file name, wherever its sentence
    /// ends: those the scan counts itself (at a sentence's end too) and those it hands over
    /// alike. That the scan, not the linter, counts the sentence-final ones is the matcher's
    /// test (``WordMatchMemoTests``, `sentenceEndsCounted`).
    @Test func theUsesOfALabelAreCountedWhereverItsSentenceEnds() throws {
        let piece =
            "De werkplekbegeleider komt. Wie is de werkplekbegeleider. (de werkplekbegeleider.) "
            + "\"werkplekbegeleider.\" zie werkplekbegeleider.md of docs/werkplekbegeleider.\n"
        let text = String(repeating: piece, count: 400)
        let linter = dutchLinter
        let document = try DocumentReaders.reader(for: .text).read(Array(text.utf8), options: linter.options.reading)
        let terms = document.text.withUnsafeBufferPointer { bytes in
            Linter.foundTerms(in: document, bytes, linter.matcher, languages: linter.matcher.languages(["nl"]))
        }
        let use = try #require(terms.terms.first.map { LabelUse($0.entry) })
        #expect(terms.terms.first?.text == "werkplekbegeleider")
        // Five a line: all but the file name (after a slash a word is prose unless the
        // stretch is a path: "docs/werkplekbegeleider." is handed over and found to be none).
        #expect(terms.uses[use] == 5 * 400)
    }
}
