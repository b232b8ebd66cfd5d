/// The matching key of a token: a word case-folded, white space with at most one line break
/// as one space, punctuation as itself; and a 64-bit hash of it (FNV-1a), so that the
/// matcher looks words up without building strings.
enum TokenKey {
    static let spaceHash = hash(of: Array(" ".utf8))

    /// The key hash of `token`, or `nil` for white space that holds a blank line (a term never
    /// spans paragraphs).
    static func hash(_ token: Tokenizer.Token, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        switch token.kind {
        case .space(let lineBreaks): return lineBreaks <= 1 ? spaceHash : nil
        case .punctuation: return hash(of: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]))
        case .word:
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var ascii = true
            for index in token.start..<token.end {
                var byte = bytes[index]
                if byte >= 0x80 {
                    ascii = false
                    break
                }
                if byte >= 0x41 && byte <= 0x5A { byte += 32 }
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            if ascii { return hash }
            return TokenKey.hash(of: Array(folded(token, in: bytes).utf8))
        }
    }

    /// The key text of a token (for building and verifying).
    static func text(_ token: Tokenizer.Token, in bytes: UnsafeBufferPointer<UInt8>, caseSensitive: Bool) -> String {
        switch token.kind {
        case .space: return " "
        case .punctuation: return String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
        case .word:
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
            return caseSensitive ? word : word.lowercased()
        }
    }

    static func folded(_ token: Tokenizer.Token, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        text(token, in: bytes, caseSensitive: false)
    }

    static func hash(of bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
