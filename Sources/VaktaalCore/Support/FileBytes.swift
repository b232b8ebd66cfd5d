import VaktaalText

#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

/// Reads whole files into byte arrays with plain system calls: the bytes go straight into
/// one array of the file's size, with no intermediate `Data` or buffer.
public enum FileBytes {
    /// The file's bytes, or `nil` when it cannot be opened or read (or is a folder).
    public static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return nil }
        guard var bytes = readUpTo(Int(status.st_size), from: descriptor) else { return nil }
        // A file that grew since it was measured (or that has no size, as a pipe) is read to its end.
        while true {
            guard let more = readUpTo(1 << 16, from: descriptor) else { return nil }
            if more.isEmpty { return bytes }
            bytes += more
        }
    }

    /// Up to `count` bytes from the descriptor's position (fewer at the end of the file);
    /// `nil` when reading fails.
    private static func readUpTo(_ count: Int, from descriptor: Int32) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            if let base = buffer.baseAddress { HugePages.advise(base, count: count) }
            while initialized < count, let base = buffer.baseAddress {
                let read = systemRead(descriptor, base + initialized, count - initialized)
                if read < 0, errno == EINTR { continue }
                guard read > 0 else {
                    failed = read < 0
                    return
                }
                initialized += read
            }
        }
        return failed ? nil : bytes
    }
}
