import Testing
import VaktaalText

/// A text buffer holds exactly the bytes appended to it, through growth and draining.
@Suite struct TextBufferTests {
    @Test(arguments: [
        0, 7, -7, 9, 10, 11, 99, 100, 101, 999, 1_000, 12_345, 1_234_567, -1_000, 999_999_999_999_999_999,
        1_000_000_000_000_000_000, Int.max, Int.min, Int.min + 1,
    ])
    func numbersAreWrittenAsSwiftWritesThem(_ value: Int) {
        var buffer = TextBuffer()
        buffer.append(decimal: value)
        #expect(buffer.text == String(value))
    }

    /// Each power of ten and the number before it, where the count of digits changes.
    @Test(arguments: 1...18)
    func numbersAroundEveryPowerOfTenHaveTheirDigits(_ power: Int) {
        let powerOfTen = (0..<power).reduce(1) { product, _ in product * 10 }
        for value in [powerOfTen - 1, powerOfTen, -powerOfTen, -(powerOfTen - 1)] {
            var buffer = TextBuffer()
            buffer.append(decimal: value)
            #expect(buffer.text == String(value))
        }
    }

    /// Each power of two and the number before it, where the estimate from the bit length changes.
    @Test(arguments: 0...62)
    func numbersAroundEveryPowerOfTwoHaveTheirDigits(_ bits: Int) {
        for value in [(1 << bits) - 1, 1 << bits, -(1 << bits), -((1 << bits) - 1)] {
            var buffer = TextBuffer()
            buffer.append(decimal: value)
            #expect(buffer.text == String(value))
        }
    }

    /// Runs and numbers written through a cursor in room made once come out as appended one
    /// by one, also where the room made grows the buffer (it starts with room for 256 bytes).
    @Test func aCursorWritesRunsAndNumbersInTheRoomMade() {
        var written = TextBuffer()
        var appended = TextBuffer()
        let run: [UInt8] = Array(",\n  \"line\" : ".utf8)
        for value in [0, -1, 42, Int.min, Int.max, 1_000, 12] {
            run.withUnsafeBytes { run in
                written.write(reserving: 2 * run.count + 2 * TextBuffer.longestDecimal) { cursor in
                    cursor.put(run)
                    cursor.put(decimal: value)
                    cursor.put(UnsafeRawBufferPointer(start: nil, count: 0))
                    cursor.put(decimal: -(value / 3))
                    cursor.put(run)
                }
            }
            appended.append(
                String(decoding: run, as: UTF8.self) + "\(value)\(-(value / 3))" + String(decoding: run, as: UTF8.self))
        }
        #expect(written.byteCount > 256)
        #expect(written.text == appended.text)
    }

    @Test func aByteLiteralIsOneByte() {
        var buffer = TextBuffer()
        buffer.append(0x0A)
        buffer.append(UInt8(ascii: "a"), count: 3)
        buffer.append(0x20, count: 0)
        buffer.append("é")
        #expect(buffer.text == "\naaaé")
        #expect(buffer.byteCount == 6)
    }

    @Test func drainingHandsOutEveryByteOnceAndStartsOver() {
        var buffer = TextBuffer()
        var drained: [UInt8] = []
        var expected: [UInt8] = []
        for index in 0..<20_000 {
            let piece = "\(index) wérkplek\t"
            buffer.append(piece)
            expected += piece.utf8
            if index % 3_000 == 0 { buffer.drain { drained += $0 } }
        }
        buffer.drain { drained += $0 }
        #expect(buffer.byteCount == 0)
        #expect(buffer.text.isEmpty)
        #expect(drained == expected)
    }
}
