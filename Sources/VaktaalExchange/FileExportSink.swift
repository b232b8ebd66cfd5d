import Foundation
import VaktaalCore
import VaktaalText

/// Writes an export's files to disk as they stream in, each one atomically (a temporary
/// file renamed over the target when the file ends). The first failure is kept, and the
/// rest of the export is then dropped; files already ended stay written.
public final class FileExportSink: ExportSink {
    private let target: (String) -> String
    private var file: AtomicFileWriter?
    /// What went wrong first.
    public private(set) var failure: ExportError?

    /// A sink that writes each file at `target(relativePath)`.
    public init(target: @escaping (String) -> String) {
        self.target = target
    }

    public func begin(_ path: String) {
        guard failure == nil else { return }
        let destination = target(path)
        let folder = FilePaths.folder(of: destination)
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        } catch {
            failure = .cannotCreateFolder(path: folder, reason: error.localizedDescription)
            return
        }
        do {
            file = try AtomicFileWriter(path: destination)
        } catch {
            failure = .notWritten(error)
        }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, let file else { return }
        do {
            try file.write(bytes)
        } catch {
            failure = .notWritten(error)
            self.file = nil
        }
    }

    public func end() {
        guard failure == nil, let file else { return }
        do {
            try file.commit()
        } catch {
            failure = .notWritten(error)
        }
        self.file = nil
    }
}

/// Streams a single-file export to standard output.
public final class StandardOutputSink: ExportSink {
    /// A sink for standard output.
    public init() {}

    public func begin(_ path: String) {}
    public func write(_ bytes: UnsafeRawBufferPointer) { FileHandle.standardOutput.write(Data(bytes)) }
    public func end() {}
}
