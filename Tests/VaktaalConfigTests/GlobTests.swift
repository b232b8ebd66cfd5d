import Testing

@testable import VaktaalConfig

/// The globs of `ignore` and `[[overrides]]`, as `.gitignore`, Vale and EditorConfig write them.
@Suite struct GlobTests {
    @Test(
        arguments: [
            ("*.md", "docs/a.md", true), ("*.md", "docs/a.txt", false), ("docs/*.md", "docs/sub/a.md", false),
            ("docs/**", "docs/sub/a.md", true), ("**/*.draft.md", "a/b/c.draft.md", true),
            ("archive/", "archive/old/b.txt", true),
            ("?.md", "a.md", true), ("?.md", "ab.md", false),
            // Alternatives, also nested and beside other braces.
            ("*.{md,txt}", "docs/a.txt", true), ("*.{md,txt}", "docs/a.html", false), ("{docs,notes}/**", "notes/x.md", true),
            ("a.{b,{c,d}}", "a.d", true), ("{x}.md", "{x}.md", true), ("a{b", "a{b", true),
            // Sets of one character.
            ("docs/[ab].*", "docs/a.md", true), ("docs/[ab].*", "docs/c.md", false), ("v[0-9].md", "v7.md", true),
            ("v[!0-9].md", "v7.md", false), ("v[!0-9].md", "vx.md", true), ("[]a].md", "].md", true), ("[].md", "[].md", true),
            ("a[b", "a[b", true),
            ("x[/]y", "x/y", false),
            // A backslash makes a character itself: a file name with brackets or braces.
            ("Verslag \\[concept\\].md", "Verslag [concept].md", true), ("Verslag \\[concept\\].md", "Verslag c.md", false),
            ("\\{a,b\\}.md", "{a,b}.md", true), ("\\{a,b\\}.md", "a.md", false), ("a\\*", "a*", true), ("a\\*", "ab", false),
            // A set is one character, in braces too, and a backslash in it makes `]` a member.
            ("{a,[,;]}.md", ",.md", true), ("{a,[,;]}.md", "a.md", true), ("{a,[,;]}.md", "[.md", false),
            ("x[\\]a].md", "x].md", true), ("x[\\]a].md", "xb.md", false),
        ] as [(String, String, Bool)])
    func patternsMatchAsTheirToolsDo(pattern: String, path: String, matches: Bool) {
        #expect(Glob.matches(pattern, path) == matches, "\(pattern) ~ \(path)")
    }

    /// `.gitignore` has no braces, as in git.
    @Test func bracesCanBeLeftAsTheyAre() {
        #expect(!Glob.matches("*.{md,txt}", "a.md", braces: false) && Glob.matches("{x}", "{x}", braces: false))
    }

    @Test func bracesStayBounded() {
        #expect(Glob.alternatives(of: String(repeating: "{a,b}", count: 20)).count == 256)
    }
}
