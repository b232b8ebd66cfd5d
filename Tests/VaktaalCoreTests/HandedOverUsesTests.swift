import Testing
import VaktaalText

@testable import VaktaalCore

/// Which uses of a word a scan hands over to its caller although the caller only counts
/// them (``HandedOverUses``): next to a slash, backslash or dot, but for a word alone before
/// the punctuation that ends a sentence.
@Suite struct HandedOverUsesTests {
    /// A rule like the linter's: next to a path's joining bytes, unless the word ends a
    /// sentence between white space, brackets or quotes (the bytes of ``FileNamesAndPaths``
    /// in VaktaalLint, which this module cannot see; the linter's own rule is tested against
    /// its path check there, in `PathHandOverTests`).
    static let paths = HandedOverUses(
        nextTo: ByteSet("/\\."), unlessEndingASentence: ByteSet(".,;:!?"), between: ByteSet("()[]<>\"'`,;{}|", through: 0x20))

    /// Whether `uses` hands over the use of `word`, its first occurrence in `text`, in the
    /// bytes `range` of it (all of them when `nil`).
    static func handsOver(
        _ word: String, in text: String, range: Range<Int>? = nil, by uses: HandedOverUses = paths
    ) -> Bool {
        let (bytes, wordBytes) = (Array(text.utf8), Array(word.utf8))
        let start = bytes.indices.first { bytes[$0...].starts(with: wordBytes) }!
        return bytes.withUnsafeBufferPointer { uses.handsOver(start, start + wordBytes.count, in: $0, range ?? 0..<$0.count) }
    }

    @Test(arguments: [
        // The end of a sentence, wherever the sentence and its stretch end.
        ("de mentor.", false), ("mentor.", false), ("de mentor.\nDe", false), ("(de mentor.)", false),
        ("\"mentor.\"", false), ("de mentor...", false), ("de mentor.,", false), ("de mentor.\tdan", false),
        ("«mentor.»", true),
        // Next to nothing that joins: never handed over.
        ("de mentor komt", false), ("de mentor?", false), ("de mentor, en", false), ("x-mentor-y", false),
        // A name, a path, an address, or a word whose stretch goes on before it: handed over.
        ("de mentor.md", true), ("de mentor.nl", true), ("docs/mentor.", true), ("zie docs/mentor", true),
        ("de mentor/begeleider", true), ("map\\mentor", true), ("x-mentor.", true), ("de mentor./x", true),
        ("de mentor.De", true), ("a.mentor", true),
    ])
    func theLinterHandsOverTheUsesThatMayBeInAPath(text: String, handedOver: Bool) {
        #expect(Self.handsOver("mentor", in: text) == handedOver)
    }

    /// Only the bytes of the range count: its ends are as a separator would be, and what lies
    /// beyond them is not read.
    @Test(arguments: [
        ("/mentor/", 1..<7, false), ("x.mentor.y", 2..<9, false), ("x.mentor.y", 1..<9, true), ("x.mentor.y", 2..<10, true),
        ("a mentor.b", 2..<9, false), ("a mentor.b", 0..<10, true),
    ])
    func theRangesEndsAreItsBounds(text: String, range: Range<Int>, handedOver: Bool) {
        #expect(Self.handsOver("mentor", in: text, range: range) == handedOver)
    }

    /// Without punctuation that ends a sentence, every use next to a joining byte is handed over.
    @Test(arguments: ["de mentor.", "mentor.", "(de mentor.)", "docs/mentor", "de mentor/x"])
    func nextToAJoiningByteIsAlwaysHandedOverWithoutTheException(text: String) {
        #expect(Self.handsOver("mentor", in: text, by: .nextTo(ByteSet("/\\."))))
        #expect(!Self.handsOver("mentor", in: text, by: .none))
    }
}
