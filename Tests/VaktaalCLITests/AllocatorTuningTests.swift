import ArgumentParser
import CAllocator
import Foundation
import Testing

@testable import vaktaal

/// What the command line asks of the allocator for a one-shot command: a large block comes
/// from the heap (where it is reused once freed), not from a mapping of its own. (Tests run on
/// threads of their own, whose heaps hold blocks under 64 MB; on the main thread any size.)
@Suite struct AllocatorTuningTests {
    @Test(.enabled(if: isGlibc, "glibc's allocator only")) func aLargeBlockComesFromTheHeapOnceTuned() throws {
        // 40 MB: above the largest block glibc maps on its own by default (32 MB). Whether the
        // untuned allocator maps one depends on what its heap holds free (other tests of this
        // process free memory into it), so only the tuned block is tested: it never is.
        AllocatorTuning.keepFreedMemory()
        let block = try #require(malloc(40 << 20))
        defer { free(block) }
        #expect(vaktaal_block_has_own_mapping(block) == 0, "once tuned, from the heap")
    }

    @Test(arguments: [(["lint", "x.md"], true), (["merge", "a", "b", "c", "-o", "d"], true), (["serve"], false)])
    func everyCommandButServeKeepsFreedMemory(arguments: [String], wanted: Bool) throws {
        let command = try vaktaal.Vaktaal.parseAsRoot(arguments)
        #expect(AllocatorTuning.isWanted(for: command) == wanted)
    }
}

#if canImport(Glibc)
    private let isGlibc = true
#else
    private let isGlibc = false
#endif
