/// What a long scan found at the words it met before, by their exact bytes: a text of a
/// large vocabulary uses its common labels ("van", "artikel", "voor") every few words, and a
/// word written as before, that no phrase goes on from, matches as it did before. Verifying
/// it against its candidates and telling how it is written is then done once per word.
///
/// Only ASCII words of up to 16 bytes are kept, each as its bytes in two words (the rest
/// zero, which no word holds): in a direct-mapped table chosen by the word's key hash, where a
/// newer word takes the place of an older one. The table (24 KB) lies on the stack of the scan
/// (``withMemo(_:)``), and is set up only for a text long enough to repay clearing it.
struct WordMatchMemo {
    /// A word's bytes and what matched there: nothing, or a phrase that is the word alone.
    struct Entry {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var target: MatchTarget? = nil
    }

    /// How many words the memo keeps (a power of two).
    static let capacity = 512
    /// Texts shorter than this are scanned without a memo: setting one up would cost more
    /// than the repeated words it saves.
    static let worthwhileLength = 16 * 1024
    /// The longest word kept.
    static let longestWord = 16

    private let entries: UnsafeMutableBufferPointer<Entry>

    /// Calls `body` with an empty memo that lives for the call.
    static func withMemo<Result>(_ body: (WordMatchMemo) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Entry.self, capacity: capacity) { entries in
            entries.initialize(repeating: Entry())
            defer { entries.deinitialize() }
            return body(WordMatchMemo(entries: entries))
        }
    }

    /// The bytes of the ASCII word `bytes[start..<end]` as two little-endian words, zero
    /// beyond its end; `nil` when it is longer than ``longestWord``.
    @inline(__always)
    static func key(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (UInt64, UInt64)? {
        let length = end - start
        guard length <= longestWord else { return nil }
        if start + 16 <= bytes.count {
            let raw = UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + start)
            let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            return (firstBytes(of: low, count: length), firstBytes(of: high, count: length - 8))
        }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for offset in 0..<length {
            let byte = UInt64(bytes[start + offset])
            if offset < 8 { low |= byte << (8 * UInt64(offset)) } else { high |= byte << (8 * UInt64(offset - 8)) }
        }
        return (low, high)
    }

    /// The first `count` bytes of `word`, the others zero (all of them from 8 on, none below 1).
    @inline(__always)
    private static func firstBytes(of word: UInt64, count: Int) -> UInt64 {
        if count >= 8 { return word }
        if count <= 0 { return 0 }
        return word & ((1 << (8 * UInt64(count))) &- 1)
    }

    @inline(__always)
    private func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash) & (Self.capacity - 1) }

    /// What matched at the word `key` (of key hash `hash`) when it was met before: `.some(nil)`
    /// for nothing; `nil` when it was not kept.
    @inline(__always)
    func target(of key: (UInt64, UInt64), hash: UInt64) -> MatchTarget?? {
        let entry = entries[slot(hash)]
        // An empty slot holds zeros, which no word's first byte is.
        guard entry.low == key.0, entry.high == key.1 else { return nil }
        return .some(entry.target)
    }

    /// Keeps what matched at the word `key` (of key hash `hash`), in place of any word kept
    /// in its slot (in the memory of the memo, which copies of it share).
    @inline(__always)
    func keep(_ target: MatchTarget?, at key: (UInt64, UInt64), hash: UInt64) {
        entries[slot(hash)] = Entry(low: key.0, high: key.1, target: target)
    }
}
