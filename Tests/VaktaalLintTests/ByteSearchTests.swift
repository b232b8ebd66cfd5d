import Testing

@testable import VaktaalLint

/// Byte searches find every start of the needle in the range, overlapping ones too, as a
/// plain comparison at each offset does.
@Suite struct ByteSearchTests {
    static func naive(_ needle: [UInt8], _ bytes: [UInt8], _ range: Range<Int>) -> [Int] {
        guard !needle.isEmpty, range.count >= needle.count else { return [] }
        return (range.lowerBound...(range.upperBound - needle.count)).filter {
            bytes[$0..<$0 + needle.count].elementsEqual(needle)
        }
    }

    static let texts = [
        "", "w", "www.", "zie www.example.nl en WWW.x of wwww.y", "aaaaa", "vaktaal-disable vaktaal vaktaal-",
        "mail: a@b.nl @ @@ https://x.nl ftp://y :// :/", "één www.ü.nl — vaktaal-enable", "ab",
    ]

    @Test(arguments: ["www.", "://", "@", "vaktaal-", "aa", "aaa", "ü", "—", "x"])
    func everyStartIsFound(_ needle: String) {
        let needleBytes = Array(needle.utf8)
        for text in Self.texts {
            let bytes = Array(text.utf8)
            let ranges = [0..<bytes.count, min(1, bytes.count)..<bytes.count, 0..<max(0, bytes.count - 1)]
            for range in ranges {
                let found = bytes.withUnsafeBufferPointer { ByteSearch.offsets(of: needleBytes, in: $0, range: range) }
                #expect(found == Self.naive(needleBytes, bytes, range), "'\(needle)' in '\(text)' \(range)")
            }
        }
    }

    @Test(arguments: ["", "\n", "een\ntwee", "\r\n", "aaa\n"])
    func theFirstOffsetOfAByteIsFound(_ text: String) {
        let bytes = Array(text.utf8)
        for range in [0..<bytes.count, min(1, bytes.count)..<bytes.count] {
            let found = bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: 0x0A, in: $0, range: range) }
            #expect(found == range.first { bytes[$0] == 0x0A }, "\(text.debugDescription) \(range)")
        }
    }
}
