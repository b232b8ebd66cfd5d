import CAllocator
import Foundation
import Testing

/// What the command line asks of the allocator for a one-shot command: a large block comes
/// from the heap (where it is reused once freed), not from a mapping of its own. (Tests run on
/// threads of their own, whose heaps hold blocks under 64 MB; on the main thread any size.)
@Suite struct AllocatorTuningTests {
    @Test(.enabled(if: isGlibc, "glibc's allocator only")) func aLargeBlockComesFromTheHeap() throws {
        vaktaal_keep_freed_memory()
        let before = mallinfo2()
        let block = try #require(malloc(40 << 20))
        defer { free(block) }
        let after = mallinfo2()
        #expect(after.hblks == before.hblks, "no mapping of its own")
        #expect(after.uordblks >= before.uordblks + (40 << 20), "taken from the heap")
    }
}

#if canImport(Glibc)
    private let isGlibc = true
#else
    private let isGlibc = false
#endif
