import Foundation
import VaktaalCore

/// Sort keys in UTF-8 byte order (code point order): deterministic, and far quicker than
/// `String`'s Unicode-aware `<` when exports sort hundreds of thousands of terms.
///
/// The keys are written once into one byte arena, each part followed by a 0 byte (which
/// no vocabulary text holds), so a key of several parts sorts like a tuple and comparing
/// two keys is one `memcmp`, with no strings made and no reference counting. The first
/// eight bytes of each key are also kept as one number, which settles most comparisons.
struct SortKeys {
    private var arena: [UInt8] = []
    private var ranges: [Range<Int>] = []
    private var prefixes: [UInt64] = []
    private var keyStart = 0

    init(capacity: Int) {
        ranges.reserveCapacity(capacity)
        prefixes.reserveCapacity(capacity)
        arena.reserveCapacity(capacity * 32)
    }

    /// Adds a part to the key being written: the text as it is.
    mutating func add(_ text: String) {
        arena.append(contentsOf: text.utf8)
        arena.append(0)
    }

    /// Adds a part without case: ASCII on bytes, other text through `lowercased()`.
    mutating func addLowercased(_ text: String) {
        let start = arena.count
        for byte in text.utf8 {
            guard byte < 0x80 else {
                arena.removeSubrange(start...)
                arena.append(contentsOf: text.lowercased().utf8)
                break
            }
            arena.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte)
        }
        arena.append(0)
    }

    /// Adds a part folded as ``TermNormalizer/accentFolded(_:)`` folds it.
    mutating func addAccentFolded(_ text: String) {
        if !TermNormalizer.appendLooseASCII(text, to: &arena) {
            arena.append(contentsOf: TermNormalizer.accentFolded(text).utf8)
        }
        arena.append(0)
    }

    /// Ends the key being written; the next part starts the next key.
    mutating func endKey() {
        var prefix: UInt64 = 0
        for offset in 0..<8 {
            let position = keyStart + offset
            prefix = prefix << 8 | UInt64(position < arena.count ? arena[position] : 0)
        }
        prefixes.append(prefix)
        ranges.append(keyStart..<arena.count)
        keyStart = arena.count
    }

    /// The first byte of a key (of its first part), if it has one.
    func firstByte(of key: Int) -> UInt8? {
        let range = ranges[key]
        return range.count > 1 ? arena[range.lowerBound] : nil
    }

    /// The keys' indices in ascending order; equal keys keep the order they were added in.
    func sortedIndices() -> [Int] {
        arena.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return Array(ranges.indices) }
            return ranges.indices.sorted { a, b in
                if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
                let (x, y) = (ranges[a], ranges[b])
                let order = memcmp(base + x.lowerBound, base + y.lowerBound, min(x.count, y.count))
                if order != 0 { return order < 0 }
                return x.count != y.count ? x.count < y.count : a < b
            }
        }
    }
}
