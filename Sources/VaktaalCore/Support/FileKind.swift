#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a path names, links followed: a walk takes files and folders, and passes over pipes
/// (one nobody writes to blocks a read), devices (`/dev/zero` never ends) and sockets.
public enum FileKind: Sendable, Equatable {
    case folder
    case regularFile
    case pipe
    /// A device or a socket.
    case other

    /// The kind of what `path` names; `nil` when nothing can be found there.
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(mode: status.st_mode)
    }

    /// The kind a file's mode (`st_mode`) says.
    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFDIR: self = .folder
        case S_IFREG: self = .regularFile
        case S_IFIFO: self = .pipe
        default: self = .other
        }
    }
}
