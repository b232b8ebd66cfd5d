import VaktaalText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fast searches in byte buffers: the C library's vectorised `memchr` finds one byte of the
/// needle, then the rest of it is compared.
enum ByteSearch {
    /// The first offset in `bytes[range]` of `byte`, or `nil`.
    static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress, !range.isEmpty,
            let hit = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The first offset in `bytes[range]` of one of four bytes, or the range's end: eight
    /// bytes at a time while none of them is among them (most text holds none).
    static func firstOffsetOrEnd(
        ofAnyOf needles: (UInt8, UInt8, UInt8, UInt8), in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>
    ) -> Int {
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            let word = ByteWord.load(bytes, at: index)
            if ByteWord.contains(word, needles.0) || ByteWord.contains(word, needles.1) || ByteWord.contains(word, needles.2)
                || ByteWord.contains(word, needles.3)
            {
                break
            }
            index += 8
        }
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == needles.0 || byte == needles.1 || byte == needles.2 || byte == needles.3 { return index }
            index += 1
        }
        return index
    }

    /// Every offset in `bytes[range]` where `needle` starts.
    ///
    /// `memchr` looks for a byte of the needle that prose seldom holds, so that it stops
    /// seldom: its last byte that is no ASCII letter, digit or space (the `-` of `vaktaal-`,
    /// the `/` of `://`), else its last byte. Looking for the `v` of `vaktaal-` stopped it
    /// every few words.
    static func offsets(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Int] {
        guard let base = bytes.baseAddress, !needle.isEmpty else { return [] }
        let anchor = needle.lastIndex { !isAlphanumericOrSpace($0) } ?? needle.count - 1
        var result: [Int] = []
        var searchFrom = range.lowerBound + anchor
        while searchFrom < range.upperBound {
            guard let hit = memchr(base + searchFrom, Int32(needle[anchor]), range.upperBound - searchFrom) else { break }
            let anchorOffset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let start = anchorOffset - anchor
            guard start + needle.count <= range.upperBound else { break }
            if needle.indices.allSatisfy({ bytes[start + $0] == needle[$0] }) { result.append(start) }
            searchFrom = anchorOffset + 1
        }
        return result
    }

    private static func isAlphanumericOrSpace(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            0x09...0x0D, 0x20:
            true
        default: false
        }
    }
}
