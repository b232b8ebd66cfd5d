import Foundation
import VaktaalCore

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

    /// Where each vocabulary goes: `output` itself for one vocabulary; for several, one
    /// file each beside it, named `NAME-<scheme id>.xml` (or `<scheme id>.xml` inside
    /// `output` when it is a folder).
    public static func plan(_ result: ImportResult, output: String) -> [PlannedFile] {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isFolder)
        if (exists && isFolder.boolValue) || output.hasSuffix("/") {
            let folder = output.hasSuffix("/") ? String(output.dropLast()) : output
            return result.vocabularies.map { PlannedFile(path: "\(folder)/\($0.id).xml", vocabulary: $0) }
        }
        guard result.vocabularies.count > 1 else {
            return result.vocabularies.map { PlannedFile(path: output, vocabulary: $0) }
        }
        let stem = output.hasSuffix(".xml") ? String(output.dropLast(4)) : output
        return result.vocabularies.map { PlannedFile(path: "\(stem)-\($0.id).xml", vocabulary: $0) }
    }

    /// Gives the vocabularies ids no other file of the folder they go to has, so that the
    /// folder stays valid (`vaktaal check` wants scheme ids unique). Returns the renamings
    /// as warnings.
    public static func avoidingTakenIDs(_ result: ImportResult, output: String) -> ImportResult {
        let folder = plan(result, output: output).first.map { ($0.path as NSString).deletingLastPathComponent } ?? "."
        let replaced = Set(plan(result, output: output).map { URL(fileURLWithPath: $0.path).standardizedFileURL.path })
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        var taken = Set<String>()
        for name in names where name.hasSuffix(".xml") && !name.hasPrefix(".") {
            let file = (folder.isEmpty ? "." : folder) + "/" + name
            guard !replaced.contains(URL(fileURLWithPath: file).standardizedFileURL.path),
                let vocabulary = VocabularyLoader.read(file: file).vocabulary
            else { continue }
            taken.insert(vocabulary.id)
        }
        guard !taken.isEmpty else { return result }
        var changed = result
        for index in changed.vocabularies.indices where taken.contains(changed.vocabularies[index].id) {
            let old = changed.vocabularies[index].id
            var number = 2
            while taken.contains("\(old)-\(number)") { number += 1 }
            let new = "\(old)-\(number)"
            changed.vocabularies[index].id = new
            taken.insert(new)
            for other in changed.vocabularies.indices {
                changed.vocabularies[other].concepts = changed.vocabularies[other].concepts.map { renaming(old, to: new, in: $0) }
            }
            changed.report.warnings.append(
                ImportReport.Warning(
                    message: "scheme id taken by another file of the folder, renamed", count: 1, example: "\(old) → \(new)"))
        }
        return changed
    }

    /// Writes the planned files.
    ///
    /// - Throws: ``ImportError/outputExists(path:)`` when a file exists and `force` is
    ///   false (nothing is written then), ``FileWriteError`` when writing fails.
    public static func write(_ files: [PlannedFile], force: Bool) throws {
        if !force, let existing = files.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            throw ImportError.outputExists(path: existing.path)
        }
        for file in files {
            let folder = (file.path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var vocabulary = file.vocabulary
            vocabulary.path = file.path
            try AtomicFile.write(VocabularyWriter.bytes(for: vocabulary), to: file.path)
        }
    }

    /// References of the form `old:id` in a concept, pointed at `new:id`.
    private static func renaming(_ old: String, to new: String, in concept: Concept) -> Concept {
        let prefix = old + ":"
        func renamed(_ reference: String) -> String {
            reference.hasPrefix(prefix) ? new + ":" + reference.dropFirst(prefix.count) : reference
        }
        var result = concept
        result.relations = concept.relations.map { relation in
            var copy = relation
            copy.reference = renamed(relation.reference)
            return copy
        }
        result.mappings = concept.mappings.map { mapping in
            var copy = mapping
            if case .reference(let reference) = mapping.target { copy.target = .reference(renamed(reference)) }
            return copy
        }
        result.replacedBy = concept.replacedBy.map(renamed)
        return result
    }
}
