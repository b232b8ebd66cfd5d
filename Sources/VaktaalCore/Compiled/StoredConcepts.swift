/// The concepts of a compiled vocabulary as they are kept in the snapshot: each encoded on
/// its own, with where each starts and which concepts a description of it names, so that a
/// lookup reads the few concepts it shows instead of the whole vocabulary.
struct StoredConcepts: Sendable {
    /// The schemes without their concepts, and how many concepts each has (in flat order).
    let headers: [(vocabulary: Vocabulary, conceptCount: Int)]
    /// Every concept's encoding, end to end, and where each starts (one more for the end).
    private let bytes: Column<UInt8>
    private let starts: Column<Int64>
    /// For each concept, the concepts a description of it names (see ``ConceptNeighbours``)
    /// and its namesakes.
    private let neighbours: ConceptNeighbours

    /// The number of concepts.
    var count: Int { starts.count - 1 }

    /// The bytes of every concept's encoding together.
    var encodedSize: Int { bytes.count }

    /// Writes the concepts of `set`.
    static func write(_ set: VocabularySet, to writer: inout BinaryWriter) {
        writer.write(set.vocabularies) { $0.writeHeader(of: $1) }
        var concepts = BinaryWriter(capacity: 1 << 20)
        var starts: [Int64] = [0]
        starts.reserveCapacity(set.count + 1)
        for vocabulary in set.vocabularies {
            for concept in vocabulary.concepts {
                concepts.write(concept)
                starts.append(Int64(concepts.bytes.count))
            }
        }
        writer.writeRaw(concepts.bytes)
        writer.writeRaw(starts)
        ConceptNeighbours(set).write(to: &writer)
    }

    /// Reads what ``write(_:to:)`` wrote, without decoding a concept.
    init(reading reader: inout BinaryReader) throws(SnapshotError) {
        headers = try reader.readArray { reader throws(SnapshotError) in try reader.readVocabularyHeader() }
        bytes = try reader.readColumn()
        starts = try reader.readColumn()
        let count = starts.count - 1
        guard count >= 0, headers.reduce(0, { $0 + $1.conceptCount }) == count, starts.areStarts(ending: bytes.count)
        else { throw .malformed("the stored concepts do not fit together") }
        neighbours = try ConceptNeighbours(reading: &reader, conceptCount: count)
    }

    /// The concept with flat key `key`, whole or only its `parts`.
    func concept(_ key: Int, _ parts: ConceptParts = .whole) throws(SnapshotError) -> Concept {
        try bytes.withUnsafeBufferPointer { bytes throws(SnapshotError) in
            let range = Int(starts[key])..<Int(starts[key + 1])
            var reader = BinaryReader(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[range])))
            let concept = try reader.readConcept(parts)
            guard reader.isAtEnd else { throw .malformed("bytes after a concept") }
            return concept
        }
    }

    /// Every scheme with all its concepts, decoded on all cores (each concept is encoded on its own).
    func vocabularies() throws(SnapshotError) -> [Vocabulary] {
        let decoded = Parallel.map(count) { key in Result { () throws(SnapshotError) in try concept(key) } }
        var key = 0
        var result: [Vocabulary] = []
        for (header, count) in headers {
            var vocabulary = header
            vocabulary.concepts.reserveCapacity(count)
            for _ in 0..<count {
                vocabulary.concepts.append(try decoded[key].get())
                key += 1
            }
            result.append(vocabulary)
        }
        return result
    }

    /// How far an excerpt reaches from the concepts it is asked for.
    enum Reach {
        /// Their neighbours too (``ConceptNeighbours``): what a description of them reads
        /// gives the same in the excerpt.
        case descriptions
        /// Their replacements too, and of each concept only what a finding of `vaktaal lint`
        /// reads (``ConceptParts/readByFindings``): what such a finding on them reads gives the
        /// same in the excerpt (a text names a great many concepts, whose notes and relations
        /// it never shows).
        case findings

        /// What is decoded of each concept.
        var parts: ConceptParts {
            switch self {
            case .descriptions: .whole
            case .findings: .readByFindings
            }
        }
    }

    /// The concepts `keys` and those they reach as a set of their own (every scheme kept,
    /// with only these concepts). Also gives where each concept of `keys` is in the new set:
    /// its key there by its key in the whole set, −1 for every other concept (the table a
    /// matcher is renamed with, ``TermMatcher/renaming(_:)``).
    ///
    /// With each concept comes the one that its id and its URI name in the whole set (the
    /// first of a repeated id, the first scheme of a shared URI), so that no reference finds
    /// another concept in the excerpt than in the whole set.
    func excerpt(of keys: some Sequence<ConceptKey>, reaching reach: Reach) throws(SnapshotError)
        -> (set: VocabularySet, renames: [Int32])
    {
        // Each concept marked in a table of them all rather than gathered in a set: the text
        // of a large vocabulary names thousands, which then come out in order, unhashed and
        // unsorted. A key asked for is marked `asked`, one reached from it `reached`, and every
        // other stays `left` (−1), which is also what the table gives a concept not renamed.
        var renames = [Int32](repeating: Self.left, count: count)
        var unexamined: [Int] = []
        func include(_ key: Int, asked: Bool = false) {
            if renames[key] == Self.left { unexamined.append(key) }
            if asked || renames[key] == Self.left { renames[key] = asked ? Self.asked : Self.reached }
        }
        for key in keys { include(key.rawValue, asked: true) }
        let asked = unexamined
        for key in asked {
            switch reach {
            case .descriptions: for neighbour in neighbours.of(key) { include(neighbour) }
            case .findings: if let replacement = neighbours.replacement(of: key) { include(replacement) }
            }
        }
        while let key = unexamined.popLast() {
            let (idOwner, uriOwner) = neighbours.owners(of: key)
            include(idOwner)
            include(uriOwner)
        }
        var included: [Int] = []
        for key in renames.indices where renames[key] != Self.left {
            // A concept's key in the excerpt is its place among the keys included, in order.
            renames[key] = renames[key] == Self.asked ? Int32(included.count) : Self.left
            included.append(key)
        }
        // A constant, for the decoding closures to read.
        let ordered = included
        // Decoded on all cores when there are many (the terms of a few pages of text): in up to
        // sixteen chunks of 256 concepts or more (a concept takes some 14k instructions; nine
        // chunks left one of two cores idle at the end), in order when there are fewer than 512.
        let parts = reach.parts
        let decoded = Parallel.map(
            ordered.count, chunks: min(16, ordered.count / 256), state: {},
            { index, _ in Result { () throws(SnapshotError) in try concept(ordered[index], parts) } })
        var vocabularies = headers.map(\.vocabulary)
        var scheme = 0
        var schemeEnd = headers.first?.conceptCount ?? 0
        for (newKey, key) in ordered.enumerated() {
            while key >= schemeEnd {
                scheme += 1
                schemeEnd += headers[scheme].conceptCount
            }
            vocabularies[scheme].concepts.append(try decoded[newKey].get())
        }
        return (VocabularySet(vocabularies), renames)
    }

    /// The marks of ``excerpt(of:reaching:)``'s table while it is filled: left out (as
    /// every concept the excerpt leaves out stays), asked for, or reached from one that is.
    private static let (left, asked, reached): (Int32, Int32, Int32) = (-1, -2, -3)
}

/// How much of a stored concept is decoded.
enum ConceptParts: Equatable {
    /// All of it.
    case whole
    /// What a finding of `vaktaal lint` reads: its id, flags, replacement, date of change,
    /// labels and notations; its notes, relations, mappings, extensions and comments are left out.
    case readByFindings
}

/// For each concept, the others a description of it names or that name it: broader,
/// narrower and related (both directions, resolved), its replacement and the targets of its
/// mappings by reference; its replacement apart too (a finding on it names that); and its
/// namesakes: the concepts its id (in its scheme) and its URI resolve to in the whole set,
/// itself unless an id or URI repeats.
struct ConceptNeighbours: Sendable {
    private let starts: Column<Int32>
    private let keys: Column<Int32>
    /// Each concept's replacement, −1 for none.
    private let replacements: Column<Int32>
    private let idOwners: Column<Int32>
    private let uriOwners: Column<Int32>

    init(_ set: VocabularySet) {
        var starts: [Int32] = [0]
        var keys: [Int32] = []
        var replacements: [Int32] = []
        var idOwners: [Int32] = []
        var uriOwners: [Int32] = []
        for key in set.keys {
            var named = set.graph.broader(of: key) + set.graph.narrower(of: key) + set.graph.related(of: key)
            let replacement = set.replacement(of: key)
            replacements.append(Int32(replacement?.rawValue ?? -1))
            if let replacement { named.append(replacement) }
            for mapping in set[key].mappings {
                // A mapping to a URI is shown as written; one by reference as its target's URI.
                guard case .reference(let reference) = mapping.target else { continue }
                set.resolve(reference, fromScheme: set.schemeIndex(of: key)).map { named.append($0) }
            }
            keys.append(contentsOf: Set(named).map { Int32($0.rawValue) }.sorted())
            starts.append(Int32(keys.count))
            let idOwner = set.key(ofID: set[key].id, inScheme: set.schemeIndex(of: key)) ?? key
            idOwners.append(Int32(idOwner.rawValue))
            uriOwners.append(Int32((set.key(forURI: set.uri(of: key)) ?? key).rawValue))
        }
        self.starts = Column(starts)
        self.keys = Column(keys)
        self.replacements = Column(replacements)
        self.idOwners = Column(idOwners)
        self.uriOwners = Column(uriOwners)
    }

    /// The neighbours of the concept with flat key `key`.
    func of(_ key: Int) -> [Int] { (Int(starts[key])..<Int(starts[key + 1])).map { Int(keys[$0]) } }

    /// The replacement of the concept with flat key `key`, if it has one.
    func replacement(of key: Int) -> Int? {
        let replacement = replacements[key]
        return replacement >= 0 ? Int(replacement) : nil
    }

    /// The concepts that the id and the URI of the concept with flat key `key` resolve to in
    /// the whole set: itself, unless its id or URI repeats one before it.
    func owners(of key: Int) -> (id: Int, uri: Int) { (Int(idOwners[key]), Int(uriOwners[key])) }

    func write(to writer: inout BinaryWriter) {
        writer.writeRaw(starts)
        writer.writeRaw(keys)
        writer.writeRaw(replacements)
        writer.writeRaw(idOwners)
        writer.writeRaw(uriOwners)
    }

    init(reading reader: inout BinaryReader, conceptCount: Int) throws(SnapshotError) {
        starts = try reader.readColumn()
        keys = try reader.readColumn()
        replacements = try reader.readColumn()
        idOwners = try reader.readColumn()
        uriOwners = try reader.readColumn()
        let concepts = 0..<Int32(clamping: conceptCount)
        guard starts.count == conceptCount + 1, starts.areStarts(ending: keys.count), keys.allLie(in: concepts),
            replacements.count == conceptCount, replacements.allLie(in: -1..<concepts.upperBound),
            idOwners.count == conceptCount, uriOwners.count == conceptCount, idOwners.allLie(in: concepts),
            uriOwners.allLie(in: concepts)
        else { throw .malformed("the concepts' neighbours do not fit together") }
    }
}
