import Testing

@testable import VaktaalXML

@Suite("Looking back for a byte")
struct BackwardSearchTests {
    /// The last `byte` before `end`, one byte at a time.
    private func naive(_ bytes: [UInt8], _ byte: UInt8, before end: Int) -> Int? {
        (0..<min(end, bytes.count)).last { bytes[$0] == byte }
    }

    @Test(
        "finds what a byte-by-byte search finds, before every end",
        arguments: [
            "",
            "<",
            "abc",
            "<a>",
            "  <prefLabel xml:lang=\"nl\">mentor</prefLabel>",
            "<a><b><c><d><e><f><g><h><i>",
            "no tag opens here at all, however long the line runs on and on",
            "é<ü<\u{1F600}<\u{3C}<<<<<<<<<<<<<<<<x",
        ])
    func matchesNaiveSearch(text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for end in 0...bytes.count + 2 {
                #expect(buffer.lastOffset(of: UInt8(ascii: "<"), before: end) == naive(bytes, UInt8(ascii: "<"), before: end))
            }
        }
    }

    @Test("a byte whose neighbours differ from it in one bit only is not taken for it")
    func exactAcrossWords() {
        // 0x3C is `<`; 0x3D, 0x3E, 0x7C, 0xBC and 0x1C differ from it in one bit. A zero test
        // that lets a borrow cross bytes would flag a neighbour of a real match.
        let bytes: [UInt8] = [
            0x3C, 0x3D, 0x01, 0x3E, 0x7C, 0xBC, 0x1C, 0x00, 0x3D, 0x3C, 0x3D, 0x01, 0x00, 0x3E, 0x7C, 0xBC, 0x3D,
        ]
        bytes.withUnsafeBufferPointer { buffer in
            for end in 0...bytes.count {
                #expect(buffer.lastOffset(of: 0x3C, before: end) == naive(bytes, 0x3C, before: end))
                #expect(buffer.lastOffset(of: 0x00, before: end) == naive(bytes, 0x00, before: end))
            }
        }
    }
}
