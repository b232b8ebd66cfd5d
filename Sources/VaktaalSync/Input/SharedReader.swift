import VaktaalCore

/// Reads several versions of vocabulary files together, reading what they have in common
/// once: versions of one vocabulary differ in a few concepts.
///
/// Each file is cut between concepts (``FileLayout``). A concept written byte for byte as
/// in a file read before, in the same ``ReadingContext``, is not read again: it is taken from
/// there, and with ``ConceptPositions/exact`` moved to its own lines. Each file is read with
/// the concepts of its own and blank lines standing in for the others, so every position of
/// its own concepts is the file's, and with ``ConceptPositions/exact`` the result is what
/// reading it alone gives.
///
/// Any diagnostic reads the files on their own instead, so results and diagnostics are
/// exactly what reading the files one by one gives.
enum SharedReader {
    typealias Read = (vocabulary: Vocabulary?, diagnostics: [Finding])

    /// The vocabulary in each source, in order, taking what they have in common with each
    /// other and with `earlier`, and what was read, for later reads.
    ///
    /// - Parameters:
    ///   - positions: Whether a concept taken from an earlier file is moved to its own lines
    ///     (``ConceptPositions``).
    ///   - notingParts: Whether the parts these sources read for themselves are noted for
    ///     reads after them (those of this call among them); a last read need not.
    static func read(
        _ sources: [(path: String, bytes: SourceBytes)], after earlier: ReadParts = ReadParts(),
        positions: ConceptPositions = .exact, notingParts: Bool = true
    ) -> (reads: [Read], parts: ReadParts) {
        let layouts = Parallel.mapEach(sources.count) { FileLayout(sources[$0].bytes) }
        var memory = earlier
        var reads: [Read] = []
        for (source, layout) in zip(sources, layouts) {
            let borrowed = memory.noteParts(of: source.bytes, layout, notingNew: notingParts)
            let borrowsAny = borrowed.contains { $0 != nil }
            let read =
                if let layout, borrowsAny {
                    VocabularyLoader.read(bytes: layout.document(source.bytes, leavingOut: borrowed), path: source.path)
                } else if let layout {
                    VocabularyLoader.read(bytes: source.bytes, path: source.path, cuts: layout.conceptCuts)
                } else {
                    VocabularyLoader.read(bytes: source.bytes, path: source.path)
                }
            guard read.diagnostics.isEmpty, var vocabulary = read.vocabulary else { return alone(sources, after: earlier) }
            guard let layout else {
                memory.files.append(ReadParts.File(path: source.path, bytes: source.bytes))
                reads.append(read)
                continue
            }
            guard let placed = layout.parts(of: vocabulary.concepts) else { return alone(sources, after: earlier) }
            memory.files.append(
                ReadParts.File(
                    path: source.path, bytes: source.bytes, layout: layout, concepts: vocabulary.concepts,
                    parts: placed.parts))
            guard borrowsAny else {
                reads.append(read)
                continue
            }
            let own = vocabulary.concepts
            let lender = memory
            let pieces = Parallel.map(layout.partCount) { part -> ArraySlice<Concept>? in
                if let source = borrowed[part] {
                    let file = lender.files[source.file]
                    guard let range = file.parts[source.part], let lenderLayout = file.layout else { return nil }
                    let shift = positions == .exact ? layout.lines[part] - lenderLayout.lines[source.part] : 0
                    guard shift != 0 else { return file.concepts[range] }
                    return ArraySlice(file.concepts[range].map { $0.moved(byLines: shift) })
                }
                return placed.parts[part].map { own[$0] }
            }
            var concepts = Array(own[placed.header])
            concepts.reserveCapacity(own.count + pieces.count)
            for piece in pieces {
                guard let piece else { return alone(sources, after: earlier) }
                concepts += piece
            }
            concepts += own[placed.tail]
            vocabulary.concepts = concepts
            reads.append((vocabulary, []))
        }
        return (reads, memory)
    }

    /// Every source read on its own; the files are noted with what was read before, but
    /// none of their parts (a later read takes nothing from them).
    private static func alone(
        _ sources: [(path: String, bytes: SourceBytes)], after earlier: ReadParts
    ) -> (reads: [Read], parts: ReadParts) {
        var memory = earlier
        memory.files += sources.map { ReadParts.File(path: $0.path, bytes: $0.bytes) }
        return (sources.map { VocabularyLoader.read(bytes: $0.bytes, path: $0.path) }, memory)
    }
}

/// Where the concepts of versions read together say they stand.
public enum ConceptPositions: Sendable {
    /// Every position is the concept's in its own file, as reading the file alone gives.
    case exact
    /// A concept read once for several files keeps the positions of the file it was first
    /// read from, and is shared with that file's reading, not copied: for comparing versions
    /// (diff, merge), which report no positions and then find such concepts the same at once.
    /// (A merge's check conflict about a duplicate id quotes the check's message, which names
    /// the line of the first such concept as read.)
    case ofFirstReading
}

/// What ``SharedReader`` has read: the files, cut into parts, with the concepts each part was
/// read as, so that a later read (of another version, or of a merge result written out)
/// takes what it has in common with them instead of reading it again.
public struct ReadParts: Sendable {
    struct File: Sendable {
        /// The path it was read as (the ``Vocabulary/path`` of its scheme).
        let path: String
        /// The index of the version it belongs to, when versions were loaded together
        /// (``VocabularyInput/loadVersions(sources:strict:positions:)``).
        var version: Int?
        let bytes: SourceBytes
        let layout: FileLayout?
        /// The concepts read from the file's own parts (and its head and tail).
        var concepts: [Concept] = []
        /// Per part, where its concepts are among ``concepts``; `nil` when it was not read here.
        var parts: [Range<Int>?] = []

        /// A file read, and the parts it was read in.
        init(path: String, bytes: SourceBytes, layout: FileLayout? = nil, concepts: [Concept] = [], parts: [Range<Int>?] = []) {
            (self.path, self.bytes, self.layout, self.concepts, self.parts) = (path, bytes, layout, concepts, parts)
        }
    }

    struct PartReference: Hashable, Sendable {
        let file: Int
        let part: Int
    }

    /// A part's content: its length and hash (the bytes are compared before a part is taken).
    private struct Content: Hashable, Sendable {
        let length: Int
        let hash: UInt64

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    var files: [File] = []
    /// Per reading context, the first part read of each content (the context is looked up
    /// once per file, not hashed again for each of its parts).
    private var first: [ReadingContext: [Content: PartReference]] = [:]

    /// Nothing read yet.
    public init() {}

    /// The file of version `version` read as `path`, if any.
    func file(readAs path: String, inVersion version: Int) -> File? {
        files.first { $0.version == version && $0.path == path }
    }

    /// Notes which version each file belongs to: the first `counts[0]` files read are the
    /// first version's, and so on.
    mutating func noteVersions(fileCounts counts: [Int]) {
        var index = 0
        for (version, count) in counts.enumerated() {
            for file in index..<min(index + count, files.count) { files[file].version = version }
            index += count
        }
    }

    /// Notes the parts of a file about to be read (the next of ``files``) and returns, for
    /// each, the part read before that is the same; with `notingNew`, the others are noted as
    /// read by this file (a last read, whose parts no read takes later, need not note them).
    mutating func noteParts(of bytes: SourceBytes, _ layout: FileLayout?, notingNew: Bool = true) -> [PartReference?] {
        guard let layout, let context = layout.context else {
            return layout.map { Array(repeating: nil, count: $0.partCount) } ?? []
        }
        // The parts are looked up among those of the files before on all cores, and compared
        // byte for byte; a content seen for the first time is then noted in order (a content
        // this file repeats is noted once, and not taken from this file itself).
        let found: [(earlier: PartReference, same: Bool)?]
        do {
            let (earlierFiles, earlierParts) = (files, first[context] ?? [:])
            found = Parallel.map(layout.partCount) { part -> (earlier: PartReference, same: Bool)? in
                guard layout.isConceptOnly[part] else { return nil }
                let content = layout.content(ofPart: part)
                guard let earlier = earlierParts[Content(length: content.count, hash: layout.hashes[part])],
                    let lenderLayout = earlierFiles[earlier.file].layout
                else { return nil }
                let lenderContent = lenderLayout.content(ofPart: earlier.part)
                return (earlier, FileLayout.same(bytes, content, earlierFiles[earlier.file].bytes, lenderContent))
            }
        }
        if notingNew { noteNewParts(of: layout, context: context, found: found) }
        return found.map { $0?.same == true ? $0?.earlier : nil }
    }

    /// Notes the parts of the file about to be read that were not `found` among earlier ones
    /// as read by it.
    private mutating func noteNewParts(
        of layout: FileLayout, context: ReadingContext, found: [(earlier: PartReference, same: Bool)?]
    ) {
        let file = files.count
        let isNew = (0..<layout.partCount).filter { layout.isConceptOnly[$0] && found[$0] == nil }
        var known = first.removeValue(forKey: context) ?? [:]
        known.reserveCapacity(known.count + isNew.count)
        for part in isNew {
            let content = layout.content(ofPart: part)
            let key = Content(length: content.count, hash: layout.hashes[part])
            if known[key] == nil { known[key] = PartReference(file: file, part: part) }
        }
        first[context] = known
    }
}
