/// A phrase that ends at a node of the matcher: the key text the source must give, and what
/// it names. A text of a large vocabulary begins a phrase every few dozen words, each at a
/// place of the matcher no earlier word touched, so a candidate is one record with its key
/// text right after it (``MatchCandidates``): verifying a match and telling the rules what it
/// is reads one record (one or two cache lines), not a column each.
struct MatchCandidate: Equatable {
    /// What a candidate is and how it matches.
    struct Flags: OptionSet {
        let rawValue: UInt32

        /// Matches only as written.
        static let caseSensitive = Flags(rawValue: 1)
        /// A case-sensitive name matched in any casing: chosen only when nothing else
        /// matches, so that rules can report the casing.
        static let nameVariant = Flags(rawValue: 2)
        /// An allowed phrase, or an allowed label of a concept that is not deprecated
        /// (``IndexEntries/isAllowedUse(_:)``): it wins over an outdated label of the same words.
        static let allows = Flags(rawValue: 4)
        /// The entry's label is a name whose casing is part of it.
        static let name = Flags(rawValue: 8)
        /// The entry's form is the key text, byte for byte (a lowercase form): whether a
        /// match writes the form as the vocabulary does is then told by the key.
        static let formIsKey = Flags(rawValue: 16)
        /// Every flag there is.
        static let all: Flags = [.caseSensitive, .nameVariant, .allows, .name, .formIsKey]
    }

    /// The next candidate of the same node, −1 for none: its place in ``MatchCandidates``
    /// (its index among the builder's candidates while they are built).
    var next: Int32 = -1
    /// The entry among the matcher's, −1 for an allowed phrase.
    let entry: Int32
    /// The entry's concept in the whole set (an excerpt's matcher renames it when it
    /// matches) and its label among the concept's labels; −1 for an allowed phrase, and
    /// (the label) for a notation.
    var concept: Int32 = -1
    var labelIndex: Int32 = -1
    /// Where the key text lies: in the bytes of ``MatchCandidates`` (in the builder's key
    /// bytes while they are built).
    let keyStart: Int32
    let keyEnd: Int32
    /// The language (its place in the entries' languages), −1 for any.
    let language: Int32
    var flags: Flags

    /// The key text's range.
    var key: Range<Int> { Int(keyStart)..<Int(keyEnd) }
}

/// The matcher's candidates as records in one column, so that a snapshot's candidates are
/// used where they lie: each is seven 32-bit words (the next candidate, entry, concept,
/// label, key length, language and flags) with its key text right after them, padded to a
/// word, so that verifying a match does not wait for a second read elsewhere. A candidate is
/// named by its place: the word its record starts at.
struct MatchCandidates: Sendable {
    /// Words of a record before its key text.
    private static let headerWords = 7
    let words: Column<UInt32>
    /// What the records may name.
    let bounds: RecordBounds

    init(words: Column<UInt32>, bounds: RecordBounds) {
        self.words = words
        self.bounds = bounds
    }

    /// `candidates` (chained by their indices, their keys in `keyBytes`, naming what lies
    /// within `bounds`) laid out as records, and the place each is given, by index.
    static func laidOut(_ candidates: [MatchCandidate], keyBytes: [UInt8], bounds: RecordBounds)
        -> (candidates: MatchCandidates, places: [Int32])
    {
        var places: [Int32] = []
        places.reserveCapacity(candidates.count)
        var size = 0
        for candidate in candidates {
            precondition(size <= maximumWordCount, "the candidates' records fit in 32-bit places")
            places.append(Int32(size))
            size += headerWords + wordCount(ofKey: candidate.key.count)
        }
        precondition(size <= maximumWordCount, "the candidates' records fit in 32-bit places")
        var words = [UInt32](repeating: 0, count: size)
        for (index, candidate) in candidates.enumerated() {
            let place = Int(places[index])
            func set(_ offset: Int, _ field: Int32) { words[place + offset] = UInt32(bitPattern: field) }
            set(0, candidate.next < 0 ? -1 : places[Int(candidate.next)])
            set(1, candidate.entry)
            set(2, candidate.concept)
            set(3, candidate.labelIndex)
            set(4, Int32(candidate.key.count))
            set(5, candidate.language)
            words[place + 6] = candidate.flags.rawValue
            words.withUnsafeMutableBytes { bytes in
                bytes[((place + headerWords) * 4)...].copyBytes(from: keyBytes[candidate.key])
            }
        }
        return (MatchCandidates(words: Column(words), bounds: bounds), places)
    }

    /// The most words the records take: every byte of them has a 32-bit place.
    private static let maximumWordCount = Int(Int32.max) / 4

    /// The words a key of `length` bytes takes.
    private static func wordCount(ofKey length: Int) -> Int { (length + 3) / 4 }

    /// The candidate at `place`, read whole (its record checked to lie in the column once,
    /// not field by field): its key is a range of ``keyByte(at:)``.
    @inline(__always)
    subscript(place: Int) -> MatchCandidate {
        precondition(place >= 0 && place + Self.headerWords <= words.count, "candidate place out of range")
        func field(_ offset: Int) -> Int32 { Int32(bitPattern: words.element(uncheckedAt: place + offset)) }
        let keyStart = Int32(truncatingIfNeeded: (place + Self.headerWords) * 4)
        var candidate = MatchCandidate(
            entry: field(1), keyStart: keyStart, keyEnd: keyStart &+ field(4), language: field(5),
            flags: MatchCandidate.Flags(rawValue: words.element(uncheckedAt: place + 6)))
        candidate.next = field(0)
        candidate.concept = field(2)
        candidate.labelIndex = field(3)
        return candidate
    }

    /// The number of key bytes there is room for: every key lies below it.
    var byteCount: Int { words.count * 4 }

    /// The byte at `offset` of the records, which the caller has checked lies below
    /// ``byteCount`` (a key byte, as a candidate's key range names it).
    @inline(__always)
    func keyByte(at offset: Int) -> UInt8 { words.byte(uncheckedAt: offset) }

    /// `body` given the key text of `candidate`.
    func withKey<Result>(of candidate: MatchCandidate, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        precondition(candidate.key.lowerBound >= 0 && candidate.key.upperBound <= byteCount, "a key lies in its record")
        return words.withUnsafeBufferPointer { words in
            let bytes = UnsafeRawBufferPointer(words)
            return bytes[candidate.key].withMemoryRebound(to: UInt8.self) { body($0) }
        }
    }

    /// Every place a record starts at, in order, as long as records follow one another (the
    /// reader checks that they fill the column, but for a snapshot vouched for).
    var places: [Int] {
        var places: [Int] = []
        var place = 0
        while place + Self.headerWords <= words.count {
            let length = Int(Int32(bitPattern: words[place + 4]))
            guard length >= 0 else { break }
            places.append(place)
            place += Self.headerWords + Self.wordCount(ofKey: length)
        }
        return places
    }
}

extension MatchCandidates {
    /// The compiled form: the records.
    func write(to writer: inout BinaryWriter) {
        writer.writeRaw(words)
    }

    /// Reads what ``write(to:)`` wrote, checking that the records fill the column, that each
    /// names an entry of `entries` and a concept of their set (or none), and that every chain of candidates ends (a
    /// chain goes on only to records after it); with the places records start at, which the
    /// transition table's steps must name. Whether what a record says of its entry (its
    /// concept, label, flags and form) is what `entries` says is not compared here: looking
    /// up each entry's columns would cost a lint of a one-line file at 100k concepts more
    /// than its matching; the snapshot's checksum guards those bits.
    ///
    /// Without `checkingStructure` (a snapshot vouched for, ``SnapshotSection/checked``)
    /// the records are not looked at, and no places are given: a walk then reads each record
    /// through ``checkedCandidate(at:)``, which checks it as this does.
    static func read(from reader: inout BinaryReader, entries: IndexEntries, checkingStructure: Bool = true)
        throws(SnapshotError) -> (candidates: MatchCandidates, places: RecordPlaces?)
    {
        let candidates = MatchCandidates(words: try reader.readColumn(), bounds: RecordBounds(entries))
        let words = candidates.words
        guard words.count <= maximumWordCount else { throw .malformed("the term matcher does not fit together") }
        guard checkingStructure else { return (candidates, nil) }
        // One pass over the records (a large vocabulary has millions), marking where each
        // starts and which place its chain goes on to; every place a chain names must then be
        // one a record starts at.
        var starts = [UInt64](repeating: 0, count: words.count / 64 + 1)
        var named = starts
        let fits = starts.withUnsafeMutableBufferPointer { starts in
            named.withUnsafeMutableBufferPointer { named in
                var place = 0
                while place < words.count {
                    guard let (candidate, size) = candidates.record(at: place) else { return false }
                    starts[place >> 6] |= 1 << (UInt64(place) & 63)
                    if candidate.next >= 0 { named[Int(candidate.next) >> 6] |= 1 << (UInt64(candidate.next) & 63) }
                    place += size
                }
                return true
            }
        }
        guard fits, zip(named, starts).allSatisfy({ $0 & ~$1 == 0 }) else {
            throw .malformed("the term matcher does not fit together")
        }
        return (candidates, RecordPlaces(bits: starts))
    }

    /// The places records start at, one bit a word.
    struct RecordPlaces {
        private let bits: [UInt64]

        fileprivate init(bits: [UInt64]) { self.bits = bits }

        /// Whether a record starts at `place`.
        func contains(_ place: Int32) -> Bool {
            place >= 0 && Int(place) >> 6 < bits.count && bits[Int(place) >> 6] & 1 << (UInt64(place) & 63) != 0
        }
    }

    /// What the records of a matcher's candidates may name: the entries, their concepts and
    /// their languages.
    struct RecordBounds {
        let entryCount: Int
        let conceptCount: Int
        let languageCount: Int32

        init(_ entries: IndexEntries) {
            entryCount = entries.count
            conceptCount = entries.conceptCount
            languageCount = Int32(clamping: entries.languages.count)
        }
    }

    /// The candidate at `place` and the words of its record, when the record lies there
    /// whole with its key, has known flags, names a language (or none) and an entry with its
    /// concept (or none, for an allowed phrase) within ``bounds``, and goes on to a later
    /// place or to none; `nil` when not.
    @inline(__always)
    private func record(at place: Int) -> (candidate: MatchCandidate, size: Int)? {
        guard place >= 0, place + Self.headerWords <= words.count else { return nil }
        let candidate = self[place]
        let length = Int(candidate.keyEnd) - Int(candidate.keyStart)
        guard length >= 0, length <= (words.count - place - Self.headerWords) * 4,
            candidate.flags.isSubset(of: .all),
            candidate.next == -1 || (candidate.next > place && Int(candidate.next) < words.count),
            (-1..<bounds.languageCount).contains(candidate.language),
            Self.namesAnEntry(candidate, within: bounds)
        else { return nil }
        return (candidate, Self.headerWords + Self.wordCount(ofKey: length))
    }

    /// The candidate at `place` when its record fits as ``read(from:entries:checkingStructure:)``
    /// checks records; `nil` when not. A walk reads candidates through it, so that the records
    /// of a snapshot read without checking them are checked as they are read.
    @inline(__always)
    func checkedCandidate(at place: Int32) -> MatchCandidate? { record(at: Int(place))?.candidate }

    /// Whether a record names an entry within `bounds`, with a concept there and a label (−1
    /// for a notation); an allowed phrase names none, and is no name.
    @inline(__always)
    private static func namesAnEntry(_ candidate: MatchCandidate, within bounds: RecordBounds) -> Bool {
        guard candidate.entry >= 0 else {
            return candidate.entry == -1 && candidate.concept == -1 && candidate.labelIndex == -1
                && candidate.flags.isDisjoint(with: [.name, .formIsKey])
        }
        return Int(candidate.entry) < bounds.entryCount && (0..<bounds.conceptCount).contains(Int(candidate.concept))
            && candidate.labelIndex >= -1
    }
}
