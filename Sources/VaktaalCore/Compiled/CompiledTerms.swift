/// What `vaktaal lint` needs of a vocabulary: its term matcher, and the concepts that the
/// terms of the linted documents name. Read from a snapshot, the matcher is used where it
/// lies in the mapped file and the concepts are decoded only when asked for: all of them
/// (``wholeSet()``), or only those a few documents name and what their findings read
/// (``excerpt(naming:)``), so that linting one file against a large vocabulary does not
/// decode it all.
public struct CompiledTerms: Sendable {
    /// The files the vocabulary was read from.
    public let files: [String]
    /// The problems met reading them.
    public let diagnostics: [Finding]
    /// The language of the vocabulary's first scheme (a document's language when it names none).
    public let defaultLanguage: String?
    /// The matcher of every label, its terms naming the concepts of the whole vocabulary.
    public let matchIndex: MatchIndex
    private let concepts: Concepts

    private enum Concepts: Sendable {
        case loaded(VocabularySet)
        case stored(StoredConcepts, entries: IndexEntries, file: MappedFile)
    }

    /// The terms of a vocabulary compiled in memory.
    public init(_ compiled: CompiledVocabulary) {
        files = compiled.loaded.files
        diagnostics = compiled.loaded.diagnostics
        defaultLanguage = compiled.loaded.set.vocabularies.first?.defaultLanguage
        matchIndex = compiled.matchIndex
        concepts = .loaded(compiled.loaded.set)
    }

    /// The terms of a snapshot's contents lying in `file`. The matcher in `later` is read
    /// now (lint needs it whatever it lints): a damaged one refuses the snapshot.
    init(decoding bytes: UnsafeRawBufferPointer, later: LaterSections, mappedFrom file: MappedFile) throws(SnapshotError) {
        let parts = try CompiledParts(decoding: bytes, mappedFrom: file) { reader, count throws(SnapshotError) in
            try LookupIndex.entries(passingOverTablesIn: &reader, conceptCount: count)
        }
        let entries = parts.index
        files = parts.files
        diagnostics = parts.diagnostics
        defaultLanguage = parts.concepts.headers.first?.vocabulary.defaultLanguage
        matchIndex = MatchIndex(
            try later.matcher.read { reader throws(SnapshotError) in
                try TermMatcher(reading: &reader, entries: entries, checkingStructure: !later.matcher.checked)
            })
        concepts = .stored(parts.concepts, entries: entries, file: file)
    }

    /// Whether some file could not be read as XML at all.
    public var hasUnreadableFiles: Bool { diagnostics.includeAnUnreadableFile }

    /// How many bytes decoding every concept reads (0 when they are decoded already): what
    /// an excerpt saves.
    public var undecodedSize: Int {
        switch concepts {
        case .loaded: 0
        case .stored(let stored, _, _): stored.encodedSize
        }
    }

    /// Every concept of the vocabulary, with ``matchIndex``.
    public func wholeSet() -> (set: VocabularySet, matchIndex: MatchIndex) {
        switch concepts {
        case .loaded(let set):
            return (set, matchIndex)
        case .stored(let stored, let entries, let file):
            let decoded = try? file.removingIfItFails { () throws(SnapshotError) in
                let set = VocabularySet(try stored.vocabularies())
                try entries.check(against: set)
                return (set, matchIndex)
            }
            return decoded ?? reread()
        }
    }

    /// A set of the concepts `keys` (of the whole vocabulary) and of everything a finding on
    /// them reads (their replacements, and the concepts their ids and URIs name), with a match
    /// index whose terms name the concepts of that set: linting documents whose terms name no
    /// other concepts than `keys` with them gives what linting with the whole set gives. Of
    /// each concept only what a finding reads is decoded (its id, flags, replacement, date of
    /// change, labels and notations, not its notes, relations, mappings, extensions or
    /// comments); a vocabulary compiled in memory gives its whole set.
    public func excerpt(naming keys: Set<ConceptKey>) -> (set: VocabularySet, matchIndex: MatchIndex) {
        switch concepts {
        case .loaded(let set):
            return (set, matchIndex)
        case .stored(let stored, let entries, let file):
            let decoded = try? file.removingIfItFails { () throws(SnapshotError) in
                let (set, renames) = try stored.excerpt(of: keys, reaching: .findings)
                try entries.check(against: set, renames: renames)
                return (set, MatchIndex(renaming: matchIndex, table: renames))
            }
            return decoded ?? reread()
        }
    }

    /// The whole vocabulary read from its files again, for a snapshot whose concepts do not
    /// read although its checksum holds (a writer's bug; the snapshot is removed by then).
    private func reread() -> (set: VocabularySet, matchIndex: MatchIndex) {
        let set = VocabularyLoader.load(sources: files.map { ($0, FileBytes.read($0) ?? []) }).set
        return (set, MatchIndex(set))
    }
}
