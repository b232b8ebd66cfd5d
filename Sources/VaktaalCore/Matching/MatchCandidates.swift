/// A phrase that ends at a node of the matcher: the key text the source must give, and what
/// it names. A text of a large vocabulary begins a phrase every few dozen words, each at a
/// place of the matcher no earlier word touched, so a candidate is one record of eight words
/// (``MatchCandidates``): verifying a match and telling the rules what it is reads one
/// record (one cache line, or two where it straddles them), not a column each.
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

    /// The next candidate of the same node, −1 for none.
    var next: Int32 = -1
    /// The entry among the matcher's, −1 for an allowed phrase.
    let entry: Int32
    /// The entry's concept in the whole set (an excerpt's matcher renames it when it
    /// matches) and its label among the concept's labels; −1 for an allowed phrase, and
    /// (the label) for a notation.
    var concept: Int32 = -1
    var labelIndex: Int32 = -1
    /// Where the key text lies in the matcher's key bytes.
    let keyStart: Int32
    let keyEnd: Int32
    /// The language (its place in the entries' languages), −1 for any.
    let language: Int32
    var flags: Flags

    /// The key text's range in the key bytes.
    var key: Range<Int> { Int(keyStart)..<Int(keyEnd) }
}

/// The matcher's candidates as records of eight 32-bit words in one column, so that a
/// snapshot's candidates are used where they lie.
struct MatchCandidates: Sendable {
    /// Words per record.
    private static let stride = 8
    private let words: Column<UInt32>

    /// The number of candidates.
    var count: Int { words.count / Self.stride }

    init(_ candidates: [MatchCandidate]) {
        var words: [UInt32] = []
        words.reserveCapacity(candidates.count * Self.stride)
        for candidate in candidates {
            words.append(UInt32(bitPattern: candidate.next))
            words.append(UInt32(bitPattern: candidate.entry))
            words.append(UInt32(bitPattern: candidate.concept))
            words.append(UInt32(bitPattern: candidate.labelIndex))
            words.append(UInt32(bitPattern: candidate.keyStart))
            words.append(UInt32(bitPattern: candidate.keyEnd))
            words.append(UInt32(bitPattern: candidate.language))
            words.append(candidate.flags.rawValue)
        }
        self.words = Column(words)
    }

    private init(words: Column<UInt32>) { self.words = words }

    /// Candidate `index`, read whole (its record checked to lie in the column once, not field by field).
    @inline(__always)
    subscript(index: Int) -> MatchCandidate {
        precondition(index >= 0 && index < count, "candidate index out of range")
        let base = index * Self.stride
        func field(_ offset: Int) -> Int32 { Int32(bitPattern: words.element(uncheckedAt: base + offset)) }
        var candidate = MatchCandidate(
            entry: field(1), keyStart: field(4), keyEnd: field(5), language: field(6),
            flags: MatchCandidate.Flags(rawValue: words.element(uncheckedAt: base + 7)))
        candidate.next = field(0)
        candidate.concept = field(2)
        candidate.labelIndex = field(3)
        return candidate
    }
}

extension MatchCandidates {
    /// The compiled form: the records.
    func write(to writer: inout BinaryWriter) {
        writer.writeRaw(words)
    }

    /// Reads what ``write(to:)`` wrote, checking that each record fits `entries` (what it
    /// says of its entry) and `keyByteCount` key bytes, and that every chain of candidates
    /// ends (a chain goes on only to candidates added after it). Whether an entry's form is
    /// its key is not compared byte by byte here: that would cost a lint of a one-line file
    /// at 100k concepts more than its matching; the snapshot's checksum guards those bits.
    init(reading reader: inout BinaryReader, entries: IndexEntries, keyByteCount: Int) throws(SnapshotError) {
        let words: Column<UInt32> = try reader.readColumn()
        guard words.count % Self.stride == 0 else { throw .malformed("the term matcher does not fit together") }
        let candidates = MatchCandidates(words: words)
        for index in 0..<candidates.count {
            let candidate = candidates[index]
            guard candidate.flags.isSubset(of: .all),
                candidate.next == -1 || (candidate.next > index && Int(candidate.next) < candidates.count),
                0 <= candidate.keyStart, candidate.keyStart <= candidate.keyEnd, Int(candidate.keyEnd) <= keyByteCount,
                (-1..<Int32(clamping: entries.languages.count)).contains(candidate.language),
                Self.names(candidate, of: entries)
            else { throw .malformed("the term matcher does not fit together") }
        }
        self = candidates
    }

    /// Whether `candidate` says of its entry what `entries` says: an allowed phrase names none.
    private static func names(_ candidate: MatchCandidate, of entries: IndexEntries) -> Bool {
        guard candidate.entry >= 0 else {
            return candidate.entry == -1 && candidate.concept == -1 && candidate.labelIndex == -1
                && candidate.flags.isDisjoint(with: [.name, .formIsKey])
        }
        let entry = Int(candidate.entry)
        guard entry < entries.count else { return false }
        return Int(candidate.concept) == entries.concept(entry).rawValue
            && Int(candidate.labelIndex) == entries.labelIndex(entry) ?? -1
            && candidate.flags.contains(.allows) == entries.isAllowedUse(entry)
            && candidate.flags.contains(.name) == entries.isName(entry)
    }
}
