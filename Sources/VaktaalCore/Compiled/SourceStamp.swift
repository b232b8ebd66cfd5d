#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the file system says of a vocabulary's source files: for each its path, device,
/// inode, size and its change and modification times to the nanosecond. While the stamp is
/// the one seen when the files' contents were hashed, the contents are not read again to
/// find their snapshot (as git trusts its index for files that did not change).
///
/// A stamp is recorded only for files that had been left alone for a while before they were
/// read (``isSettled(before:)``): a change after that moves the change time, which a program
/// cannot set back, so a file written twice within one tick of the clock is never taken for
/// the one that was hashed. (A file system without real change times, or whose clock runs
/// seconds behind, could defeat this: `--no-cache` reads the files in any case, and a stamp
/// found naming other contents when a snapshot is compiled is dropped.)
struct SourceStamp: Equatable {
    /// The hash of every file's stamp and the program, as a file name.
    let name: String
    /// The latest change or modification time of the files, in seconds since 1970.
    private let latestChange: Double

    /// The stamp of `files` for `program`; `nil` when a file cannot be examined.
    init?(files: [String], program: String) {
        var hash = ContentHash()
        hash.update("stamp \(SnapshotFile.formatVersion), \(program), \(files.count) files")
        var latest = 0.0
        for file in files {
            var status = stat()
            guard stat(file, &status) == 0 else { return nil }
            let stamp = FileStamp(status)
            hash.update("\(file)\n")
            stamp.numbers.withUnsafeBytes { hash.update($0) }
            latest = max(latest, stamp.latestChange)
        }
        let value = hash.value
        name = SnapshotKey(first: value.0, second: value.1).name
        latestChange = latest
    }

    /// Whether every file was last changed some seconds before `moment` (seconds since
    /// 1970): long enough that a later change gets a later change time on any file system.
    func isSettled(before moment: Double) -> Bool { FileStamp.isSettled(latestChange, before: moment) }
}
