import Foundation
import VaktaalCore
import VaktaalText

/// Writes what an import made: one vocabulary file per scheme, in the canonical layout,
/// atomically, never over an existing file unless asked to.
public enum ImportRun {
    /// One file to write.
    public struct PlannedFile: Sendable {
        /// Where it goes.
        public let path: String
        /// What goes in it.
        public let vocabulary: Vocabulary
    }

    /// One file written, with what it holds.
    public struct WrittenFile: Sendable {
        /// Where it went.
        public let path: String
        /// The vocabulary's metadata (its concepts were written one by one, not kept).
        public let vocabulary: Vocabulary
        /// How many concepts it holds.
        public let conceptCount: Int
        /// Its labels counted by kind and language, in kind order, then language order.
        public let labelCounts: [(kind: LabelKind, language: String, count: Int)]
    }

    /// Where each vocabulary goes: `output` itself for one vocabulary; for several, one
    /// file each beside it, named `NAME-<scheme id>.xml` (or `<scheme id>.xml` inside
    /// `output` when it is a folder).
    public static func paths(for vocabularies: [Vocabulary], output: String) -> [String] {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isFolder)
        if (exists && isFolder.boolValue) || output.hasSuffix("/") {
            let folder = output.hasSuffix("/") ? String(output.dropLast()) : output
            return vocabularies.map { "\(folder)/\($0.id).xml" }
        }
        guard vocabularies.count > 1 else { return vocabularies.map { _ in output } }
        let stem = output.hasSuffix(".xml") ? String(output.dropLast(4)) : output
        return vocabularies.map { "\(stem)-\($0.id).xml" }
    }

    /// The files of a whole result, as ``paths(for:output:)`` names them.
    public static func plan(_ result: ImportResult, output: String) -> [PlannedFile] {
        zip(paths(for: result.vocabularies, output: output), result.vocabularies).map { PlannedFile(path: $0, vocabulary: $1) }
    }

    /// Gives the vocabularies ids no other file of the folder they go to has, so that the
    /// folder stays valid (`vaktaal check` wants scheme ids unique); the report says so.
    public static func avoidTakenIDs(_ prepared: PreparedImport, output: String) {
        let paths = paths(for: prepared.vocabularies, output: output)
        let folder = paths.first.map { FilePaths.folder(of: $0) } ?? ""
        let directory = folder.isEmpty ? "." : folder
        let replaced = Set(paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        var taken = Set<String>()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        where name.hasSuffix(".xml") && !name.hasPrefix(".") {
            let file = directory + "/" + name
            guard !replaced.contains(URL(fileURLWithPath: file).standardizedFileURL.path),
                let vocabulary = VocabularyLoader.read(file: file).vocabulary
            else { continue }
            taken.insert(vocabulary.id)
        }
        for index in prepared.vocabularies.indices where taken.contains(prepared.vocabularies[index].id) {
            let old = prepared.vocabularies[index].id
            var number = 2
            while taken.contains("\(old)-\(number)") { number += 1 }
            taken.insert("\(old)-\(number)")
            prepared.rename(index, to: "\(old)-\(number)")
        }
    }

    /// Writes every vocabulary of `prepared`, making its concepts one by one on the way.
    ///
    /// - Throws: ``ImportError/outputExists(path:)`` when a file exists and `force` is
    ///   false (nothing is written then), ``FileWriteError`` when writing fails.
    public static func write(_ prepared: PreparedImport, to output: String, force: Bool) throws -> [WrittenFile] {
        let paths = paths(for: prepared.vocabularies, output: output)
        try refuseExisting(paths, force: force)
        var written: [WrittenFile] = []
        for (index, path) in paths.enumerated() {
            var counts: [LabelKind: [String: Int]] = [:]
            var conceptCount = 0
            try write(prepared.vocabularies[index], to: path) { write in
                prepared.forEachConcept(of: index) { concept in
                    conceptCount += 1
                    for label in concept.labels { counts[label.kind, default: [:]][label.language, default: 0] += 1 }
                    write(concept)
                }
            }
            let labelCounts = LabelKind.allCases.flatMap { kind in
                (counts[kind] ?? [:]).sorted { $0.key < $1.key }.map { (kind, $0.key, $0.value) }
            }
            written.append(
                WrittenFile(
                    path: path, vocabulary: prepared.vocabularies[index], conceptCount: conceptCount, labelCounts: labelCounts))
        }
        return written
    }

    /// Writes the planned files.
    ///
    /// - Throws: ``ImportError/outputExists(path:)`` when a file exists and `force` is
    ///   false (nothing is written then), ``FileWriteError`` when writing fails.
    public static func write(_ files: [PlannedFile], force: Bool) throws {
        try refuseExisting(files.map(\.path), force: force)
        for file in files { try write(file.vocabulary, to: file.path) { _ in } }
    }

    private static func refuseExisting(_ paths: [String], force: Bool) throws {
        if !force, let existing = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw ImportError.outputExists(path: existing)
        }
    }

    /// Writes `vocabulary` (and the concepts `concepts` gives) atomically in pieces.
    private static func write(
        _ vocabulary: Vocabulary, to path: String, concepts: (_ write: (Concept) -> Void) -> Void
    ) throws {
        let folder = FilePaths.folder(of: path)
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let writer = try AtomicFileWriter(path: path)
        var failure: FileWriteError?
        VocabularyWriter.write(vocabulary, concepts: concepts) { piece in
            guard failure == nil else { return }
            do throws(FileWriteError) { try writer.write(piece) } catch { failure = error }
        }
        if let failure { throw failure }
        try writer.commit()
    }
}
