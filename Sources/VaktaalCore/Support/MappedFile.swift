#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file mapped read-only into memory for as long as this object lives: its pages
/// are the system's cache of the file, neither copied nor cleared.
///
/// The bytes are those of the file as it was opened. A file replaced by renaming another over
/// it (as snapshots, atomic writes and git do) stays mapped as it was; one truncated in place
/// while mapped cannot be read past its new end (the process gets `SIGBUS`), the risk every
/// program that maps its input takes.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes.
    let bytes: UnsafeRawBufferPointer
    /// Where the file is.
    let path: String
    /// The file's stamp when it was mapped.
    let stamp: FileStamp

    /// Maps the regular file open as `descriptor`, whose `status` was just taken; `nil` when
    /// it is not a regular file, is empty or cannot be mapped. The descriptor stays the caller's.
    ///
    /// - Parameter readAhead: Map every page at once (for a file about to be read through),
    ///   instead of each when it is first touched (Linux; elsewhere pages are mapped as touched).
    init?(descriptor: Int32, status: stat, path: String, readAhead: Bool = false) {
        guard status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else { return nil }
        let length = Int(status.st_size)
        guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE | (readAhead ? Self.populate : 0), descriptor, 0),
            address != MAP_FAILED
        else {
            return nil
        }
        bytes = UnsafeRawBufferPointer(start: address, count: length)
        self.path = path
        stamp = FileStamp(status)
    }

    /// Removes the file (found damaged), unless another file has been renamed onto its path since it was mapped.
    func removeIfUnreplaced() {
        var status = stat()
        guard stat(path, &status) == 0, UInt64(truncatingIfNeeded: status.st_dev) == stamp.device,
            UInt64(truncatingIfNeeded: status.st_ino) == stamp.inode
        else { return }
        unlink(path)
    }

    /// What `body` gives; when it throws, the file is removed (found damaged) as
    /// ``removeIfUnreplaced()`` does, for the next run to write it again.
    func removingIfItFails<Value>(_ body: () throws(SnapshotError) -> Value) throws(SnapshotError) -> Value {
        do throws(SnapshotError) {
            return try body()
        } catch {
            removeIfUnreplaced()
            throw error
        }
    }

    #if os(Linux)
        private static let populate = MAP_POPULATE
    #else
        private static let populate: Int32 = 0
    #endif

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}
