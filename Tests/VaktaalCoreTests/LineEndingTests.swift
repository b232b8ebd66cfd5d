import Testing
import VaktaalCore

@Suite struct LineEndingTests {
    /// The first line decides; a text of one line, or none, ends its lines with a line feed.
    @Test(arguments: [
        ("a\nb\r\nc", LineEnding.lineFeed), ("a\r\nb\nc", .carriageReturnLineFeed), ("a\rb\n", .carriageReturn),
        ("a\r", .carriageReturn), ("a\r\n", .carriageReturnLineFeed), ("one line", .lineFeed), ("", .lineFeed),
    ])
    func theFirstLineEndDecides(text: String, expected: LineEnding) {
        #expect(LineEnding(of: Array(text.utf8)) == expected)
    }

    @Test(arguments: [
        (LineEnding.lineFeed, "<a>\n  <b/>\n</a>\n"), (.carriageReturnLineFeed, "<a>\r\n  <b/>\r\n</a>\r\n"),
        (.carriageReturn, "<a>\r  <b/>\r</a>\r"),
    ])
    func everyLineFeedIsReplaced(ending: LineEnding, expected: String) {
        #expect(ending.applied(to: Array("<a>\n  <b/>\n</a>\n".utf8)) == Array(expected.utf8))
    }
}
