import CCacheHints

/// What a long scan found at the words it met before, by their exact bytes: a text of a
/// large vocabulary uses its common labels ("van", "artikel", "voor") every few words, and a
/// word written as before matches as it did before where no phrase goes on from it. Verifying
/// it against its candidates and telling how it is written is then done once per word. For a
/// word that starts longer phrases ("andere", "bepaalde") the memo keeps where they go on
/// after a space, so that the scan needs only the next word to tell that none does here.
///
/// Only ASCII words of up to 16 bytes are kept, each as its bytes in two words (the rest
/// zero, which no word holds) beside what matched there and how phrases go on from it,
/// packed in two more: in one of two slots chosen by the word's key hash and whether it
/// starts with a capital, where a newer word takes the place of the one met longer ago.
/// The table grows with the text, one word for every 128 bytes, from 512 words for 16 KB to
/// 16,384 (512 KB) for 2 MB or more, a batch of a long text: real text meets new words all
/// along, and a small table keeps losing its common words to them. Since the scan counts the
/// repeated uses of the words it keeps, a text of a large vocabulary gains from keeping more
/// (4,096 words: 5-7% faster at 100k concepts than 1,024; 8,192, now that a word's walk has
/// its first step asked for ahead, about 2% faster again; 16,384, 1.5% on one core and 2% on
/// two, 30 M instructions fewer; as fast at 1k; 32,768 no faster).
package struct WordMatchMemo {
    /// A word's bytes and what matched there, and the uses of it counted here.
    struct Entry {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var target = PackedTarget.nothing
        /// 0 when the scan hands every use of the word to its caller; else the scan counts
        /// the uses (``startCounting(at:)``), and this is one more than those not handed over.
        var counting: UInt16 = 0
        /// Whether some phrase goes on from the word, and how (``PhrasesGoingOn``).
        var goingOn = PhrasesGoingOn.never.rawValue
    }

    /// Whether phrases go on from a word kept: what it matched is then what matched where no
    /// phrase went on from it, and the scan tells whether one does from the text after it.
    package enum PhrasesGoingOn: Equatable {
        /// None does: what the word matched is what it matches wherever it stands.
        case never
        /// Some do, none of them with a space after the word.
        case notAfterASpace
        /// Some do with a space after the word, from this node of the matcher's.
        case afterASpace(node: Int32)

        init(rawValue: Int32) {
            switch rawValue {
            case -2: self = .never
            case -1: self = .notAfterASpace
            default: self = .afterASpace(node: rawValue)
            }
        }

        var rawValue: Int32 {
            switch self {
            case .never: -2
            case .notAfterASpace: -1
            case .afterASpace(let node): node
            }
        }
    }

    /// A ``MatchTarget``, or nothing, in 10 bytes (so that an entry takes 32, and a pair of
    /// slots one cache line): the form's entry with the flags in its top bits, its concept,
    /// its label. A form of an entry or label beyond them (2²⁷ entries, 2¹⁵ labels of a concept,
    /// far beyond any vocabulary) is not kept.
    struct PackedTarget: Equatable {
        private var entryAndFlags: UInt32 = 0
        private var concept: Int32 = 0
        private var labelIndex: Int16 = 0

        private static let isLabel: UInt32 = 1 << 31
        private static let isAllowed: UInt32 = 1 << 30
        private static let isAllowedUse: UInt32 = 1 << 29
        private static let isName: UInt32 = 1 << 28
        private static let isWrittenAsIs: UInt32 = 1 << 27
        private static let entryBits: UInt32 = (1 << 27) - 1

        /// No phrase matched.
        static let nothing = PackedTarget()

        init() {}

        /// `target` packed; `nil` when its entry or label lies beyond what the bits hold.
        init?(_ target: MatchTarget?) {
            switch target {
            case nil: return
            case .allowed: entryAndFlags = Self.isAllowed
            case .label(let form):
                guard let id = UInt32(exactly: form.id), id <= Self.entryBits,
                    let labelIndex = Int16(exactly: form.labelIndex ?? -1),
                    let concept = Int32(exactly: form.concept.rawValue)
                else { return nil }
                entryAndFlags = id | Self.isLabel
                self.concept = concept
                self.labelIndex = labelIndex
                if form.isAllowedUse { entryAndFlags |= Self.isAllowedUse }
                if form.isName { entryAndFlags |= Self.isName }
                if form.isWrittenAsIs { entryAndFlags |= Self.isWrittenAsIs }
            }
        }

        /// The target packed (unpacked in the scan, at every word it meets again).
        @inline(__always)
        var target: MatchTarget? {
            if entryAndFlags & Self.isAllowed != 0 { return .allowed }
            guard entryAndFlags & Self.isLabel != 0 else { return nil }
            return .label(
                MatchedForm(
                    id: Int(entryAndFlags & Self.entryBits), concept: ConceptKey(Int(concept)),
                    labelIndex: labelIndex < 0 ? nil : Int(labelIndex), isAllowedUse: entryAndFlags & Self.isAllowedUse != 0,
                    isName: entryAndFlags & Self.isName != 0, isWrittenAsIs: entryAndFlags & Self.isWrittenAsIs != 0))
        }
    }

    /// How many words the smallest memo keeps (a power of two).
    static let smallestCapacity = 512
    /// How many words the largest memo keeps (a power of two).
    static let largestCapacity = 16384
    /// Texts shorter than this are scanned without a memo: setting one up would cost more
    /// than the repeated words it saves.
    package static let worthwhileLength = 16 * 1024
    /// The longest word kept.
    static let longestWord = 16

    private let entries: UnsafeMutableBufferPointer<Entry>

    /// How many words a memo for a text of `length` bytes keeps: one for every 128 bytes,
    /// within the smallest and the largest capacity.
    static func capacity(forTextOf length: Int) -> Int {
        var capacity = smallestCapacity
        while capacity < largestCapacity, capacity * 128 < length { capacity <<= 1 }
        return capacity
    }

    /// Calls `body` with an empty memo for a text of `length` bytes, that lives for the call.
    package static func withMemo<Result>(forTextOf length: Int, _ body: (WordMatchMemo) -> Result) -> Result {
        // Aligned so that each pair of slots shares one cache line.
        let count = capacity(forTextOf: length)
        let memory = UnsafeMutableRawPointer.allocate(
            byteCount: count * MemoryLayout<Entry>.stride, alignment: 2 * MemoryLayout<Entry>.stride)
        defer { memory.deallocate() }
        let entries = UnsafeMutableBufferPointer(start: memory.bindMemory(to: Entry.self, capacity: count), count: count)
        entries.initialize(repeating: Entry())
        return body(WordMatchMemo(entries: entries))
    }

    /// The bytes of the ASCII word `bytes[start..<end]` as two little-endian words, zero
    /// beyond its end; `nil` when it is empty or longer than ``longestWord``.
    @inline(__always)
    static func key(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (UInt64, UInt64)? {
        let length = end - start
        guard (1...longestWord).contains(length) else { return nil }
        if start + 16 <= bytes.count { return maskedKey(at: bytes, start, length: length) }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for offset in 0..<length {
            let byte = UInt64(bytes[start + offset])
            if offset < 8 { low |= byte << (8 * UInt64(offset)) } else { high |= byte << (8 * UInt64(offset - 8)) }
        }
        return (low, high)
    }

    /// The key of the word of `length` bytes (1 to 16) at `start`, from which 16 bytes can be
    /// read: its bytes as two little-endian words under masks, zero beyond its end. The masks
    /// are made by shifts alone: a comparison of the length (which words of a text have in
    /// no order) was compiled to branches, mispredicted at every few words.
    @inline(__always)
    private static func maskedKey(at bytes: UnsafeBufferPointer<UInt8>, _ start: Int, length: Int) -> (UInt64, UInt64) {
        assert((1...longestWord).contains(length) && start + 16 <= bytes.count, "a key reads 16 bytes at the word")
        let raw = UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + start)
        // The low word keeps min(length, 8) bytes: all of it past 8, where the shift would go
        // below 0.
        let lowShift = 64 &- 8 &* length
        let lowMask = UInt64.max &>> UInt64(truncatingIfNeeded: lowShift & ~(lowShift >> 63))
        // The high word keeps length − 8 bytes (all for 16), none up to 8: the sign of 8 − length
        // spread over a word is then 0.
        let highMask =
            (UInt64.max &>> UInt64(truncatingIfNeeded: (128 &- 8 &* length) & 63))
            & UInt64(truncatingIfNeeded: (8 &- length) >> 63)
        return (
            UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & lowMask,
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & highMask
        )
    }

    /// The first of the two slots a word may be kept in, chosen by its key hash (``TokenKey``,
    /// which the scan has for every word it looks at) and whether its first byte is a capital:
    /// the hash folds case, and would give "Artikel" and "artikel", both common, the same
    /// slots. Mixing the word's bytes instead cost two multiplies a word (at 100k concepts,
    /// one core, 2-3% of the run). The bits taken lie apart from those the first-word filters
    /// take (``TermMatcher/filterWord(_:among:)``, ``TermMatcher/filterBits(_:)``): which
    /// words pass a filter says nothing of their slots.
    @inline(__always)
    func pair(hash: UInt64, firstByte: UInt8) -> Int {
        let capital = firstByte &- 0x41 < 26 ? 2 : 0
        return (Int(truncatingIfNeeded: hash >> 8) ^ capital) & (entries.count &- 2)
    }

    /// Asks for the slots a word of key hash `hash` may be kept in to be loaded, without
    /// waiting for them: both pairs (``pair(hash:firstByte:)``), with and without a capital,
    /// which lie side by side, so that the word's first byte need not be read for it. (The
    /// memo's size is a power of two, 512 or more: the four slots lie in it.)
    @inline(__always)
    func prefetch(hash: UInt64) {
        let pairs = entries.baseAddress.unsafelyUnwrapped + (Int(truncatingIfNeeded: hash >> 8) & (entries.count &- 4))
        vaktaal_prefetch(UnsafeRawPointer(pairs))
        vaktaal_prefetch(UnsafeRawPointer(pairs + 2))
    }

    /// The slot of the word `key` when it was met before in the pair of slots from `first`
    /// (``pair(hash:firstByte:)``), `nil` when it is not kept. A word found in the second of
    /// its slots moves to the first (in the memory of the memo, which copies of it share),
    /// and the slot given is that first one.
    @inline(__always)
    func slot(of key: (UInt64, UInt64), inPair first: Int) -> Int? {
        // An empty slot holds zeros, which no word's first byte is.
        if entries[first].low == key.0, entries[first].high == key.1 { return first }
        guard entries[first + 1].low == key.0, entries[first + 1].high == key.1 else { return nil }
        entries.swapAt(first, first + 1)
        return first
    }

    /// The slot of the ASCII word `bytes[start..<end]` of key hash `hash` when the scan may
    /// count this use of it at once: it is kept in the first of its pair of slots, the scan
    /// counts its uses, and no phrase goes on from it (what it matched is what it matches here).
    /// `nil` otherwise, and the scan looks at the word as at any other. Most candidate words
    /// of a text of a large vocabulary are uses of its common labels that only count: this is
    /// the scan's way past them, in a few loads and compares and no branch on the word's
    /// length but its limit of 16 bytes.
    @inline(__always)
    func slotCountingAlone(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, hash: UInt64) -> Int? {
        let length = end &- start
        // One unsigned comparison for 1...16: an empty word, which no scan has, wraps past it.
        guard UInt(bitPattern: length &- 1) < UInt(Self.longestWord), start &+ 16 <= bytes.count else { return nil }
        let first = pair(hash: hash, firstByte: bytes[start])
        let key = Self.maskedKey(at: bytes, start, length: length)
        let entry = entries[first]
        guard entry.low == key.0, entry.high == key.1, entry.goingOn == PhrasesGoingOn.never.rawValue, entry.counting != 0,
            entry.counting != .max
        else { return nil }
        return first
    }

    /// Counts a use of the word in `slot`, given by ``slotCountingAlone(_:from:to:hash:)``.
    @inline(__always)
    func countUseAlone(at slot: Int) { entries[slot].counting &+= 1 }

    /// What matched at the word in `slot` where no phrase went on from it: `nil` for nothing.
    @inline(__always)
    func target(at slot: Int) -> MatchTarget? { entries[slot].target.target }

    /// Whether phrases go on from the word in `slot`.
    @inline(__always)
    func phrasesGoingOn(at slot: Int) -> PhrasesGoingOn { PhrasesGoingOn(rawValue: entries[slot].goingOn) }

    /// Keeps what matched at the word `key` where no phrase went on from it, and whether
    /// phrases go on from it, in the first of its pair of slots from `first`, the word kept
    /// there moving to the second in place of the one met longer ago, whose counted uses
    /// `handOver` is given (in the memory of the memo, which copies of it share); returns the
    /// slot, `nil` when the target is one a memo does not keep (``PackedTarget``).
    @inline(__always)
    func keep(
        _ target: MatchTarget?, at key: (UInt64, UInt64), inPair first: Int, goingOn: PhrasesGoingOn,
        handOver: (MatchTarget?, Int) -> Void
    ) -> Int? {
        guard let packed = PackedTarget(target) else { return nil }
        handOverCount(at: first + 1, handOver)
        entries[first + 1] = entries[first]
        entries[first] = Entry(low: key.0, high: key.1, target: packed, goingOn: goingOn.rawValue)
        return first
    }

    /// Whether the scan counts the uses of the word in `slot` itself.
    @inline(__always)
    func countsUses(at slot: Int) -> Bool { entries[slot].counting != 0 }

    /// From now on the scan counts the uses of the word in `slot` itself: its caller only
    /// counts them.
    @inline(__always)
    func startCounting(at slot: Int) {
        if entries[slot].counting == 0 { entries[slot].counting = 1 }
    }

    /// Counts a use of the word in `slot` (which ``countsUses(at:)``), handing the count
    /// over before it would overflow.
    @inline(__always)
    func countUse(at slot: Int, handOver: (MatchTarget?, Int) -> Void) {
        if entries[slot].counting == .max { handOverCount(at: slot, handOver) }
        entries[slot].counting += 1
    }

    /// Hands the uses counted of every word that matched a label over to `repeated` (at the
    /// end of the scans that share the memo, or of some of them), and counts again from none:
    /// the words it counted it goes on counting.
    package func handOverCounts(to repeated: (MatchedForm, Int) -> Void) {
        for slot in entries.indices {
            handOverCount(at: slot) { target, count in
                if case .label(let form)? = target { repeated(form, count) }
            }
        }
    }

    /// Hands the uses counted of the word in `slot` over, and counts again from none.
    @inline(__always)
    private func handOverCount(at slot: Int, _ handOver: (MatchTarget?, Int) -> Void) {
        let counting = entries[slot].counting
        guard counting > 1 else { return }
        handOver(entries[slot].target.target, Int(counting) - 1)
        entries[slot].counting = 1
    }
}
