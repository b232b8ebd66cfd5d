import Foundation
import Testing
import VaktaalCore

@testable import VaktaalLint

/// What each document format counts as prose.
@Suite struct MarkdownTests {
    func matches(_ markdown: String) -> [String] {
        lint(markdown, format: .markdown).map { "\($0.line):\($0.column) \($0.match ?? "")" }
    }

    @Test(arguments: [
        ("# Over de mentor", ["1:11 mentor"]),
        ("- een *mentor* en **Mentor**", ["1:8 mentor", "1:21 Mentor"]),
        ("> de mentor zegt", ["1:6 mentor"]),
        ("Zie [de mentor](https://example.org/mentor \"mentor\").", ["1:9 mentor"]),
        ("![mentor](mentor.png)", ["1:3 mentor"]),
        ("[de mentor][mentor]\n\n[mentor]: https://example.org", ["1:5 mentor"]),
        ("Code: `mentor` en ``mentor ` x``.", []),
        ("```\nmentor\n```\nmentor", ["4:1 mentor"]),
        ("~~~~ text\nmentor\n~~~\nmentor\n~~~~", []),
        ("Tekst\n\n    mentor in code\n\nmentor", ["5:1 mentor"]),
        ("<!-- mentor -->mentor", ["1:16 mentor"]),
        ("<span title=\"mentor\">mentor</span>", ["1:22 mentor"]),
        ("<https://mentor.nl> en mentor@school.nl en https://x.nl/mentor", []),
        ("1. mentor\n2. mentoren", ["1:4 mentor", "2:4 mentoren"]),
        ("Zie \\` de mentor `, geen code.", ["1:11 mentor"]),
        // An escaped backtick is text, and no path: this is prose between two of them.
        ("Tekst met \\`mentor\\` hier.", ["1:13 mentor"]),
        // HTML blocks whose content is not prose, and inline elements that are code.
        ("<script>\nvar mentor = 1;\n</script>\nmentor", ["4:1 mentor"]),
        ("<PRE class=\"x\">\nmentor\n</pre>\n\n<style>.mentor {}</style>\nmentor", ["6:1 mentor"]),
        ("Inline <code>mentor</code> en <kbd>mentor</kbd>, dan mentor.", ["1:54 mentor"]),
        // An inline element without its end tag in its paragraph is a tag alone (CRLF and blank lines of spaces end it).
        ("Een <code>open\r\n\r\nDe mentor.\r\n\r\n```\n</code>\n```", ["3:4 mentor"]),
        ("Een <kbd>open\n  \nDe mentor.", ["3:4 mentor"]),
        ("<kbd>a <kbd>b <kbd>c de mentor", ["1:25 mentor"]),
        // An element's name ends at a space, a slash or '>': `<code-x>` is no `<code>`.
        ("<code-x>mentor</code-x> en <CODE>mentor</Code>", ["1:9 mentor"]),
        // What CommonMark does not read as a link reference definition is a paragraph;
        // a title may follow a definition on the next line.
        ("[^1]: De mentor in een voetnoot.", ["1:10 mentor"]), ("[x]: De mentor in tekst.", ["1:9 mentor"]),
        // A footnote goes on in paragraphs indented four columns (GFM).
        ("[^n]: Een voetnoot.\n\n    Tweede alinea met de mentor.\n\n        code mentor", ["3:26 mentor"]),
        // A footnote's label is a name no reader sees.
        ("Tekst[^mentor] hier.\n\n[^mentor]: De mentor.", ["3:15 mentor"]),
        ("[a]: https://example.org/mentor\n  \"mentor titel\"\n[b]: <https://x.org/m> (mentor)\n\nmentor", ["5:1 mentor"]),
        ("Een alinea\n[a]: mentor", ["2:6 mentor"]),
        // A definition may follow a heading or another definition directly.
        ("# Kop\n[a]: https://example.org/mentor \"mentor\"\n[b]: /mentor\nmentor", ["4:1 mentor"]),
        // In a list item, code is indented four columns past the item's content.
        ("- item\n\n      mentor in code\n\n  mentor in the item\n\nmentor", ["5:3 mentor", "7:1 mentor"]),
        ("1.  item\n\n        mentor in code\n    mentor in the item", ["4:5 mentor"]),
        ("- item\n\n    mentor in the item\n\n        mentor in code", ["3:5 mentor"]),
        // Sublists: their items may stand four columns in, and their content counts from their marker.
        ("- a\n    - b\n\n        mentor in b", ["4:9 mentor"]),
        ("- a\n  - b\n\n  mentor in a\n\n    mentor in a too", ["4:3 mentor", "6:5 mentor"]),
        ("- a\n  - b\n\n          mentor in code\n\nmentor", ["6:1 mentor"]),
        // A tab after the marker reaches the next multiple of four columns, where the content starts.
        ("-\tfoo\n\n      mentor\n\n        mentor in code", ["3:7 mentor"]),
        // Backticks with a backtick after them on the line are inline code, not a fence.
        ("- ```npm i``` installeert de mentor", ["1:30 mentor"]),
        // A fence may open on an item's first line, and closes as any fence does.
        ("- ~~~\n  mentor\n  ~~~\n\nDe mentor.", ["5:4 mentor"]), ("1. ```bash\n   mentor\n   ```\nmentor", ["4:1 mentor"]),
        // A heading or a break closes the list: code after it is indented from the margin.
        ("- a\n# Kop\n\n    mentor in code\n\nmentor", ["6:1 mentor"]),
        ("- - -\n\n    mentor in code", []),
        // A fence inside an item is indented as the item's content.
        ("1.  item\n\n    ```\n    mentor\n    ```\n    mentor", ["6:5 mentor"]),
        // A definition's title is on the next line, not after a blank one.
        ("[a]: https://example.org\n\n(Zie de mentor.)", ["3:9 mentor"]),
        ("[a]: https://example.org\n\n```\ncode\n```\n(de mentor)", ["6:5 mentor"]),
        // A block quote's text runs on over its markers, from line to line and in nested quotes;
        // its blocks are read as blocks (code in a quote is no prose, a `>` line ends a paragraph).
        ("> De self\n> efficacy", ["1:6 self\nefficacy"]), (">> De self\n>> efficacy", ["1:7 self\nefficacy"]),
        ("> - De self\n>   efficacy", ["1:8 self\n  efficacy"]), ("> De self\nefficacy (lazy)", ["1:6 self\nefficacy"]),
        ("> ```\n> mentor\n> ```\n>\n>     mentor in code\n\n> mentor", ["7:3 mentor"]),
        ("> De self\n>\n> efficacy", []), ("A > b mentor", ["1:7 mentor"]),
        // Code and raw blocks end with the quote that holds them; `> ```` in code outside a quote is code.
        ("```\n> ```\nmentor in code\n```\nmentor", ["5:1 mentor"]),
        ("> ```\n> mentor in code\n\nmentor", ["4:1 mentor"]), ("> <pre>\n> mentor\n\nmentor", ["4:1 mentor"]),
        ("> > ```\n> > mentor\n> mentor", ["3:3 mentor"]),
    ])
    func findsTermsOnlyInProse(markdown: String, expected: [String]) {
        #expect(matches(markdown) == expected)
    }

    /// A report line (`file:line:column: message`) stays one line: a term written across a
    /// line break is quoted with a space there.
    @Test(arguments: ["De self\nefficacy.", "> De self\r\n>   efficacy.", "- De self \n  \tefficacy."])
    func aTermAcrossLinesIsQuotedOnOneLine(markdown: String) {
        let messages = lint(markdown, format: .markdown).map(\.message)
        #expect(messages.count == 1 && messages.allSatisfy { $0.hasPrefix("'self efficacy' is misspelled") }, "\(messages)")
    }

    /// Each link bracket is paired once for the document: `(`s and `[`s nest by kind, `\`
    /// escapes, a blank line closes nothing that opened before it.
    @Test(arguments: [
        ("(a (b) c)", [0: 9, 3: 6]), ("[a](b)", [0: 3, 3: 6]), ("(a [b) c]", [0: 6, 3: 9]), ("\\(a)", [:]),
        ("\\\\(a)", [2: 5]), ("(a\n\nb)", [:]), ("(a\nb)", [0: 5]), ("((a)", [1: 4]), ("a)(", [:]),
    ])
    func bracketsArePairedInOnePass(text: String, expected: [Int: Int]) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let matches = MarkdownReader.Inline.BracketMatches(buffer, from: 0)
            let found = Dictionary(
                uniqueKeysWithValues: buffer.indices.compactMap { index in
                    matches.end(ofBracketAt: index).map { (index, $0) }
                })
            #expect(found == expected)
        }
    }

    /// A run of links that never close (`](`, `[a](<` repeated) is read in one pass, and the
    /// text after it is still prose.
    @Test(arguments: ["](", "[a](<", "[a][", "!["])
    func unclosedLinksAreReadInOnePass(_ opening: String) {
        let markdown = String(repeating: opening, count: 20_000) + " mentor"
        #expect(matches(markdown) == ["1:\(opening.utf8.count * 20_000 + 2) mentor"])
    }

    /// `vaktaal-disable-line` disables its own line only (as markdownlint's); a word that
    /// starts as a directive but is none disables nothing, and a notice says so.
    @Test func aDirectiveForItsOwnLineAndAnUnknownOne() {
        let markdown =
            "mentor <!-- vaktaal-disable-line -->\nmentor\n<!-- vaktaal-disable-lines -->\nmentor <!-- vaktaal-lint -->"
        let result = dutchLinter.lint(Array(markdown.utf8), path: "a.md", format: .markdown)
        #expect(result.findings.map { "\($0.location?.line ?? 0)" } == ["2", "4"])
        #expect(
            result.notices == [
                "a.md:3: warning: unknown directive 'vaktaal-disable-lines': it disables nothing (directives: vaktaal-disable, "
                    + "vaktaal-enable, vaktaal-disable-line, vaktaal-disable-next-line)"
            ])
    }

    @Test func commentsCarryDirectives() {
        let markdown =
            "<!-- vaktaal-disable-next-line -->\nmentor\nmentor\n<!-- vaktaal-disable deprecated-term "
            + "-->\nmentor\n<!-- vaktaal-enable -->\nmentor"
        #expect(matches(markdown) == ["3:1 mentor", "7:1 mentor"])
        // Without spaces inside the comment too, as markdownlint reads its own.
        #expect(matches("<!--vaktaal-disable-next-line-->\nmentor\nmentor") == ["3:1 mentor"])
    }
}

@Suite struct PlainTextTests {
    @Test func directivesOnTheirOwnLine() {
        let text = "mentor\nvaktaal-disable-next-line\nmentor\nvaktaal-disable misspelling\nmentor feedup\nvaktaal-enable\nfeedup"
        #expect(lint(text).map { "\($0.line) \($0.rule)" } == ["1 deprecated-term", "5 deprecated-term", "7 misspelling"])
    }

    /// A line that opens with a directive, after signs of a comment, is one; a sentence that
    /// names a directive is not.
    @Test func aDirectiveOpensItsLine() {
        let text = "# vaktaal-disable-next-line  \nmentor\nZet vaktaal-disable-next-line als de mentor komt.\nmentor"
        #expect(lint(text).map { "\($0.line) \($0.rule)" } == ["3 deprecated-term", "4 deprecated-term"])
    }
}

@Suite struct HTMLTests {
    func matches(_ html: String) -> [String] {
        lint(html, format: .html).map { "\($0.line):\($0.column) \($0.match ?? "")" }
    }

    @Test(arguments: [
        ("<p>de mentor</p>", ["1:7 mentor"]),
        ("<p title=\"mentor\" data-x='mentor'>x</p>", []),
        ("<!-- mentor --><p>mentor</p>", ["1:19 mentor"]),
        ("<script>var mentor = 1</script><style>.mentor{}</style><p>ok</p>", []),
        ("<pre>mentor</pre><code>mentor</code><p>mentor</p>", ["1:40 mentor"]),
        // A soft hyphen is a hyphenation point inside the word; a zero-width space ends one.
        ("<p>feedback&shy;geletterheid en feedback&#8203;x</p>", ["1:4 feedback&shy;geletterheid"]),
        ("<p>caf&eacute; mentor &amp; mentoren</p>", ["1:16 mentor", "1:29 mentoren"]),
        ("<p>self&#32;efficacy</p>", ["1:4 self&#32;efficacy"]),
        ("<p><b>men</b>tor</p>", ["1:7 mentor"]),
        ("<ul>\n  <li>Mentor\n  <li>mentoren\n</ul>", ["2:7 Mentor", "3:7 mentoren"]),
        ("<p>de <a href=\"https://x.nl/mentor\">mentor</a></p>", ["1:37 mentor"]),
    ])
    func findsTermsInTextNodesOnly(html: String, expected: [String]) {
        #expect(matches(html) == expected)
    }

    @Test func fixesKeepTheMarkupAndEntities() throws {
        let html = "<p class=\"mentor\">De <em>Mentor</em> &amp; self&#32;efficacy</p>\r\n"
        let bytes = Array(html.utf8)
        let findings = dutchLinter.lint(bytes, path: "t.html", format: .html).findings
        let fixed = String(decoding: try Linter.applyingFixes(findings, to: bytes, format: .html).bytes, as: UTF8.self)
        #expect(fixed == "<p class=\"mentor\">De <em>Werkplekbegeleider</em> &amp; self-efficacy</p>\r\n")
    }

    @Test func commentsCarryDirectives() {
        #expect(matches("<!-- vaktaal-disable-next-line -->\n<p>mentor</p>\n<p>mentor</p>") == ["3:4 mentor"])
    }

    @Test func carriageReturnLineEndsPlaceDirectivesAndFindingsOnTheirLines() {
        let html = "<p>mentor</p>\r<!-- vaktaal-disable-next-line -->\r<p>mentor</p>\r<p>mentor</p>\r"
        #expect(matches(html) == ["1:4 mentor", "4:4 mentor"])
        let crlf = html.replacingOccurrences(of: "\r", with: "\r\n")
        #expect(matches(crlf) == ["1:4 mentor", "4:4 mentor"])
    }

    @Test func brokenHTMLIsReadAsBrowsersDo() {
        #expect(matches("<p>mentor<div>mentor</p></span>mentor") == ["1:4 mentor", "1:15 mentor", "1:32 mentor"])
    }
}
