import Testing

@testable import VaktaalLint

/// The columns a terminal gives a stretch of a line: read eight ASCII bytes at a time, the
/// count must be the same as character by character, wherever a tab, a wide character, a
/// combining mark or a broken byte stands.
@Suite struct TerminalColumnsTests {
    static let stretches: [(bytes: [UInt8], columns: Int)] = [
        ([UInt8](), 0),
        (Array("abcdefg".utf8), 7),
        (Array("abcdefgh".utf8), 8),
        (Array("abcdefghijklmnopq".utf8), 17),
        (Array("abc\tdefghijk".utf8), 15),
        (Array("abcdefgh\tij".utf8), 14),
        (Array("abcdefghijklmno\t".utf8), 19),
        (Array("twaalf tekens界".utf8), 15),
        (Array("feedback geletterdheid: e\u{301}".utf8), 25),
        (Array("acht bytes".utf8) + [0xFF] + Array("abcdefgh".utf8), 19),
        (Array("😀 en 界 en é".utf8), 13),
    ]

    @Test(arguments: stretches)
    func widthOfBytes(_ bytes: [UInt8], columns: Int) {
        let width = bytes.withUnsafeBufferPointer { TerminalColumns.width(of: $0) }
        #expect(width == columns)
        let scalarByScalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.reduce(0) {
            $0 + TerminalColumns.width(of: $1)
        }
        #expect(width == scalarByScalar, "as wide as its characters one by one")
    }
}
