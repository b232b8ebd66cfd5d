#if canImport(Glibc)
    import Glibc
#endif

/// Large buffers backed by huge pages where the system offers them on request (Linux with
/// transparent huge pages set to `madvise`): a buffer of tens of megabytes then costs a few
/// dozen page faults instead of thousands, which is what filling fresh memory mostly costs.
public enum HugePages {
    /// The smallest buffer worth asking for: below this, few pages are saved.
    public static let threshold = 1 << 22

    /// Asks for huge pages for the whole 2 MB pages inside `count` bytes from `start`, before
    /// they are first written. Only a hint: elsewhere it does nothing.
    public static func advise(_ start: UnsafeMutableRawPointer, count: Int) {
        #if os(Linux)
            guard count >= threshold else { return }
            let size = 1 << 21
            let first = (Int(bitPattern: start) + size - 1) & ~(size - 1)
            let end = (Int(bitPattern: start) + count) & ~(size - 1)
            guard end > first, let address = UnsafeMutableRawPointer(bitPattern: first) else { return }
            madvise(address, end - first, MADV_HUGEPAGE)
        #endif
    }
}

extension HugePages {
    /// `bytes` in a new buffer with room for `capacity` bytes in all, huge pages asked for
    /// the room after them (the buffer is its own: no memory outside it is advised).
    public static func buffer(holding bytes: [UInt8], capacity: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: max(capacity, bytes.count)) { buffer, count in
            _ = buffer.initialize(from: bytes)
            if let base = buffer.baseAddress { advise(base + bytes.count, count: buffer.count - bytes.count) }
            count = bytes.count
        }
    }
}
