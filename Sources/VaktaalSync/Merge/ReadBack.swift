import VaktaalCore

/// The last guard before anything is written: the result written out, read again, must
/// read without errors and say exactly what was decided.
enum ReadBack {
    /// The bytes of each scheme, once they are known to read back: in the layout of our file
    /// of it where `writings` has one (``OurFileLayout``), else in the canonical layout, with
    /// the line ends `writings` gives (line feeds without). What they have in common with the
    /// files of `read` is not read again (``SharedReader``). Each file is written on one core
    /// (after a short walk on all of them for its namespaces): the result is checked on the
    /// others meanwhile. When a scheme written in our layout does not read back, the result
    /// is written and read back again in the canonical layout.
    ///
    /// - Parameters:
    ///   - writings: Per scheme, how to write it.
    ///   - staging: Where the files are written ahead while they are read back (they
    ///     are only renamed into place when the merge is done, so a file that does not read
    ///     back is never written).
    /// - Throws: ``MergeError/resultNotReadable(problems:)`` with the reader's errors, or
    ///   with the concepts and schemes that say something else when read back.
    static func verify(
        _ vocabularies: [Vocabulary], writings: [SchemeWriting] = [], after read: ReadParts = ReadParts(),
        staging: MergeStaging? = nil
    ) throws(MergeError) -> [MergedFile] {
        let written = Parallel.mapEach(vocabularies.count) { index -> (bytes: [UInt8], inOurLayout: Bool) in
            let vocabulary = vocabularies[index]
            let writing = writings.indices.contains(index) ? writings[index] : nil
            if let bytes = writing?.ourLayout?.bytes(of: vocabulary) { return (bytes, true) }
            let canonical = VocabularyWriter.bytes(for: vocabulary, onAllCores: false)
            return ((writing?.lineEnding ?? .lineFeed).applied(to: canonical), false)
        }
        do {
            return try verify(vocabularies, written.map(\.bytes), after: read, staging: staging)
        } catch  where written.contains(where: \.inOurLayout) {
            return try verify(vocabularies, writings: writings.map(\.canonical), after: read, staging: staging)
        }
    }

    /// The files of `bytes`, once they are known to read back as `vocabularies`.
    private static func verify(
        _ vocabularies: [Vocabulary], _ bytes: [[UInt8]], after read: ReadParts, staging: MergeStaging?
    ) throws(MergeError) -> [MergedFile] {
        let files = zip(vocabularies, bytes).map { vocabulary, bytes in
            MergedFile(scheme: vocabulary.id, sourcePath: vocabulary.path, bytes: bytes)
        }
        let sources = files.map { (path: $0.fileName, bytes: SourceBytes($0.bytes)) }
        let (_, reads) = Parallel.both(
            { staging?.stage(files) },
            { SharedReader.read(sources, after: read, positions: .ofFirstReading, notingParts: false).reads })
        let problems = reads.flatMap(\.diagnostics).filter { $0.severity == .error }.map(\.description)
        guard problems.isEmpty else { throw .resultNotReadable(problems: problems) }
        let differences = self.differences(vocabularies, reads.compactMap(\.vocabulary))
        guard differences.isEmpty else { throw .resultNotReadable(problems: differences) }
        return files
    }

    /// What the vocabularies read back say differently: compared as written (in the order
    /// the writer puts things), and where that differs, by content.
    private static func differences(_ vocabularies: [Vocabulary], _ readBack: [Vocabulary]) -> [String] {
        guard readBack.count == vocabularies.count else { return ["a scheme is missing when read back"] }
        var problems: [String] = []
        var suspects: [(scheme: Int, index: Int)] = []
        for (schemeIndex, (written, read)) in zip(vocabularies, readBack).enumerated() {
            if SchemeContent(written) != SchemeContent(read) { problems.append("scheme '\(written.id)' reads back otherwise") }
            guard written.concepts.count == read.concepts.count else {
                problems.append(
                    "scheme '\(written.id)' reads back with \(read.concepts.count) concepts, not \(written.concepts.count)")
                continue
            }
            let mismatches = Parallel.map(written.concepts.count) { index -> Int? in
                let (concept, again) = (written.concepts[index], read.concepts[index])
                return concept.isWrittenAlike(again) || canonical(concept).isWrittenAlike(again)
                    ? nil : index
            }
            suspects += mismatches.compactMap { $0 }.map { (schemeIndex, $0) }
        }
        guard !suspects.isEmpty, problems.isEmpty else { return problems }
        // Only concepts that are not written alike are compared by content, which needs the sets.
        let (original, readBack) = (VocabularySet(vocabularies), VocabularySet(readBack))
        var offsets: [Int] = []
        var offset = 0
        for vocabulary in vocabularies {
            offsets.append(offset)
            offset += vocabulary.concepts.count
        }
        for (scheme, index) in suspects {
            let key = ConceptKey(offsets[scheme] + index)
            if ConceptContent(key, in: original) != ConceptContent(key, in: readBack) {
                problems.append("concept '\(original[key].id)' of '\(vocabularies[scheme].id)' reads back otherwise")
            }
        }
        return problems
    }

    /// A concept with its parts in the order the canonical writer writes them.
    private static func canonical(_ concept: Concept) -> Concept {
        var result = concept
        result.labels = stableSorted(concept.labels) { LabelKind.allCases.firstIndex(of: $0.kind) ?? 0 }
        result.notes = stableSorted(concept.notes) { NoteKind.allCases.firstIndex(of: $0.kind) ?? 0 }
        result.relations = stableSorted(concept.relations) { RelationKind.allCases.firstIndex(of: $0.kind) ?? 0 }
        result.mappings = stableSorted(concept.mappings) { MappingKind.allCases.firstIndex(of: $0.kind) ?? 0 }
        return result
    }

    private static func stableSorted<Element>(_ elements: [Element], by rank: (Element) -> Int) -> [Element] {
        elements.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }
}
