import Dispatch
import Synchronization
import VaktaalText

#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

/// Reads whole files with plain system calls: into one array of the file's size, with no
/// intermediate `Data` or buffer, or (``contents(_:)``, a large file) mapped into memory.
public enum FileBytes {
    /// Regular files of this size or more are mapped by ``contents(_:)``; others are read.
    static let smallestToMap = 1 << 20

    /// The file's bytes to read, or `nil` when it cannot be opened or read (or is a folder).
    /// A regular file of a megabyte or more is mapped into memory (see ``MappedFile``), not
    /// copied: its pages are the system's cache of it. The file is opened once, so a pipe
    /// is read as ``read(_:)`` reads it.
    public static func contents(_ path: String) -> SourceBytes? {
        withOpenFile(path) { descriptor, status in
            if status.st_size >= smallestToMap,
                let file = MappedFile(descriptor: descriptor, status: status, path: path, readAhead: true)
            {
                return SourceBytes(file)
            }
            return readAll(from: descriptor, status: status).map(SourceBytes.init)
        }
    }

    /// The file mapped as it is, each page when it is first touched (a snapshot, of which a
    /// lookup reads little); `nil` when it cannot be opened or mapped, or is empty.
    static func map(_ path: String) -> MappedFile? {
        withOpenFile(path) { descriptor, status in MappedFile(descriptor: descriptor, status: status, path: path) }
    }

    /// The file's bytes, or `nil` when it cannot be opened or read (or is a folder).
    public static func read(_ path: String) -> [UInt8]? {
        withOpenFile(path) { descriptor, status in readAll(from: descriptor, status: status) }
    }

    /// `body`'s result for the file at `path` opened for reading, with its status; `nil` when
    /// it cannot be opened or is no file (a folder; a device or socket, such as `/dev/zero`,
    /// whose reading might never end). A pipe is a file to read.
    private static func withOpenFile<Result>(_ path: String, _ body: (Int32, stat) -> Result?) -> Result? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, [.regularFile, .pipe].contains(FileKind(mode: status.st_mode)) else { return nil }
        return body(descriptor, status)
    }

    /// Everything from the descriptor's position to the end of the file it reads.
    private static func readAll(from descriptor: Int32, status: stat) -> [UInt8]? {
        guard var bytes = readUpTo(Int(status.st_size), from: descriptor) else { return nil }
        // A file that grew since it was measured (or that has no size, as a pipe) is read to its end.
        while true {
            guard let more = readUpTo(1 << 16, from: descriptor) else { return nil }
            if more.isEmpty { return bytes }
            bytes += more
        }
    }

    /// Up to `count` bytes from the descriptor's position (fewer at the end of the file);
    /// `nil` when reading fails. A large read is made in parts side by side (copying from the
    /// system's cache is work for a core), and the position then set after what was read.
    private static func readUpTo(_ count: Int, from descriptor: Int32) -> [UInt8]? {
        let parts = count >= 1 << 23 ? 4 : 1
        let start = parts > 1 ? lseek(descriptor, 0, SEEK_CUR) : 0
        guard start >= 0 else { return readUpTo(count, from: descriptor, in: 1) }
        return readUpTo(count, from: descriptor, in: parts, at: Int(start))
    }

    private static func readUpTo(_ count: Int, from descriptor: Int32, in parts: Int, at start: Int = 0) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            guard parts > 1 else {
                (initialized, failed) = fill(count) { systemRead(descriptor, base + $0, $1) }
                return
            }
            // Each part is read at its offset; what was read counts up to the first part left short.
            let filled = Mutex([(count: Int, failed: Bool)](repeating: (0, false), count: parts))
            nonisolated(unsafe) let shared = base
            @Sendable func range(of part: Int) -> Range<Int> { count * part / parts..<count * (part + 1) / parts }
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let offset = range(of: part).lowerBound
                let result = fill(range(of: part).count) {
                    pread(descriptor, shared + offset + $0, $1, off_t(start + offset + $0))
                }
                filled.withLock { $0[part] = result }
            }
            for (part, result) in filled.withLock({ $0 }).enumerated() {
                initialized += result.count
                failed = failed || result.failed
                if failed || result.count < range(of: part).count { break }
            }
            if !failed { failed = lseek(descriptor, off_t(start + initialized), SEEK_SET) < 0 }
        }
        return failed ? nil : bytes
    }

    /// Reads `count` bytes with `read` (given how many are done and how many remain), until
    /// they are all there or the file ends: how many were read, and whether reading failed.
    private static func fill(_ count: Int, _ read: (_ done: Int, _ remaining: Int) -> Int) -> (count: Int, failed: Bool) {
        var done = 0
        while done < count {
            let got = read(done, count - done)
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return (done, got < 0) }
            done += got
        }
        return (done, false)
    }
}
