import Foundation
import VaktaalCore
import VaktaalExchange

/// Writes an export's files to disk as they stream in, each one atomically (a temporary
/// file renamed over the target when the file ends). The first failure is kept, and the
/// rest of the export is then dropped; files already ended stay written.
final class FileExportSink: ExportSink {
    private let target: (String) -> String
    private var file: AtomicFileWriter?
    /// What went wrong first, as a message for standard error.
    private(set) var failure: String?

    /// A sink that writes each file at `target(relativePath)`.
    init(target: @escaping (String) -> String) {
        self.target = target
    }

    func begin(_ path: String) {
        guard failure == nil else { return }
        let destination = target(path)
        let folder = (destination as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        } catch {
            failure = "\(folder): error: cannot create the folder: \(error.localizedDescription)"
            return
        }
        do {
            file = try AtomicFileWriter(path: destination)
        } catch {
            failure = error.description
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, let file else { return }
        do {
            try file.write(bytes)
        } catch {
            failure = error.description
            self.file = nil
        }
    }

    func end() {
        guard failure == nil, let file else { return }
        do {
            try file.commit()
        } catch {
            failure = error.description
        }
        self.file = nil
    }
}

/// Streams a single-file export to standard output.
final class StandardOutputSink: ExportSink {
    func begin(_ path: String) {}
    func write(_ bytes: UnsafeRawBufferPointer) { FileHandle.standardOutput.write(Data(bytes)) }
    func end() {}
}
