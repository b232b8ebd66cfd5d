/// The relations of a ``VocabularySet`` resolved to keys and completed with their inverses:
/// `broader` and `narrower` mirror each other, `related` is symmetric.
public struct ConceptGraph: Sendable {
    private let broader: ConceptLists
    private let narrower: ConceptLists
    private let related: ConceptLists
    /// Per concept: whether every relation it writes names a concept of the set.
    private let resolvesAll: [Bool]

    init(_ vocabularies: [Vocabulary], resolver: ReferenceResolver) {
        let count = resolver.positions.count
        // The references are resolved on all cores, a range of concepts each; the lists are
        // then filled in concept order, as one loop over the relations would fill them.
        let chunkSize = 4_096
        let chunks = Parallel.mapEach((count + chunkSize - 1) / chunkSize) { chunk in
            Self.resolvedRelations(of: chunk * chunkSize..<min(count, (chunk + 1) * chunkSize), vocabularies, resolver)
        }
        var resolvesAll = Array(repeating: true, count: count)
        for chunk in chunks {
            for key in chunk.unresolved { resolvesAll[key.rawValue] = false }
        }
        self.resolvesAll = resolvesAll
        // Each written relation gives an entry to two lists: a broader concept its narrower
        // one, and the other way round; a related concept the other.
        func hierarchy(_ body: (_ row: ConceptKey, _ entry: ConceptKey) -> Void, upward: Bool) {
            for chunk in chunks {
                for link in chunk.links where link.kind != .related {
                    let (child, parent) = link.kind == .broader ? (link.from, link.to) : (link.to, link.from)
                    if upward { body(child, parent) } else { body(parent, child) }
                }
            }
        }
        broader = ConceptLists(count: count) { hierarchy($0, upward: true) }
        narrower = ConceptLists(count: count) { hierarchy($0, upward: false) }
        related = ConceptLists(count: count) { entry in
            for chunk in chunks {
                for link in chunk.links where link.kind == .related {
                    entry(link.from, link.to)
                    entry(link.to, link.from)
                }
            }
        }
    }

    /// The relations of the concepts with flat keys in `keys` that name a concept, resolved, in
    /// order, and the concepts with a relation that names none.
    private static func resolvedRelations(
        of keys: Range<Int>, _ vocabularies: [Vocabulary], _ resolver: ReferenceResolver
    ) -> (links: [(from: ConceptKey, kind: RelationKind, to: ConceptKey)], unresolved: [ConceptKey]) {
        var links: [(from: ConceptKey, kind: RelationKind, to: ConceptKey)] = []
        var unresolved: [ConceptKey] = []
        links.reserveCapacity(keys.count * 2)
        var scheme = -1
        var local: ConceptNameTable?
        for flat in keys {
            let position = resolver.positions[flat]
            if position.scheme != scheme {
                // A plain id (most references) is looked up in the scheme's own table, taken once.
                scheme = position.scheme
                local = resolver.keysByLocalID[scheme]
            }
            for relation in vocabularies[scheme].concepts[position.index].relations {
                let reference = relation.reference
                let isPlainID = reference.withUTF8Bytes { !$0.contains(UInt8(ascii: ":")) }
                guard let target = isPlainID ? local?[reference] : resolver.resolve(reference, fromScheme: scheme) else {
                    if unresolved.last != ConceptKey(flat) { unresolved.append(ConceptKey(flat)) }
                    continue
                }
                links.append((ConceptKey(flat), relation.kind, target))
            }
        }
        return (links, unresolved)
    }

    // The lists below are slices of one array for all concepts: their indices are that
    // array's, not from 0 (take `.first`, iterate, or make an `Array` of them).

    /// Resolved broader concepts of a concept (written `broader` plus inverted `narrower`).
    public func broader(of key: ConceptKey) -> ArraySlice<ConceptKey> { broader[key] }
    /// Resolved narrower concepts of a concept.
    public func narrower(of key: ConceptKey) -> ArraySlice<ConceptKey> { narrower[key] }
    /// Resolved related concepts of a concept, both directions.
    public func related(of key: ConceptKey) -> ArraySlice<ConceptKey> { related[key] }

    /// Whether every relation a concept writes names a concept of the set.
    public func resolvesAllRelations(of key: ConceptKey) -> Bool { resolvesAll[key.rawValue] }

    /// Every concept reachable upward from `key` through `broader`, without `key` itself
    /// unless a cycle leads back to it.
    public func ancestors(of key: ConceptKey) -> Set<ConceptKey> {
        var seen: Set<ConceptKey> = []
        var stack = Array(broader[key])
        while let next = stack.popLast() {
            if seen.insert(next).inserted { stack.append(contentsOf: broader[next]) }
        }
        return seen
    }
}

/// A list of concepts per concept, all in one array, row after row: a hundred thousand
/// small arrays would each be an allocation of their own, made one by one and scattered
/// through memory.
struct ConceptLists: Sendable {
    /// Where each concept's row starts in ``entries``, and where the last ends.
    private let starts: [Int]
    private let entries: [ConceptKey]

    /// The rows of `count` concepts, with the entries `fill` gives (row, entry) in order;
    /// an entry a row already has is left out. `fill` is called twice (to count, then to fill).
    init(count: Int, _ fill: ((_ row: ConceptKey, _ entry: ConceptKey) -> Void) -> Void) {
        var starts = Array(repeating: 0, count: count + 1)
        fill { row, _ in starts[row.rawValue + 1] += 1 }
        for row in 0..<count { starts[row + 1] += starts[row] }
        // Filled in place; a repeated entry leaves a gap at the end of its row, closed after.
        var entries = Array(repeating: ConceptKey(-1), count: starts[count])
        var filled = Array(starts.dropLast())
        var hasGaps = false
        fill { row, entry in
            let start = starts[row.rawValue]
            guard !entries[start..<filled[row.rawValue]].contains(entry) else {
                hasGaps = true
                return
            }
            entries[filled[row.rawValue]] = entry
            filled[row.rawValue] += 1
        }
        guard hasGaps else {
            (self.starts, self.entries) = (starts, entries)
            return
        }
        var closedStarts = [0]
        closedStarts.reserveCapacity(count + 1)
        var closed: [ConceptKey] = []
        closed.reserveCapacity(entries.count)
        for row in 0..<count {
            closed += entries[starts[row]..<filled[row]]
            closedStarts.append(closed.count)
        }
        (self.starts, self.entries) = (closedStarts, closed)
    }

    /// The row of a concept.
    subscript(row: ConceptKey) -> ArraySlice<ConceptKey> {
        entries[starts[row.rawValue]..<starts[row.rawValue + 1]]
    }
}
