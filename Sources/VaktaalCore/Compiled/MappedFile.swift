#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file mapped read-only into memory for as long as this object lives. Snapshots are
/// replaced by renaming a whole new file over them, never written in place, so the pages
/// seen stay the ones that were checked.
final class MappedFile: @unchecked Sendable {
    /// The file's bytes.
    let bytes: UnsafeRawBufferPointer
    /// Where the file is.
    let path: String
    /// The file's device and inode when it was mapped.
    private let identity: (device: UInt64, inode: UInt64)

    /// Maps the file at `path`; `nil` when it cannot be opened or mapped (or is empty).
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        let length = Int(status.st_size)
        guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            return nil
        }
        bytes = UnsafeRawBufferPointer(start: address, count: length)
        self.path = path
        identity = (UInt64(truncatingIfNeeded: status.st_dev), UInt64(truncatingIfNeeded: status.st_ino))
    }

    /// Removes the file (found damaged), unless another file has been renamed onto its path since it was mapped.
    func removeIfUnreplaced() {
        var status = stat()
        guard stat(path, &status) == 0, UInt64(truncatingIfNeeded: status.st_dev) == identity.device,
            UInt64(truncatingIfNeeded: status.st_ino) == identity.inode
        else { return }
        unlink(path)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}
