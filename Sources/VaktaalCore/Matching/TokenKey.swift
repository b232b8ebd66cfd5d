/// The matching key of a token: a word case-folded, white space with at most one line break
/// as one space, punctuation as itself; and a 64-bit hash of it, so that the matcher looks
/// words up without building strings.
///
/// The hash takes the key's bytes eight at a time (little-endian, the last chunk padded with
/// zeros), one multiply each, then the length and a final mix: a text is scanned and hashed
/// a word at a time (``asciiWord(in:at:end:)``), not a byte at a time.
enum TokenKey {
    static let spaceHash = hash(of: Array(" ".utf8))

    /// The key hash of `token`, or `nil` for white space that holds a blank line (a term never
    /// spans paragraphs).
    static func hash(_ token: Tokenizer.Token, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        switch token.kind {
        case .space(let lineBreaks): return lineBreaks <= 1 ? spaceHash : nil
        case .punctuation:
            if let ascii = punctuationVariant(token, in: bytes) { return hash(of: CollectionOfOne(ascii)) }
            return hash(of: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]))
        case .word:
            if let (end, hash) = asciiWord(in: bytes, at: token.start, end: token.end), end == token.end { return hash }
            return latinWordHash(token, in: bytes) ?? TokenKey.hash(of: Array(folded(token, in: bytes).utf8))
        }
    }

    /// The key hash of a word of ASCII and Latin-1 letters (most words with accents in Dutch,
    /// "één", "beëindigen", "café"), folded as `lowercased()` folds them: a capital of either
    /// range to its small letter, which takes as many bytes. `nil` for other words, which a
    /// string folds.
    private static func latinWordHash(_ token: Tokenizer.Token, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: token.end - token.start) { folded in
            var index = token.start
            var written = 0
            while index < token.end {
                let byte = bytes[index]
                if byte < 0x80 {
                    folded[written] = byte &- 0x41 < 26 ? byte + 0x20 : byte
                    written += 1
                    index += 1
                    continue
                }
                // U+0080 to U+00FF: two bytes that start with 0xC2 or 0xC3 (documents are valid
                // UTF-8: the document readers turn others away).
                guard byte == 0xC2 || byte == 0xC3, index + 1 < token.end else { return nil }
                var scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
                // A soft hyphen is no part of the word's key (``softHyphen``).
                if scalar == softHyphen { continue }
                // À to Þ, but not ×: the capitals of Latin-1.
                if (0xC0...0xDE).contains(scalar), scalar != 0xD7 { scalar += 0x20 }
                folded[written] = 0xC0 | UInt8(scalar >> 6)
                folded[written + 1] = 0x80 | UInt8(scalar & 0x3F)
                written += 2
            }
            return hash(of: UnsafeBufferPointer(rebasing: folded[..<written]))
        }
    }

    /// The soft hyphen (U+00AD): where a word may be broken, invisible otherwise. It belongs
    /// to the word it stands in (``Tokenizer/isWordScalar(_:)``) but not to its key, so
    /// `men\u{AD}tor`, as LibreOffice and PowerPoint keep a hyphenation point, is `mentor`.
    static let softHyphen: UInt32 = 0xAD

    /// The end and key hash of the ASCII word at `start`, up to `end` at most; `nil` when a
    /// non-ASCII byte starts or goes on from it (the general tokenizer takes such words).
    /// Eight bytes are classified, folded and hashed at once.
    @inline(__always)
    static func asciiWord(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (end: Int, hash: UInt64)? {
        var state = seed
        var index = start
        while true {
            let available = end - index
            var chunk: UInt64 = 0
            if available >= 8 {
                chunk = UInt64(
                    littleEndian: UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + index).loadUnaligned(as: UInt64.self))
            } else {
                // Zero bytes beyond the end stop the word as any byte that is no letter or digit does.
                for offset in 0..<available { chunk |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
            }
            let (count, folded, stopsAtNonASCII) = wordBytes(chunk)
            if stopsAtNonASCII { return nil }
            if count > 0 { state = mix(state, folded) }
            index += count
            if count < 8 { return (index, finish(state, length: index - start)) }
        }
    }

    /// How many of the eight bytes of `chunk` (little-endian) are ASCII letters and digits from
    /// the first, those bytes with capitals folded (the others zero), and whether the byte
    /// after them is not ASCII.
    @inline(__always)
    private static func wordBytes(_ chunk: UInt64) -> (count: Int, folded: UInt64, stopsAtNonASCII: Bool) {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        let ascii = ~chunk & high
        let low = chunk & ~high
        // The high bit of each byte whose low seven bits are at least `bound` (no byte carries
        // into the next: each stays below 0x100).
        func atLeast(_ bytes: UInt64, _ bound: UInt64) -> UInt64 { (bytes &+ (0x80 &- bound) &* ones) & high }
        let lower = low | 0x20 &* ones
        let letters = atLeast(lower, 0x61) & ~atLeast(lower, 0x7B)
        let digits = atLeast(low, 0x30) & ~atLeast(low, 0x3A)
        let stops = ~((letters | digits) & ascii) & high
        let count = stops == 0 ? 8 : stops.trailingZeroBitCount >> 3
        let capitals = atLeast(low, 0x41) & ~atLeast(low, 0x5B)
        var folded = chunk | capitals >> 2
        if count < 8 { folded &= (1 << (8 * UInt64(count))) &- 1 }
        let stopsAtNonASCII = count < 8 && (chunk >> (8 * UInt64(count))) & 0x80 != 0
        return (count, folded, stopsAtNonASCII)
    }

    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The state after a chunk: multiplied, which spreads its bits upward, and its high half
    /// folded down, so that the next chunk cannot cancel what a chunk's last bytes changed.
    @inline(__always)
    private static func mix(_ state: UInt64, _ chunk: UInt64) -> UInt64 {
        let product = (state ^ chunk) &* 0x9E37_79B9_7F4A_7C15
        return product ^ product >> 32
    }

    /// The hash of a key of `length` bytes whose chunks made `state`: every bit of it
    /// depends on every byte (the matcher takes its buckets from the high bits).
    @inline(__always)
    private static func finish(_ state: UInt64, length: Int) -> UInt64 {
        var hash = (state ^ UInt64(length)) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 32
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ hash >> 29
    }

    /// The key text of a token (for building and verifying).
    static func text(_ token: Tokenizer.Token, in bytes: UnsafeBufferPointer<UInt8>, caseSensitive: Bool) -> String {
        switch token.kind {
        case .space: return " "
        case .punctuation:
            if let ascii = punctuationVariant(token, in: bytes) { return String(UnicodeScalar(ascii)) }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
        case .word:
            var word = String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
            if word.unicodeScalars.contains(Unicode.Scalar(softHyphen)!) {
                word.unicodeScalars.removeAll { $0.value == softHyphen }
            }
            return caseSensitive ? word : word.lowercasedIfNeeded()
        }
    }

    /// The ASCII character a punctuation token's typographic variant stands for (’ is `'`),
    /// ``PunctuationVariants``; `nil` for ASCII and other punctuation.
    @inline(__always)
    static func punctuationVariant(_ token: Tokenizer.Token, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard bytes[token.start] >= 0x80 else { return nil }
        return PunctuationVariants.ascii(for: Tokenizer.decode(bytes, token.start).0)
    }

    static func folded(_ token: Tokenizer.Token, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        text(token, in: bytes, caseSensitive: false)
    }

    /// The hash of key bytes.
    static func hash(of bytes: some Sequence<UInt8>) -> UInt64 {
        var state = seed
        var chunk: UInt64 = 0
        var length = 0
        for byte in bytes {
            chunk |= UInt64(byte) << (8 * UInt64(length & 7))
            length += 1
            if length & 7 == 0 {
                state = mix(state, chunk)
                chunk = 0
            }
        }
        if length & 7 != 0 { state = mix(state, chunk) }
        return finish(state, length: length)
    }
}
