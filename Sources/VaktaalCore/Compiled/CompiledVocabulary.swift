/// A vocabulary as loaded together with its lookup index: what `vaktaal lookup` and
/// `vaktaal lint` need before their first query. ``CompiledIndexCache`` keeps it as a binary
/// snapshot, so that a later run on the same files starts without parsing or indexing.
public struct CompiledVocabulary: Sendable {
    /// The vocabulary and the problems met reading it.
    public let loaded: LoadedVocabulary
    /// The lookup index of every label, form and notation.
    public let lookupIndex: LookupIndex

    /// Indexes a loaded vocabulary.
    public init(_ loaded: LoadedVocabulary) {
        self.loaded = loaded
        lookupIndex = LookupIndex(loaded.set)
    }

    /// Whether the snapshot keeps everything (reading problems carry no fixes).
    var isCompilable: Bool { loaded.diagnostics.allSatisfy(\.isCompilable) }

    /// The snapshot's contents (without the header of ``SnapshotFile``).
    func encoded() -> [UInt8] {
        var writer = BinaryWriter(capacity: 1 << 20)
        writer.write(loaded.files)
        writer.write(loaded.set.vocabularies) { $0.write($1) }
        writer.write(loaded.diagnostics) { $0.write($1) }
        lookupIndex.write(to: &writer, set: loaded.set)
        return writer.bytes
    }

    /// Reads back what ``encoded()`` gave.
    init(decoding bytes: UnsafeRawBufferPointer) throws(SnapshotError) {
        var reader = BinaryReader(bytes)
        let files = try reader.readStrings()
        let vocabularies = try reader.readArray { reader throws(SnapshotError) in try reader.readVocabulary() }
        let diagnostics = try reader.readArray { reader throws(SnapshotError) in try reader.readFinding() }
        let set = VocabularySet(vocabularies)
        lookupIndex = try LookupIndex(reading: &reader, set: set)
        guard reader.isAtEnd else { throw .malformed("bytes after the end") }
        loaded = LoadedVocabulary(set: set, diagnostics: diagnostics, files: files)
    }
}
