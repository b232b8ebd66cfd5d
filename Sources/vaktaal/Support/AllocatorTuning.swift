import ArgumentParser
import CAllocator

/// How the C library's allocator is set for a command that runs once and exits.
enum AllocatorTuning {
    /// Whether `command` keeps freed memory (``keepFreedMemory()``): every command but `serve`
    /// runs once and exits; the service should give memory back after a burst of requests.
    static func isWanted(for command: any ParsableCommand) -> Bool {
        !(command is ServeCommand)
    }

    /// Keeps freed memory for the allocations that follow instead of giving it back to the
    /// system. A command makes and drops arrays of hundreds of megabytes (the versions of a
    /// vocabulary, a million findings), and each such array, given back and asked for again,
    /// comes fresh from the kernel: faulted in and cleared page by page. On the machines
    /// measured, kept, the same runs fault in 4-40% fewer pages and peak within 5% of the
    /// memory: a merge of two 100,000-concept versions and a lint with 1.4 million findings
    /// then took a fifth less time.
    ///
    /// (A block of 64 MB or more that a thread other than the main one asks for still gets a
    /// mapping of its own: a thread's heap holds none that large.)
    static func keepFreedMemory() {
        vaktaal_keep_freed_memory()
    }
}
