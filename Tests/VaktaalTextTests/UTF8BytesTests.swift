import Testing
import VaktaalText

/// Strings compared byte for byte: equal only when written with the same bytes, unlike `==`,
/// which takes canonically equivalent strings for equal.
@Suite struct UTF8BytesTests {
    @Test(arguments: [
        ("coördinator", "coördinator", true),
        ("co\u{F6}rdinator", "coo\u{308}rdinator", false),
        ("", "", true),
        ("", "a", false),
        ("mentor", "mentoren", false),
        ("mentor", "Mentor", false),
        (String(repeating: "wérkplek", count: 40), String(repeating: "wérkplek", count: 40), true),
    ])
    func stringsAreTheSameOnlyWithTheSameBytes(_ left: String, _ right: String, _ same: Bool) {
        #expect(left.hasSameUTF8Bytes(as: right) == same)
        #expect(right.hasSameUTF8Bytes(as: left) == same)
        #expect(same == Array(left.utf8).elementsEqual(Array(right.utf8)))
    }
}
