import Testing
import VaktaalCore

/// The lines a report quotes, kept in one buffer: each is found by its number, with where
/// it starts in its file when that is known.
@Suite struct QuotedLinesTests {
    @Test func linesAreFoundByNumberWithTheirStarts() {
        var builder = QuotedLines.Builder()
        let lines: [(number: Int, text: String, start: Int)] = [(2, "De mentor komt.", 1), (3, "", 17), (40, "één\tmentor", 300)]
        for line in lines {
            var text = line.text
            text.withUTF8 { builder.append(line: line.number, $0, fileOffset: line.start) }
        }
        #expect(builder.lastLine == 40)
        let quoted = builder.lines
        for line in lines {
            let found = quoted.withLine(line.number) { (String(decoding: $0, as: UTF8.self), $1) }
            #expect(found?.0 == line.text && found?.1 == line.start)
        }
        for missing in [0, 1, 4, 39, 41] { #expect(quoted.withLine(missing) { _, _ in true } == nil) }
        #expect(quoted.texts == [2: "De mentor komt.", 3: "", 40: "één\tmentor"])
        #expect(quoted.starts == [2: 1, 3: 17, 40: 300])
        #expect(!quoted.isEmpty && QuotedLines().isEmpty)
    }

    /// Asked for in order, again, or out of order, a cursor finds each line as a search does.
    @Test func aCursorFindsWhatASearchFinds() {
        let texts = Dictionary(uniqueKeysWithValues: (1...50).map { ($0 * 3, "regel \($0 * 3)") })
        let quoted = QuotedLines(texts: texts)
        var cursor = QuotedLines.Cursor()
        for number in [3, 3, 6, 9, 9, 9, 12, 150, 4, 3, 90, 93, 1, 151, 96] {
            let found = quoted.withLine(number, cursor: &cursor) { line, _ in String(decoding: line, as: UTF8.self) }
            #expect(found == texts[number], "line \(number)")
        }
    }

    /// Lines given as strings (a caller's own report) keep their texts; a start not given is not known.
    @Test func linesGivenAsStringsRoundTrip() {
        let texts = [7: "zeven", 1: "één", 30: "dertig"]
        let quoted = QuotedLines(texts: texts, starts: [7: 70])
        #expect(quoted.texts == texts && quoted.starts == [7: 70])
        #expect(quoted.withLine(1) { $1 } == .some(nil))
        #expect(FileFindings(path: "a.txt", findings: [], lineTexts: texts).lineTexts == texts)
    }
}
