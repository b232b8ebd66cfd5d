import Testing

@testable import VaktaalLint

/// Lines end at LF, CR or CR LF, as a byte-by-byte split finds them, whether the text has
/// carriage returns or not (without them, line ends are found with `memchr`).
@Suite struct LineSplittingTests {
    /// Each line's content and whole, split one byte at a time.
    static func naive(_ bytes: [UInt8], from start: Int) -> [[Range<Int>]] {
        var lines: [[Range<Int>]] = []
        var lineStart = start
        var index = start
        while index < bytes.count {
            guard bytes[index] == 0x0A || bytes[index] == 0x0D else {
                index += 1
                continue
            }
            var end = index + 1
            if bytes[index] == 0x0D, end < bytes.count, bytes[end] == 0x0A { end += 1 }
            lines.append([lineStart..<index, lineStart..<end])
            lineStart = end
            index = end
        }
        if lineStart < bytes.count { lines.append([lineStart..<bytes.count, lineStart..<bytes.count]) }
        return lines
    }

    static func split(_ bytes: [UInt8], from start: Int, upTo limit: Int = .max) -> [[Range<Int>]] {
        var lines: [[Range<Int>]] = []
        bytes.withUnsafeBufferPointer { buffer in
            LineSplitting.forEachLine(in: buffer, from: start) { content, full in
                lines.append([content, full])
                return lines.count < limit
            }
        }
        return lines
    }

    @Test(arguments: [
        "", "\n", "\n\n", "een", "een\n", "een\ntwee", "een\n\ntwee\n", "een\r\ntwee\r\n", "een\rtwee\r", "\r\n\r\n",
        "een\r\n\ntwee\r\rdrie", "één — twee\nvaktaal\r", "\r", "a\n\r\nb",
    ])
    func linesAreThoseOfAByteByByteSplit(_ text: String) {
        let bytes = Array(text.utf8)
        for start in 0...bytes.count {
            #expect(Self.split(bytes, from: start) == Self.naive(bytes, from: start), "\(text.debugDescription) from \(start)")
        }
    }

    @Test func splittingStopsWhenTheBodySaysSo() {
        let bytes = Array("een\ntwee\ndrie\n".utf8)
        #expect(Self.split(bytes, from: 0, upTo: 2) == Array(Self.naive(bytes, from: 0).prefix(2)))
    }
}
