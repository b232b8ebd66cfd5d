import Testing
import VaktaalText

/// Tests on eight bytes at once say what a test of each byte says, for every byte at every
/// place among bytes one bit away from it.
@Suite struct ByteWordTests {
    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { ByteWord.load($0, at: 0) }
    }

    @Test(arguments: [UInt8(0x00), 0x20, 0x22, 0x3C, 0x5C, 0x60, 0x7F, 0x80, 0xFF])
    func aWordHoldsAByteExactlyWhenOneOfItsBytesIs(_ needle: UInt8) {
        for place in 0..<8 {
            for value in UInt8.min...UInt8.max {
                var bytes = (0..<8).map { needle ^ (1 << UInt8($0)) }
                bytes[place] = value
                #expect(ByteWord.contains(Self.word(bytes), needle) == bytes.contains(needle), "\(bytes)")
            }
        }
    }

    @Test(arguments: [UInt8(0x01), 0x20, 0x41, 0x80])
    func aWordHoldsAByteBelowABoundExactlyWhenOneOfItsBytesIs(_ bound: UInt8) {
        for place in 0..<8 {
            for value in UInt8.min...UInt8.max {
                var bytes = (0..<8).map { UInt8(truncatingIfNeeded: Int(bound) + $0 * 17) }
                bytes[place] = value
                #expect(ByteWord.contains(Self.word(bytes), below: bound) == bytes.contains { $0 < bound }, "\(bytes)")
            }
        }
    }
}
