import Foundation
import VaktaalCore

extension MergeResult {
    /// Whether a merge writes a folder at `path` whatever it merged: `path` is a folder or
    /// ends in `/`, or the inputs were folders. (Otherwise it writes one file when it has one scheme.)
    static func writesFolder(at path: String, fromFolders folder: Bool) -> Bool {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        return (exists && isFolder.boolValue) || path.hasSuffix("/") || folder
    }

    /// Writes the merged vocabulary to `path`, atomically, file by file.
    ///
    /// `path` is one file when the merge has one scheme, `path` is not a folder and the
    /// inputs were not folders; else a folder (made when missing) that gets one file per
    /// scheme, named as in our version, and loses the files of our schemes the merge removed.
    /// Nothing else is written, so an input is overwritten only when `path` names it.
    ///
    /// - Parameters:
    ///   - oursFiles: The files our version was read from (their names are removed from a
    ///     folder when the merge dropped their schemes).
    ///   - folder: Whether the inputs were folders, so that the output is one too.
    ///   - staging: The staging the merge wrote its file to ahead, if any: when it holds this
    ///     file for `path`, it is only renamed over it.
    /// - Throws: ``MergeError``.
    public func write(
        to path: String, oursFiles: [String] = [], folder: Bool = false, staging: MergeStaging? = nil
    ) throws(MergeError) {
        guard Self.writesFolder(at: path, fromFolders: folder) || files.count != 1 else {
            do {
                if let staging, staging.path == path, try staging.commit(files[0].bytes) { return }
                try AtomicFile.write(files[0].bytes, to: path)
            } catch {
                throw .write(error)
            }
            return
        }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        guard !files.isEmpty || isFolder.boolValue || path.hasSuffix("/") || folder else {
            throw .outputMismatch(path: path, reason: "the merge removed every scheme")
        }
        guard !exists || isFolder.boolValue else {
            throw .outputMismatch(path: path, reason: "the merge has \(files.count) schemes from folders; name a folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .outputMismatch(path: path, reason: "the folder cannot be made: \(error.localizedDescription)")
        }
        let target = path.hasSuffix("/") ? path : path + "/"
        let names = Set(files.map(\.fileName))
        do {
            for file in files { try AtomicFile.write(file.bytes, to: target + file.fileName) }
        } catch {
            throw .write(error)
        }
        for stale in oursFiles.compactMap({ $0.split(separator: "/").last.map(String.init) }) where !names.contains(stale) {
            try? FileManager.default.removeItem(atPath: target + stale)
        }
    }
}
