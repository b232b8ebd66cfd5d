import Foundation
import Synchronization
import VaktaalCore

/// The merged file written ahead: while the merge still checks its result, the file it read
/// back is written and flushed to a temporary file beside the output, and
/// ``MergeResult/write(to:oursFiles:folder:staging:)`` then only renames it over the output.
/// The output itself is untouched until then; a staging dropped without a commit (the merge
/// failed, or wrote something else) removes its temporary file.
///
/// Only a merge to one file is staged: a folder as output, or inputs that are folders, are
/// written as ``MergeResult/write(to:oursFiles:folder:staging:)`` always writes them.
public final class MergeStaging: Sendable {
    /// The file the merge will write.
    public let path: String
    private let staged = Mutex<Staged?>(nil)

    /// A file written and flushed, with the bytes it holds. Its writer is used by one thread
    /// at a time: the one that staged it, then (taken out under the lock) the one that commits it.
    private struct Staged: @unchecked Sendable {
        let writer: AtomicFileWriter
        let bytes: [UInt8]
    }

    /// A staging for a merge written to `path`; `nil` when the merge will write a folder there.
    ///
    /// - Parameter folder: Whether the inputs are folders (the output is then one too).
    public init?(path: String, folder: Bool) {
        guard !MergeResult.writesFolder(at: path, fromFolders: folder) else { return nil }
        self.path = path
    }

    /// Writes the merged files ahead when they are one file, replacing what was staged
    /// before. A file that cannot be written is left to the final write, which reports why.
    func stage(_ files: [MergedFile]) {
        guard files.count == 1 else {
            staged.withLock { $0 = nil }
            return
        }
        let bytes = files[0].bytes
        let written: Staged?
        do {
            let writer = try AtomicFileWriter(path: path)
            try writer.write(bytes)
            try writer.flush()
            written = Staged(writer: writer, bytes: bytes)
        } catch {
            written = nil
        }
        staged.withLock { $0 = written }
    }

    /// Renames the staged file over the output when it holds exactly `bytes`.
    ///
    /// - Returns: Whether it did; when not, nothing was written.
    func commit(_ bytes: [UInt8]) throws(FileWriteError) -> Bool {
        guard let staged = staged.withLock({ $0.take() }), staged.bytes == bytes else { return false }
        try staged.writer.commit()
        return true
    }
}
