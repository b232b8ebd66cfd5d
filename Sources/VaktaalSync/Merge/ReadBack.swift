import VaktaalCore

/// The last guard before anything is written: the result in the canonical layout, read
/// again, must read without errors and say exactly what was decided.
enum ReadBack {
    /// The canonical bytes of each scheme, once they are known to read back.
    ///
    /// - Throws: ``MergeError/resultNotReadable(problems:)`` with the reader's errors, or
    ///   with the schemes whose content differs when read back.
    static func verify(_ vocabularies: [Vocabulary]) throws(MergeError) -> [MergedFile] {
        let files = Parallel.map(vocabularies.count) { index in
            MergedFile(
                scheme: vocabularies[index].id, sourcePath: vocabularies[index].path,
                bytes: VocabularyWriter.bytes(for: vocabularies[index]))
        }
        let loaded = VocabularyLoader.load(sources: files.map { (path: $0.fileName, bytes: $0.bytes) })
        let problems = loaded.diagnostics.filter { $0.severity == .error }.map(\.description)
        guard problems.isEmpty else { throw .resultNotReadable(problems: problems) }
        guard loaded.set.isSemanticallyEqual(to: VocabularySet(vocabularies)) else {
            throw .resultNotReadable(problems: ["the written files say something else than the merge decided"])
        }
        return files
    }
}
