import Testing

@testable import VaktaalCore

/// The key hash of an ASCII word, scanned eight bytes at a time, is the hash of its folded
/// bytes, and the word ends where a byte-by-byte scan ends it.
@Suite struct TokenKeyTests {
    /// The end of the ASCII word at `start` before `end` as a byte-by-byte scan finds it, or
    /// `nil` when a non-ASCII byte goes on from it.
    static func naiveEnd(_ bytes: [UInt8], at start: Int, end: Int) -> Int? {
        var index = start
        while index < end {
            if bytes[index] >= 0x80 { return nil }
            guard Tokenizer.isASCIIWordByte(bytes[index]) else { break }
            index += 1
        }
        return index
    }

    static let words = [
        "a", "De", "mentor", "MENTOR", "mentors", "Werkplek", "werkplekb", "werkplekBegelei", "werkplekBEGELEID",
        "feedbackgeletterdheid", "ABCDEFGH", "abcdefgh1", "Z9", "x0123456789abcdefXYZ", "azAZ09", "mentorschap", "i",
        "werkplekbegeleiderSchap",
    ]
    /// What may follow a word: every ASCII byte that is no letter or digit (the neighbours of
    /// the letter and digit ranges among them), a non-ASCII letter, and nothing.
    static let followers = [
        "", " ", "@", "[", "`", "{", "/", ":", "\u{7F}", "\0", "é", "ö ", "ø ", "° ", "\u{2019}s", "-leraar", "\n",
    ]

    /// A word of ASCII and Latin-1 letters hashes as its key string, which `lowercased()`
    /// folds (and which leaves a soft hyphen out): every scalar from U+0080 to U+00FF, in a
    /// word and next to ASCII capitals.
    @Test func aLatinWordHashesAsItsLowercasedText() {
        var words = ["één", "beëindigen", "CAFÉ", "Ærø", "ÀÉÎÕÜÝÞß", "straße", "ÿ", "µm", "Größe", "naïef", "Ça", "àÀ×÷"]
        for scalar in 0x80...0xFF { words.append("X" + String(Unicode.Scalar(UInt8(scalar))) + "y") }
        for word in words {
            let bytes = Array(word.utf8)
            let token = Tokenizer.Token(kind: .word, start: 0, end: bytes.count)
            let hash = bytes.withUnsafeBufferPointer { TokenKey.hash(token, in: $0) }
            let key = word.lowercased().replacingOccurrences(of: "\u{AD}", with: "")
            #expect(hash == TokenKey.hash(of: Array(key.utf8)), "\(word)")
            #expect(bytes.withUnsafeBufferPointer { TokenKey.text(token, in: $0, caseSensitive: false) } == key)
        }
    }

    @Test(arguments: words)
    func aWordIsScannedAsByteByByte(_ word: String) {
        for follower in Self.followers {
            for lead in ["", " ", "xy "] {
                let bytes = Array((lead + word + follower + "  ").utf8)
                let start = lead.utf8.count
                for end in [start + word.utf8.count + follower.utf8.count, bytes.count] {
                    let scanned = bytes.withUnsafeBufferPointer { TokenKey.asciiWord(in: $0, at: start, end: end) }
                    let expected = Self.naiveEnd(bytes, at: start, end: end)
                    #expect(scanned?.end == expected, "\(word.debugDescription) + \(follower.debugDescription)")
                    guard let expected, let scanned else { continue }
                    let folded = bytes[start..<expected].map { $0 &- 0x41 < 26 ? $0 + 32 : $0 }
                    #expect(scanned.hash == TokenKey.hash(of: folded), "\(word)")
                }
            }
        }
    }

    /// Every byte after a word of every length up to two chunks and more, its letters in
    /// both cases: the word ends where the byte-by-byte scan ends it (or goes on with a
    /// non-ASCII byte), and hashes as its folded bytes.
    @Test func everyByteAfterAWordOfEveryLength() {
        let letters = Array("aBcDeFgHiJkLmNoPqRsT".utf8)
        var checked = 0
        for length in 1...letters.count {
            for follower in UInt8.min...UInt8.max {
                let bytes = Array(letters.prefix(length)) + [follower, 0x20, 0x20]
                for end in [length + 1, bytes.count] {
                    let scanned = bytes.withUnsafeBufferPointer { TokenKey.asciiWord(in: $0, at: 0, end: end) }
                    let expected = Self.naiveEnd(bytes, at: 0, end: end)
                    guard scanned?.end == expected else {
                        Issue.record(
                            "\(length) letters and \(follower): \(String(describing: scanned?.end)), not \(String(describing: expected))"
                        )
                        return
                    }
                    guard let expected, let scanned else { continue }
                    let folded = bytes[0..<expected].map { $0 &- 0x41 < 26 ? $0 + 32 : $0 }
                    #expect(scanned.hash == TokenKey.hash(of: folded))
                    checked += 1
                }
            }
        }
        #expect(checked > 20 * 128)
    }

    @Test func aWordEndsAtTheEndOfItsRange() {
        let bytes = Array("werkplekbegeleider".utf8)
        for end in 1...bytes.count {
            let scanned = bytes.withUnsafeBufferPointer { TokenKey.asciiWord(in: $0, at: 0, end: end) }
            #expect(scanned?.end == end)
            #expect(scanned?.hash == TokenKey.hash(of: bytes[0..<end]))
        }
    }

    /// A word token's key hash is the hash of its folded text, whether ASCII or not, and
    /// words of other letters, lengths or casings as keys hash apart.
    @Test func aTokensHashIsThatOfItsKey() {
        var hashes: Set<UInt64> = []
        let texts = Self.words + ["Één", "leraar", "ZÜRICH", "zürich", "a1", "1a", "aa", "aaaaaaaa", "aaaaaaaaa", "\u{1F600}"]
        for text in texts {
            let bytes = Array(text.utf8)
            let token = Tokenizer.Token(kind: .word, start: 0, end: bytes.count)
            let hash = bytes.withUnsafeBufferPointer { TokenKey.hash(token, in: $0) }
            #expect(hash == TokenKey.hash(of: Array(text.lowercased().utf8)), "\(text)")
            hashes.insert(TokenKey.hash(of: Array(text.lowercased().utf8)))
        }
        #expect(hashes.count == Set(texts.map { $0.lowercased() }).count)
        #expect(TokenKey.hash(of: Array("ab".utf8)) != TokenKey.hash(of: Array("ab\0".utf8)), "the length counts")
    }
}
