/// The searchable forms of a vocabulary set in columns (concept, label, kind, flags,
/// language, and the forms' bytes end to end) instead of an ``IndexEntry`` with strings of its
/// own each: a compiled index uses them where they lie in the mapped snapshot without
/// reading the vocabulary, and an entry is made when it is asked for.
struct IndexEntries: RandomAccessCollection, Sendable {
    /// The concept of each entry, by ``ConceptKey`` value.
    private let concepts: Column<Int32>
    /// The label of each entry in its concept's `labels`, −1 for a notation.
    private let labels: Column<Int32>
    /// The label kind of each entry (its place in `LabelKind.allCases`), and its flags.
    private let kinds: Column<UInt8>
    private let flags: Column<UInt8>
    /// The language of each entry, as its place in `languages`.
    private let languageIndexes: Column<Int32>
    /// The languages, each once.
    let languages: [String]
    /// The number of concepts of the set the entries were made for.
    let conceptCount: Int
    /// The forms' UTF-8 bytes, and where each starts (one more for the end).
    private let formBytes: Column<UInt8>
    private let formStarts: Column<Int32>

    private static let caseSensitive: UInt8 = 1
    private static let conceptDeprecated: UInt8 = 2
    /// The entry's label is a name whose casing is part of it (``Label/isName``).
    private static let name: UInt8 = 4
    /// The entry's label is an abbreviation (``Label/isAbbreviation``).
    private static let abbreviation: UInt8 = 8

    /// Every label form and notation of `set`, in concept order.
    init(_ set: VocabularySet) {
        var concepts: [Int32] = []
        var labels: [Int32] = []
        var kinds: [UInt8] = []
        var flags: [UInt8] = []
        var languageIndexes: [Int32] = []
        var languages: [String: Int32] = [:]
        var formBytes: [UInt8] = []
        var formStarts: [Int32] = [0]
        // Forms in a row mostly share their language: it is looked up when it changes.
        var last: (language: String, index: Int32)?
        func add(_ key: ConceptKey, label: Int, _ form: String, _ kind: LabelKind, _ language: String, _ flag: UInt8) {
            concepts.append(Int32(key.rawValue))
            labels.append(Int32(label))
            kinds.append(UInt8(LabelKind.allCases.firstIndex(of: kind) ?? 0))
            flags.append(flag)
            if last?.language != language {
                if languages[language] == nil { languages[language] = Int32(languages.count) }
                last = (language, languages[language] ?? 0)
            }
            languageIndexes.append(last?.index ?? 0)
            formBytes.append(contentsOf: form.utf8)
            formStarts.append(Int32(formBytes.count))
        }
        for key in set.keys {
            let concept = set[key]
            let deprecated = concept.isDeprecated ? Self.conceptDeprecated : 0
            for (index, label) in concept.labels.enumerated() {
                let flag =
                    deprecated | (label.isCaseSensitive ? Self.caseSensitive : 0) | (label.isName ? Self.name : 0)
                    | (label.isAbbreviation ? Self.abbreviation : 0)
                label.forEachForm { add(key, label: index, $0, label.kind, label.language, flag) }
            }
            for notation in concept.notations { add(key, label: -1, notation, .preferred, "", deprecated) }
        }
        self.concepts = Column(concepts)
        self.labels = Column(labels)
        self.kinds = Column(kinds)
        self.flags = Column(flags)
        self.languageIndexes = Column(languageIndexes)
        self.languages = languages.sorted { $0.value < $1.value }.map(\.key)
        conceptCount = set.count
        self.formBytes = Column(formBytes)
        self.formStarts = Column(formStarts)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { concepts.count }

    subscript(id: Int) -> IndexEntry {
        let label = Int(labels[id])
        let form = formBytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(formStarts[id])..<Int(formStarts[id + 1])]), as: UTF8.self)
        }
        return IndexEntry(
            concept: ConceptKey(Int(concepts[id])), labelIndex: label < 0 ? nil : label, form: form,
            kind: LabelKind.allCases[Int(kinds[id])], language: languages[Int(languageIndexes[id])],
            isCaseSensitive: flags[id] & Self.caseSensitive != 0, conceptIsDeprecated: flags[id] & Self.conceptDeprecated != 0,
            isAbbreviation: flags[id] & Self.abbreviation != 0)
    }
}

extension IndexEntries {
    /// The concept of entry `id`.
    func concept(_ id: Int) -> ConceptKey { ConceptKey(Int(concepts[id])) }

    /// The label of entry `id` in its concept's labels; `nil` for a notation.
    func labelIndex(_ id: Int) -> Int? { labels[id] < 0 ? nil : Int(labels[id]) }

    /// The place in ``languages`` of entry `id`'s language.
    func languageIndex(_ id: Int) -> Int32 { languageIndexes[id] }

    /// Whether entry `id` matches only as written.
    func isCaseSensitive(_ id: Int) -> Bool { flags[id] & Self.caseSensitive != 0 }

    /// Whether entry `id`'s label is a name whose casing is part of it (``Label/isName``).
    func isName(_ id: Int) -> Bool { flags[id] & Self.name != 0 }

    /// Whether entry `id` is a form the vocabulary allows: of an allowed label kind, its concept not deprecated.
    func isAllowedUse(_ id: Int) -> Bool {
        flags[id] & Self.conceptDeprecated == 0 && LabelKind.allCases[Int(kinds[id])].isAllowed
    }

    /// Whether entry `id`'s form is `text`, byte for byte (compared in place: no buffer of the
    /// column is taken for a form of a few bytes).
    func form(_ id: Int, equals text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(formStarts[id])
        guard Int(formStarts[id + 1]) - start == text.count else { return false }
        for offset in text.indices where formBytes[start + offset] != text[offset] { return false }
        return true
    }

    /// What `body` makes of the UTF-8 bytes of entry `id`'s form.
    func withForm<Result>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        formBytes.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[Int(formStarts[id])..<Int(formStarts[id + 1])]))
        }
    }

    /// Whether every entry names a label that its concept in `set` has (for entries read
    /// back before their concepts: rules and the linter take the label by its index).
    ///
    /// - Throws: ``SnapshotError/malformed(_:)`` for an entry with a label its concept lacks.
    func check(against set: VocabularySet) throws(SnapshotError) {
        // Entries come in concept order: each concept's labels are counted once.
        var concept = -1
        var labelCount = 0
        for id in indices {
            let key = Int(concepts[id])
            guard key < set.count else { throw .malformed("an entry names no concept") }
            if key != concept {
                concept = key
                labelCount = set[ConceptKey(key)].labels.count
            }
            guard Int(labels[id]) < labelCount else { throw .malformed("an entry names no label") }
        }
    }

    /// Whether every entry of a concept that `renames` gives a key in `set` (an excerpt of
    /// the set the entries were made for, ``StoredConcepts/excerpt(of:reaching:)``) names a label
    /// that the concept has there.
    ///
    /// - Throws: ``SnapshotError/malformed(_:)`` for an entry with a label its concept lacks.
    func check(against set: VocabularySet, renames: [Int32]) throws(SnapshotError) {
        // Entries come in concept order (checked when they are read): the entries of each
        // concept the excerpt keeps are found by a search from those of the one before, not by
        // a pass over all of them (an excerpt of a few thousand concepts of 100,000 has a few
        // thousand of a million).
        var start = 0
        for (key, renamed) in renames.enumerated() where renamed >= 0 {
            guard Int(renamed) < set.count else { throw .malformed("an entry names no label") }
            let labelCount = set[ConceptKey(Int(renamed))].labels.count
            var id = firstEntry(notBefore: key, from: start)
            while id < count, concepts[id] == key {
                guard Int(labels[id]) < labelCount else { throw .malformed("an entry names no label") }
                id += 1
            }
            start = id
        }
    }

    /// The first entry from `start` on whose concept is `key` or a later one (entries come in
    /// concept order): galloping from `start`, then a binary search, so that the entries of
    /// a concept a little after the last one found are found among the entries near them.
    private func firstEntry(notBefore key: Int, from start: Int) -> Int {
        var low = start
        var step = 1
        while low + step < count, concepts[low + step] < key {
            low += step
            step *= 2
        }
        return (low..<Swift.min(count, low + step + 1)).partitioningIndex { concepts[$0] >= key }
    }

    /// The compiled form: the columns and the languages.
    func write(to writer: inout BinaryWriter) {
        writer.writeRaw(concepts)
        writer.writeRaw(labels)
        writer.writeRaw(kinds)
        writer.writeRaw(flags)
        writer.writeRaw(languageIndexes)
        writer.write(languages)
        writer.writeRaw(formBytes)
        writer.writeRaw(formStarts)
    }

    /// Reads entries that ``write(to:)`` wrote for a set of `conceptCount` concepts, checking
    /// that every entry can be made.
    init(reading reader: inout BinaryReader, conceptCount: Int) throws(SnapshotError) {
        concepts = try reader.readColumn()
        labels = try reader.readColumn()
        kinds = try reader.readColumn()
        flags = try reader.readColumn()
        languageIndexes = try reader.readColumn()
        languages = try reader.readStrings()
        formBytes = try reader.readColumn()
        formStarts = try reader.readColumn()
        self.conceptCount = conceptCount
        let count = concepts.count
        guard [labels.count, kinds.count, flags.count, languageIndexes.count].allSatisfy({ $0 == count }),
            formStarts.count == count + 1, formStarts.areStarts(ending: formBytes.count),
            concepts.neverDecreases, concepts.first.map({ $0 >= 0 }) ?? true,
            concepts.last.map({ $0 < Int32(clamping: conceptCount) }) ?? true, labels.allLie(in: -1..<Int32.max),
            kinds.allLie(in: 0..<UInt8(LabelKind.allCases.count)),
            languageIndexes.allLie(in: 0..<Int32(clamping: languages.count))
        else { throw .malformed("the index entries do not fit together") }
    }
}
