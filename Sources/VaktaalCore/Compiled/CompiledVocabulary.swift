/// A vocabulary as loaded together with its lookup index: what `vaktaal lookup` and
/// `vaktaal lint` need before their first query. ``CompiledIndexCache`` keeps it as a binary
/// snapshot, so that a later run on the same files starts without parsing or indexing.
public struct CompiledVocabulary: Sendable {
    /// The vocabulary and the problems met reading it.
    public let loaded: LoadedVocabulary
    /// The lookup index of every label, form and notation.
    public let lookupIndex: LookupIndex
    /// The term matcher of lint, made when it is first used.
    public let matchIndex: MatchIndex

    /// Indexes a loaded vocabulary.
    public init(_ loaded: LoadedVocabulary) {
        self.loaded = loaded
        lookupIndex = LookupIndex(loaded.set)
        matchIndex = MatchIndex(set: loaded.set, entries: lookupIndex.indexEntries)
    }

    /// Whether the snapshot keeps everything (reading problems carry no fixes).
    var isCompilable: Bool { loaded.diagnostics.allSatisfy(\.isCompilable) }

    /// The snapshot's contents (without the header of ``SnapshotFile``): the files and reading
    /// problems, the lookup index, then the concepts (see ``StoredConcepts``), so that a
    /// lookup reads the index and only the concepts it shows.
    func encoded() -> [UInt8] {
        // About 1.4 KB a concept for the generated benchmark vocabularies: sized for a little more.
        var writer = BinaryWriter(capacity: max(1 << 20, loaded.set.count * 1_600))
        writer.write(loaded.files)
        writer.write(loaded.diagnostics) { $0.write($1) }
        writer.write(loaded.set.count)
        lookupIndex.write(to: &writer)
        StoredConcepts.write(loaded.set, to: &writer)
        writer.padToAlignment(8)
        return writer.bytes
    }

    /// The snapshot's section read only when needed: the trigram index of fuzzy search.
    func encodedTrigrams() -> [UInt8] {
        // About 550 bytes a concept for the generated benchmark vocabularies.
        var writer = BinaryWriter(capacity: max(1 << 20, loaded.set.count * 640))
        lookupIndex.writeTrigrams(to: &writer)
        writer.padToAlignment(8)
        return writer.bytes
    }

    /// The snapshot's section that lint reads: the term matcher (made here when it was not yet).
    func encodedMatcher() -> [UInt8] {
        var writer = BinaryWriter()
        matchIndex.matcher.write(to: &writer)
        writer.padToAlignment(8)
        return writer.bytes
    }

    /// Reads back what ``encoded()`` gave; the index is used where it lies in `file` when
    /// `bytes` lie in it, else copied. The trigram index and the term matcher are read from
    /// the `later` sections when they are first needed, else built then.
    init(decoding bytes: UnsafeRawBufferPointer, later: LaterSections? = nil, mappedFrom file: MappedFile? = nil)
        throws(SnapshotError)
    {
        let parts = try CompiledParts(decoding: bytes, trigrams: later?.trigrams, mappedFrom: file)
        let set = VocabularySet(try parts.concepts.vocabularies())
        try parts.index.checkEntries(against: set)
        lookupIndex = parts.index
        loaded = LoadedVocabulary(set: set, diagnostics: parts.diagnostics, files: parts.files)
        let entries = lookupIndex.indexEntries
        matchIndex =
            later.map { MatchIndex(stored: $0.matcher, entries: entries, set: set) } ?? MatchIndex(set: set, entries: entries)
    }
}

/// The parts of a snapshot's contents, the concepts not yet decoded; `Index` is what its
/// reader takes of the lookup index (the whole ``LookupIndex``, or lint's ``IndexEntries``).
struct CompiledParts<Index: Sendable>: Sendable {
    let files: [String]
    let diagnostics: [Finding]
    let index: Index
    let concepts: StoredConcepts

    /// Reads `bytes`, the lookup index of a set of as many concepts as the snapshot holds
    /// with `readIndex`.
    init(
        decoding bytes: UnsafeRawBufferPointer, mappedFrom file: MappedFile?,
        index readIndex: (inout BinaryReader, _ conceptCount: Int) throws(SnapshotError) -> Index
    ) throws(SnapshotError) {
        var reader = BinaryReader(bytes, owner: file)
        files = try reader.readStrings()
        diagnostics = try reader.readArray { reader throws(SnapshotError) in try reader.readFinding() }
        let conceptCount = try reader.readCount()
        index = try readIndex(&reader, conceptCount)
        concepts = try StoredConcepts(reading: &reader)
        guard concepts.count == conceptCount else { throw .malformed("the index and the concepts differ in number") }
        try reader.skipPadding(to: 8)
        guard reader.isAtEnd else { throw .malformed("bytes after the end") }
    }
}

extension CompiledParts<LookupIndex> {
    /// Reads `bytes` with the whole lookup index, its trigram index in `trigrams`.
    init(decoding bytes: UnsafeRawBufferPointer, trigrams: SnapshotSection?, mappedFrom file: MappedFile?)
        throws(SnapshotError)
    {
        try self.init(decoding: bytes, mappedFrom: file) { reader, count throws(SnapshotError) in
            try LookupIndex(reading: &reader, conceptCount: count, trigrams: trigrams)
        }
    }
}
