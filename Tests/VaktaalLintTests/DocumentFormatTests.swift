import Testing
import VaktaalCore
@testable import VaktaalLint

/// What each document format counts as prose.
@Suite struct MarkdownTests {
    func matches(_ markdown: String) -> [String] {
        lint(markdown, format: .markdown).map { "\($0.line):\($0.column) \($0.match)" }
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
    ])
    func findsTermsOnlyInProse(markdown: String, expected: [String]) {
        #expect(matches(markdown) == expected)
    }

    @Test func commentsCarryDirectives() {
        let markdown = "<!-- vaktaal-disable-next-line -->\nmentor\nmentor\n<!-- vaktaal-disable deprecated-term -->\nmentor\n<!-- vaktaal-enable -->\nmentor"
        #expect(matches(markdown) == ["3:1 mentor", "7:1 mentor"])
    }
}

@Suite struct PlainTextTests {
    @Test func directivesOnTheirOwnLine() {
        let text = "mentor\nvaktaal-disable-next-line\nmentor\nvaktaal-disable misspelling\nmentor feedup\nvaktaal-enable\nfeedup"
        #expect(lint(text).map { "\($0.line) \($0.rule)" } == ["1 deprecated-term", "5 deprecated-term", "7 misspelling"])
    }
}
