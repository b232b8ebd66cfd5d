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
    /// Device, inode, size, modification time (seconds, nanoseconds) and change time
    /// (seconds, nanoseconds), in that order.
    let numbers: [Int64]

    /// The stamp of a file whose status is `status`.
    init(_ status: stat) {
        #if canImport(Darwin)
            let (modified, changed) = (status.st_mtimespec, status.st_ctimespec)
        #else
            let (modified, changed) = (status.st_mtim, status.st_ctim)
        #endif
        numbers = [
            Int64(truncatingIfNeeded: status.st_dev), Int64(truncatingIfNeeded: status.st_ino), Int64(status.st_size),
            Int64(modified.tv_sec), Int64(modified.tv_nsec), Int64(changed.tv_sec), Int64(changed.tv_nsec),
        ]
    }

    /// The stamp written as ``text``; `nil` for any other text.
    init?(text: String) {
        let fields = text.split(separator: " ", omittingEmptySubsequences: false)
        let numbers = fields.compactMap { Int64($0) }
        guard fields.count == 7, numbers.count == 7 else { return nil }
        self.numbers = numbers
    }

    /// The file's device.
    var device: UInt64 { UInt64(bitPattern: numbers[0]) }
    /// The file's inode.
    var inode: UInt64 { UInt64(bitPattern: numbers[1]) }

    /// The stamp as one line of numbers.
    var text: String { numbers.map(String.init).joined(separator: " ") }

    /// The later of the modification and change times, in seconds since 1970.
    var latestChange: Double {
        max(Double(numbers[3]) + Double(numbers[4]) / 1e9, Double(numbers[5]) + Double(numbers[6]) / 1e9)
    }

    /// Whether the file was last changed some seconds before `moment` (seconds since 1970):
    /// long enough that a later write gives it a later change time on any file system.
    func isSettled(before moment: Double) -> Bool { Self.isSettled(latestChange, before: moment) }

    /// Whether a change at `time` lies far enough before `moment` (both in seconds since 1970).
    static func isSettled(_ time: Double, before moment: Double) -> Bool { time < moment - 2 }
}
