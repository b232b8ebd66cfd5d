import Testing
import VaktaalText

@Suite struct HugePagesTests {
    /// The bytes are kept, in a buffer with room for the rest: appending up to the capacity
    /// moves nothing. (Large enough to be advised, and empty or smaller than the bytes too.)
    @Test(arguments: [(0, 0), (3, 0), (3, 2), (5, 1 << 20), (1_000, 8 << 20)])
    func aBufferHoldsItsBytesAndRoomForTheRest(count: Int, capacity: Int) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var buffer = HugePages.buffer(holding: bytes, capacity: capacity)
        #expect(buffer == bytes)
        #expect(buffer.capacity >= max(capacity, count))
        let start = buffer.withUnsafeBufferPointer { $0.baseAddress }
        buffer.append(contentsOf: repeatElement(1, count: max(0, capacity - count)))
        #expect(capacity == 0 || buffer.withUnsafeBufferPointer { $0.baseAddress } == start)
    }
}
