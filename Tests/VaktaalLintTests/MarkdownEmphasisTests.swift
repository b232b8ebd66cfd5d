import Testing
import VaktaalCore

@testable import VaktaalLint

/// Emphasis markers are found wherever they fall (the reader skips eight bytes at a time):
/// a term split by them is still one term.
@Suite struct MarkdownEmphasisTests {
    @Test(arguments: 0..<17)
    func markersAreFoundAtEveryAlignment(offset: Int) {
        let lead = String(repeating: "a", count: offset)
        let text = lead + " Over **self** efficacy, x\\_y en ~~self~~ efficacy.\n"
        let found = lint(text, format: .markdown).filter { $0.rule == "misspelling" }
        let starts = [" Over **".count, " Over **self** efficacy, x\\_y en ~~".count].map { offset + $0 + 1 }
        #expect(found.map(\.column) == starts, "\(found)")
    }
}
