#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the file system says of one file: its device, inode, size, and its modification and
/// change times to the nanosecond. Any write to the file, or a file put in its place, gives
/// another stamp (provided the write is not within the clock tick the stamp was taken in:
/// see ``isSettled(before:)``).
struct FileStamp: Equatable {
    let device: UInt64
    let inode: UInt64
    private let size: Int64
    private let modified: (seconds: Int64, nanoseconds: Int64)
    private let changed: (seconds: Int64, nanoseconds: Int64)

    /// The stamp of a file whose status is `status`.
    init(_ status: stat) {
        #if canImport(Darwin)
            let (modified, changed) = (status.st_mtimespec, status.st_ctimespec)
        #else
            let (modified, changed) = (status.st_mtim, status.st_ctim)
        #endif
        device = UInt64(truncatingIfNeeded: status.st_dev)
        inode = UInt64(truncatingIfNeeded: status.st_ino)
        size = Int64(status.st_size)
        self.modified = (Int64(modified.tv_sec), Int64(modified.tv_nsec))
        self.changed = (Int64(changed.tv_sec), Int64(changed.tv_nsec))
    }

    /// The stamp written as ``text``; `nil` for any other text.
    init?(text: String) {
        let fields = text.split(separator: " ", omittingEmptySubsequences: false)
        let numbers = fields.compactMap { Int64($0) }
        guard fields.count == 7, numbers.count == 7 else { return nil }
        device = UInt64(bitPattern: numbers[0])
        inode = UInt64(bitPattern: numbers[1])
        size = numbers[2]
        modified = (numbers[3], numbers[4])
        changed = (numbers[5], numbers[6])
    }

    /// The stamp as one line of numbers.
    var text: String {
        [Int64(bitPattern: device), Int64(bitPattern: inode), size, modified.0, modified.1, changed.0, changed.1]
            .map(String.init).joined(separator: " ")
    }

    /// Whether the file was last changed some seconds before `moment` (seconds since 1970):
    /// long enough that a later write gives it a later change time on any file system.
    func isSettled(before moment: Double) -> Bool {
        [modified, changed].allSatisfy { Double($0.seconds) + Double($0.nanoseconds) / 1e9 < moment - 2 }
    }

    static func == (lhs: FileStamp, rhs: FileStamp) -> Bool {
        (lhs.device, lhs.inode, lhs.size) == (rhs.device, rhs.inode, rhs.size) && lhs.modified == rhs.modified
            && lhs.changed == rhs.changed
    }
}
