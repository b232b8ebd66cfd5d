import VaktaalCore

/// What an import did besides the vocabularies it made: what it could not represent, and
/// where it had to guess.
public struct ImportReport: Sendable, Equatable {
    /// One kind of thing the vocabulary format cannot hold, with how often it occurred and
    /// one example, so that nothing is dropped silently.
    public struct Skipped: Sendable, Equatable, Hashable {
        /// What was left out: a predicate IRI, or an element or column of the source.
        public var what: String
        /// Why.
        public var reason: String
        /// How many statements (elements, cells) it was.
        public var count: Int
        /// One of them, as written (an N-Triples line for RDF).
        public var example: String

        /// Creates an entry.
        public init(what: String, reason: String, count: Int, example: String) {
            self.what = what
            self.reason = reason
            self.count = count
            self.example = example
        }
    }

    /// A guess the importer made, with how often and one example.
    public struct Warning: Sendable, Equatable, Hashable {
        /// What was done.
        public var message: String
        /// How often.
        public var count: Int
        /// One case.
        public var example: String

        /// Creates a warning.
        public init(message: String, count: Int, example: String) {
            self.message = message
            self.count = count
            self.example = example
        }
    }

    /// The format read.
    public var format: ImportFormat
    /// How many statements (RDF), entries (TBX) or rows (CSV) the source had.
    public var sourceItems: Int
    /// What was left out, by kind.
    public var skipped: [Skipped]
    /// What was guessed, by kind.
    public var warnings: [Warning]

    /// Creates a report.
    public init(format: ImportFormat, sourceItems: Int, skipped: [Skipped] = [], warnings: [Warning] = []) {
        self.format = format
        self.sourceItems = sourceItems
        self.skipped = skipped
        self.warnings = warnings
    }
}

/// Counts things by kind and keeps the first example of each, in the order first met.
struct Tally<Key: Hashable> {
    private(set) var order: [Key] = []
    private(set) var counts: [Key: (count: Int, example: String)] = [:]

    mutating func add(_ key: Key, example: @autoclosure () -> String) {
        if let current = counts[key] {
            counts[key] = (current.count + 1, current.example)
        } else {
            order.append(key)
            counts[key] = (1, example())
        }
    }

    var entries: [(key: Key, count: Int, example: String)] {
        order.compactMap { key in counts[key].map { (key, $0.count, $0.example) } }
    }
}

/// What an import made: one vocabulary per concept scheme, and the report.
public struct ImportResult: Sendable {
    /// The vocabularies, one per scheme, in the order the source gives the schemes.
    public var vocabularies: [Vocabulary]
    /// What could not be represented, and what was guessed.
    public var report: ImportReport

    /// Creates a result.
    public init(vocabularies: [Vocabulary], report: ImportReport) {
        self.vocabularies = vocabularies
        self.report = report
    }

    /// How many labels each vocabulary has, by kind and language, in a stable order.
    public func labelCounts(of vocabulary: Vocabulary) -> [(kind: LabelKind, language: String, count: Int)] {
        var counts: [LabelKind: [String: Int]] = [:]
        for concept in vocabulary.concepts {
            for label in concept.labels { counts[label.kind, default: [:]][label.language, default: 0] += 1 }
        }
        return LabelKind.allCases.flatMap { kind in
            (counts[kind] ?? [:]).sorted { $0.key < $1.key }.map { (kind, $0.key, $0.value) }
        }
    }
}
