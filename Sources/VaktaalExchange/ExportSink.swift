/// Receives an export's files as they are made, in pieces: an export of any size streams
/// through a buffer of about a megabyte, and the first bytes can reach the disk while the
/// rest is being made.
public protocol ExportSink: AnyObject {
    /// Starts the next file, at a path relative to the output folder (`/`-separated).
    func begin(_ path: String)
    /// Appends bytes to the file begun last (they are only valid during the call).
    func write(_ bytes: UnsafeRawBufferPointer)
    /// Ends the file begun last.
    func end()
}

extension ExportSink {
    /// Writes a whole file made in memory.
    func file(_ path: String, _ bytes: [UInt8]) {
        begin(path)
        bytes.withUnsafeBytes { write($0) }
        end()
    }
}

/// Collects an export's files in memory.
public final class MemorySink: ExportSink {
    /// The files ended so far, in order.
    public private(set) var files: [ExportFile] = []
    private var current: (path: String, bytes: [UInt8])?

    /// Creates an empty sink.
    public init() {}

    public func begin(_ path: String) { current = (path, []) }

    public func write(_ bytes: UnsafeRawBufferPointer) { current?.bytes += bytes }

    public func end() {
        guard let current else { return }
        files.append(ExportFile(path: current.path, contents: current.bytes))
        self.current = nil
    }
}
