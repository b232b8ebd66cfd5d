import VaktaalText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fast searches in byte buffers: the C library's vectorised `memchr` finds the first byte,
/// then the rest of the needle is compared.
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
    static func offsets(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Int] {
        guard let base = bytes.baseAddress, let first = needle.first else { return [] }
        var result: [Int] = []
        var start = range.lowerBound
        while start + needle.count <= range.upperBound {
            guard let hit = memchr(base + start, Int32(first), range.upperBound - start) else { break }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard offset + needle.count <= range.upperBound else { break }
            var matched = 1
            while matched < needle.count, bytes[offset + matched] == needle[matched] { matched += 1 }
            if matched == needle.count { result.append(offset) }
            start = offset + 1
        }
        return result
    }
}
