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
        "-vaktaal-- /:// .www.. ü-", "—", "a@b.nl e.g. -v", "x.n", ".nl", "a@",
    ]

    // Needles whose searched byte is the last, and needles whose searched byte comes earlier
    // (".nl", "a@b", "-v"), which can be found where the rest of the needle does not fit.
    @Test(arguments: ["www.", "://", "@", "vaktaal-", "aa", "aaa", "ü", "—", "x", ".nl", "a@b", "-v", "e.g"])
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

    /// One of four bytes at every place of texts of up to three chunks, another one after it,
    /// among bytes one bit away from them, in several ranges: found where a byte-by-byte
    /// search finds the first.
    @Test func theFirstOfFourBytesIsFound() {
        let needles: (UInt8, UInt8, UInt8, UInt8) = (0x3C, 0x5C, 0x5D, 0x60)
        let others: [UInt8] = [0x3D, 0xBC, 0x7C, 0x5E, 0x61, 0x20, 0xDD, 0x1C]
        for length in 0...24 {
            for place in 0...length {
                for needle in [needles.0, needles.1, needles.2, needles.3] {
                    var bytes = (0..<length).map { others[$0 % others.count] }
                    if place < length { bytes[place] = needle }
                    // Another of the four later on: the first is found, not the one searched for first.
                    if place + 2 < length { bytes[place + 2] = needle == needles.0 ? needles.3 : needles.0 }
                    for range in [0..<length, min(3, length)..<length, 0..<max(0, length - 2)] {
                        let found = bytes.withUnsafeBufferPointer {
                            ByteSearch.firstOffsetOrEnd(ofAnyOf: needles, in: $0, range: range)
                        }
                        let expected = range.first { [needles.0, needles.1, needles.2, needles.3].contains(bytes[$0]) }
                        #expect(found == expected ?? range.upperBound, "\(bytes) \(range)")
                    }
                }
            }
        }
    }
}
