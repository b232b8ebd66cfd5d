import Testing
import VaktaalCore

@testable import VaktaalLint

/// The scan counts a use itself unless it is handed over (``FileNamesAndPaths/handedOverUses``):
/// a use it counts must be one the linter tells is in no file name or path.
@Suite struct PathHandOverTests {
    /// Random texts of letters, white space, brackets, quotes and the punctuation of sentences
    /// and paths: every word the scan would count is in no path.
    @Test func aUseTheScanCountsIsInNoPath() {
        let alphabet = Array("ab .//\\\\..,;:!?()\"'\n\t-_~é0".utf8)
        var generator = SystemRandomNumberGenerator()
        var counted = 0
        var handedOver = 0
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 1...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            bytes.withUnsafeBufferPointer { text in
                // Each ASCII word: a run of letters and digits.
                var start = 0
                while start < text.count {
                    guard Self.isWordByte(text[start]) else {
                        start += 1
                        continue
                    }
                    var end = start
                    while end < text.count, Self.isWordByte(text[end]) { end += 1 }
                    if FileNamesAndPaths.handedOverUses.handsOver(start, end, in: text, 0..<text.count) {
                        handedOver += 1
                    } else {
                        counted += 1
                        #expect(
                            !FileNamesAndPaths.contains(start..<end, in: text, bounds: 0..<text.count),
                            "\(String(decoding: text, as: UTF8.self).debugDescription) at \(start)..<\(end)")
                    }
                    start = end
                }
            }
        }
        #expect(counted > 1000 && handedOver > 1000)
    }

    /// A sentence-final use is counted by the scan where it is found: the document's uses
    /// of a label are every use outside a file name, wherever its sentence ends.
    @Test func sentenceFinalUsesAreCounted() throws {
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
        #expect(terms.uses[use] == 5 * 400, "all but the file name")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
    }
}
