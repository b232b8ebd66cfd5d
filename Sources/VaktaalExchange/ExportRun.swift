import Dispatch
import Foundation
import Synchronization
import VaktaalCore

/// Why an export could not be written. Files already ended stay written; a file being
/// written when the error came is left as it was (writes are atomic).
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The output folder could not be made.
    case cannotCreateFolder(path: String, reason: String)
    /// A file could not be written.
    case notWritten(FileWriteError)
    /// The format writes several files, and the output named is no folder.
    case needsFolder(format: ExportFormat)
    /// Several formats failed (`--all`), each with its own error.
    case several([ExportError])

    public var description: String {
        switch self {
        case .cannotCreateFolder(let path, let reason): "\(path): error: cannot create the folder: \(reason)"
        case .notWritten(let error): error.description
        case .needsFolder(let format): "error: --format \(format.rawValue) writes \(format.fileCount) files: give -o FOLDER"
        case .several(let errors): errors.map(\.description).joined(separator: "\n")
        }
    }

    public var errorDescription: String? { description }
}

/// Writing exports to disk, as `vaktaal export` does it: one format to a file or folder, or
/// every format into a folder in parallel, each file written atomically as it streams.
public enum ExportRun {
    /// Writes every format into `folder`, one per core; formats that share work (the
    /// glossary, the substitutions) run apart, so that the second finds it made instead of
    /// waiting for it.
    ///
    /// - Throws: ``ExportError`` naming every format that failed; the others are written.
    public static func writeAll(_ input: ExportInput, to folder: String) throws(ExportError) {
        try createFolder(folder)
        let formats = Exporters.parallelSchedule
        let failures = Mutex<[ExportError]>([])
        DispatchQueue.concurrentPerform(iterations: formats.count) { index in
            let format = formats[index]
            let sink = FileExportSink { path in
                (folder as NSString).appendingPathComponent(format.fileCount > 1 ? "\(format.rawValue)/\(path)" : path)
            }
            Exporters.exporter(for: format).export(input, to: sink)
            if let failure = sink.failure { failures.withLock { $0.append(failure) } }
        }
        let errors = failures.withLock { $0 }
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty { throw .several(errors) }
    }

    /// Writes one format to the file `output`, or into the folder `output` when it is one
    /// (an existing folder, a path ending in `/`, or a format of several files).
    ///
    /// - Throws: ``ExportError`` when a file or folder cannot be written.
    public static func write(_ format: ExportFormat, _ input: ExportInput, to output: String) throws(ExportError) {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isFolder)
        let intoFolder = format.fileCount > 1 || (exists && isFolder.boolValue) || output.hasSuffix("/")
        let sink = FileExportSink { path in intoFolder ? (output as NSString).appendingPathComponent(path) : output }
        Exporters.exporter(for: format).export(input, to: sink)
        if let failure = sink.failure { throw failure }
    }

    /// Streams a single-file format to standard output.
    ///
    /// - Throws: ``ExportError/needsFolder(format:)`` for a format of several files.
    public static func writeToStandardOutput(_ format: ExportFormat, _ input: ExportInput) throws(ExportError) {
        guard format.fileCount == 1 else { throw .needsFolder(format: format) }
        Exporters.exporter(for: format).export(input, to: StandardOutputSink())
    }

    private static func createFolder(_ path: String) throws(ExportError) {
        guard !path.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return }
            throw .cannotCreateFolder(path: path, reason: error.localizedDescription)
        }
    }
}
