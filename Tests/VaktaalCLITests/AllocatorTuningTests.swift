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
        // 40 MB: above the largest size glibc ever serves from the heap by default (32 MB).
        let before = try #require(malloc(40 << 20))
        defer { free(before) }
        #expect(vaktaal_block_has_own_mapping(before) != 0, "by default a mapping of its own")
        AllocatorTuning.keepFreedMemory()
        let after = try #require(malloc(40 << 20))
        defer { free(after) }
        #expect(vaktaal_block_has_own_mapping(after) == 0, "once tuned, from the heap")
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
