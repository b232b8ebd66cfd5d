import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// Why a file could not be written. The original file is untouched in every case.
public enum FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call failed; `reason` is the system's message.
    case failed(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case .failed(let path, _, _): "\(path): error: \(problem)"
        }
    }

    /// What went wrong, without the path (for a report that names the file already).
    public var problem: String {
        switch self {
        case .failed(_, let operation, let reason): "cannot \(operation): \(reason)"
        }
    }
}

/// Writes files atomically: the bytes go to a temporary file beside the target, are
/// flushed to disk (`fsync`), and the temporary file is renamed over the target, so a
/// reader sees either the old file or the new one, never half of one. A symbolic link is
/// followed (the file it names is replaced, the link stays), and a file its owner made
/// read-only is not replaced.
public enum AtomicFile {
    /// Replaces (or creates) `path` with `contents`, keeping the permissions of an existing file.
    public static func write(_ contents: String, to path: String) throws(FileWriteError) {
        try write(Array(contents.utf8), to: path)
    }

    /// Replaces (or creates) `path` with `bytes`, keeping the permissions of an existing file.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileWriteError) {
        let file = try AtomicFileWriter(path: path)
        try file.write(bytes)
        try file.commit()
    }
}

/// A file written atomically in pieces: bytes are appended to a temporary file beside the
/// target, and ``commit()`` flushes it to disk and renames it over the target. Until then
/// the target is untouched; a writer dropped without a commit removes its temporary file.
public final class AtomicFileWriter {
    /// The file replaced on commit.
    public let path: String
    private let temporary: String
    private var descriptor: Int32
    private var committed = false

    /// Creates the temporary file, with the permissions of an existing target.
    ///
    /// - Parameter path: The file to replace; a symbolic link stands for the file it names.
    /// - Throws: ``FileWriteError`` when the file is read-only to the caller, or the
    ///   temporary file cannot be made.
    public init(path: String) throws(FileWriteError) {
        let path = try Self.followingLinks(path)
        self.path = path
        // Read-only by its mode (root too may write any file, but the mode is what the owner
        // said), or to this user.
        var existing = stat()
        let exists = stat(path, &existing) == 0
        if exists, existing.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH) == 0 || access(path, W_OK) != 0 {
            throw .failed(path: path, operation: "replace the file", reason: "it is read-only")
        }
        let folder = Self.parentFolder(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(folder)/.\(name).tmp-XXXXXX".utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { throw Self.failure(path, "create a temporary file") }
        temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let mode = exists ? existing.st_mode & 0o7777 : 0o666 & ~Self.fileCreationMask
        guard fchmod(descriptor, mode) == 0 else { throw Self.failure(path, "write") }
    }

    /// The process's file mode creation mask, which a new file honours as `open` would make it
    /// (`umask 077` keeps it private): read once, from `/proc/self/status` on Linux; elsewhere
    /// by setting it for a moment, which another thread creating a file then could meet.
    private static let fileCreationMask: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        {
            return mask
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    deinit {
        guard !committed else { return }
        if descriptor >= 0 { close(descriptor) }
        unlink(temporary)
    }

    /// Appends bytes to the temporary file.
    public func write(_ bytes: [UInt8]) throws(FileWriteError) {
        let failure: FileWriteError? = bytes.withUnsafeBytes { buffer in
            do throws(FileWriteError) {
                try write(buffer)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Appends bytes to the temporary file.
    public func write(_ buffer: UnsafeRawBufferPointer) throws(FileWriteError) {
        var offset = 0
        while offset < buffer.count {
            guard let base = buffer.baseAddress else { return }
            let written = systemWrite(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.failure(path, "write")
            }
            offset += written
        }
    }

    /// Flushes what was written so far to disk (``commit()`` then has little left to flush).
    public func flush() throws(FileWriteError) {
        guard fsync(descriptor) == 0 else { throw Self.failure(path, "write") }
    }

    /// Flushes the temporary file to disk and renames it over the target.
    public func commit() throws(FileWriteError) {
        let synced = fsync(descriptor) == 0
        let error = synced ? nil : Self.failure(path, "write")
        close(descriptor)
        descriptor = -1
        if let error { throw error }
        guard rename(temporary, path) == 0 else { throw Self.failure(path, "replace the file") }
        committed = true
        Self.syncFolder(Self.parentFolder(of: path))
    }

    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The file `path` names through any symbolic links; else `path`. A link to a file that
    /// is not there yet names where the file is made, as a shell's `>` makes it.
    ///
    /// - Throws: ``FileWriteError`` for links that go round in a circle.
    private static func followingLinks(_ path: String) throws(FileWriteError) -> String {
        var current = path
        // As many links as the system follows (Linux's MAXSYMLINKS).
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            if let resolved = realpath(current, nil) {
                defer { free(resolved) }
                return String(cString: resolved)
            }
            // Only a link to a file that is not there is followed by hand (a loop is ELOOP).
            guard errno == ENOENT else { throw failure(path, "follow the symbolic link") }
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &target, target.count - 1)
            guard length > 0 else { return current }
            let name = String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = name.hasPrefix("/") ? name : parentFolder(of: current) + "/" + name
        }
        errno = ELOOP
        throw failure(path, "follow the symbolic link")
    }

    private static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func failure(_ path: String, _ operation: String) -> FileWriteError {
        .failed(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }
}

extension FileWriteError: LocalizedError {
    /// The same text as `description`, for callers that show `localizedDescription`.
    public var errorDescription: String? { description }
}
