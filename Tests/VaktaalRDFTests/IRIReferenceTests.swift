import Testing
import VaktaalRDF

@Suite struct IRIReferenceTests {
    /// RFC 3986 section 5.4's examples against its base `http://a/b/c/d;p?q`.
    @Test(arguments: [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"),
        ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../", "http://a/b/"), ("../g", "http://a/b/g"),
        ("../..", "http://a/"), ("../../", "http://a/"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"),
        ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."),
        (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"),
        ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"),
        ("g#s/../x", "http://a/b/c/g#s/../x"),
    ])
    func resolvesAsRFC3986Says(reference: String, expected: String) {
        #expect(IRIReference.resolve(reference, against: "http://a/b/c/d;p?q") == expected)
    }

    @Test func baseWithAuthorityAndNoPath() {
        #expect(IRIReference.resolve("x", against: "http://example.org") == "http://example.org/x")
        #expect(IRIReference.resolve("#x", against: "http://example.org/a#b") == "http://example.org/a#x")
    }

    @Test(arguments: [
        ("http://x", true), ("urn:isbn:1", true), ("a+b.c-d:x", true), ("1a:b", false), ("a/b:c", false), ("", false),
    ])
    func recognisesSchemes(reference: String, absolute: Bool) {
        #expect(IRIReference.hasScheme(reference) == absolute)
    }
}
