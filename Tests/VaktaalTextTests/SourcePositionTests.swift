import Testing
import VaktaalText

@Suite struct SourcePositionTests {
    @Test func advancingOverTextCountsCodePointsAndLineEnds() {
        let start = SourcePosition.start
        #expect(start.advanced(over: "ab") == SourcePosition(line: 1, column: 3))
        #expect(start.advanced(over: "a\r\nbé") == SourcePosition(line: 2, column: 3))
        #expect(start.advanced(over: "a\rb") == SourcePosition(line: 2, column: 2))
        #expect(start.advanced(over: "😀") == SourcePosition(line: 1, column: 2))
    }

    @Test func locationsPrintAsCompilersDoAndSortByFileThenPlace() {
        let early = SourceLocation(path: "a.xml", line: 3, column: 7)
        #expect(early.description == "a.xml:3:7")
        #expect(early < SourceLocation(path: "a.xml", line: 10, column: 1))
        #expect(SourceLocation(path: "b.xml", line: 1, column: 1) > early)
    }

    @Test func invalidUTF8IsFoundAtItsFirstByte() {
        let cases: [([UInt8], Int?)] = [
            (Array("café".utf8), nil), ([0x61, 0xC3], 1), ([0x61, 0xED, 0xA0, 0x80], 1), ([0xC0, 0x80], 0),
            ([0xF4, 0x90, 0x80, 0x80], 0),
        ]
        for (bytes, expected) in cases {
            #expect(bytes.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset) == expected, "\(bytes)")
        }
    }

    /// ASCII is passed over eight bytes at a time: a bad byte is found wherever it falls in
    /// or after such a run, and good multibyte characters after one are still checked.
    @Test(arguments: 0..<20)
    func invalidUTF8IsFoundAfterRunsOfASCIIOfEveryLength(asciiLength: Int) {
        let ascii = Array(repeating: UInt8(ascii: "a"), count: asciiLength)
        for tail: [UInt8] in [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0x80, 0x61]] {
            let bytes = ascii + tail + Array("nog wat tekst".utf8)
            #expect(bytes.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset) == asciiLength, "\(tail)")
        }
        let valid = ascii + Array("é😀".utf8) + ascii
        #expect(valid.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset) == nil)
    }
}
