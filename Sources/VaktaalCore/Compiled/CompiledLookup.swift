/// What `vaktaal lookup` needs of a vocabulary: its lookup index, and the concepts it shows.
/// Read from a snapshot, the index is used where it lies in the mapped file and only the
/// concepts a description names are decoded: opening it costs a checksum and a scan of the
/// index, not the decoding of every concept.
public struct CompiledLookup: Sendable {
    /// The lookup index of every label, form and notation.
    public let lookupIndex: LookupIndex
    /// The files the vocabulary was read from.
    public let files: [String]
    /// The problems met reading them.
    public let diagnostics: [Finding]
    private let concepts: Concepts

    private enum Concepts: Sendable {
        case loaded(VocabularySet)
        case stored(StoredConcepts, file: MappedFile)
    }

    /// The lookup of a vocabulary compiled in memory.
    public init(_ compiled: CompiledVocabulary) {
        lookupIndex = compiled.lookupIndex
        files = compiled.loaded.files
        diagnostics = compiled.loaded.diagnostics
        concepts = .loaded(compiled.loaded.set)
    }

    /// The lookup of a snapshot's contents lying in `file`, with its trigram index in `later`.
    init(decoding bytes: UnsafeRawBufferPointer, later: LaterSections, mappedFrom file: MappedFile) throws(SnapshotError) {
        let parts = try CompiledParts(decoding: bytes, trigrams: later.trigrams, mappedFrom: file)
        lookupIndex = parts.index
        files = parts.files
        diagnostics = parts.diagnostics
        concepts = .stored(parts.concepts, file: file)
    }

    /// Whether some file could not be read as XML at all.
    public var hasUnreadableFiles: Bool { diagnostics.includeAnUnreadableFile }

    /// A set that holds the concepts of `matches` and everything their descriptions name,
    /// with the matches renamed into it: describing them there gives what describing them
    /// in the whole vocabulary gives.
    ///
    /// - Throws: ``SnapshotError`` when a concept kept in the snapshot cannot be read, or
    ///   lacks the label a match names; the snapshot is then removed, for the next run to
    ///   compile it again.
    public func excerpt(for matches: [LookupMatch]) throws(SnapshotError) -> (set: VocabularySet, matches: [LookupMatch]) {
        switch concepts {
        case .loaded(let set):
            return (set, matches)
        case .stored(let stored, let file):
            return try file.removingIfItFails { () throws(SnapshotError) in
                let (set, renames) = try stored.excerpt(of: matches.map(\.concept), reaching: .descriptions)
                let shown = matches.map { $0.renamed(to: ConceptKey(Int(renames[$0.concept.rawValue]))) }
                for match in shown where match.entry.labelIndex.map({ $0 >= set[match.concept].labels.count }) ?? false {
                    throw SnapshotError.malformed("an entry names no label")
                }
                return (set, shown)
            }
        }
    }
}
