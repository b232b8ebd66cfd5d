/// URLs (`scheme://…` or `www.…` up to white space) and e-mail addresses are not prose.
enum LinksAndAddresses {
    /// `range` without the URLs and e-mail addresses in it, as prose ranges.
    static func prose(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Range<Int>] {
        // Only `://`, `www.` and `@` can make a link or address: find those with memmem.
        let candidates =
            (ByteSearch.offsets(of: Array("://".utf8), in: bytes, range: range)
            + ByteSearch.offsets(of: Array("www.".utf8), in: bytes, range: range)
            + ByteSearch.offsets(of: [UInt8(ascii: "@")], in: bytes, range: range)).sorted()
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for index in candidates where index >= start {
            guard let end = linkEnd(bytes, at: index, limit: range.upperBound) else { continue }
            let linkStart = linkStartBack(bytes, from: index, floor: start)
            if linkStart > start { result.append(start..<linkStart) }
            start = end
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isAddressCharacter(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+")
    }

    /// Where a link or address that involves `index` ends: `index` is the `:` of `://`, the
    /// `w` of `www.` at a word start, or the `@` of an address.
    private static func linkEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Int? {
        let byte = bytes[index]
        let isURL =
            (byte == UInt8(ascii: ":") && index + 2 < limit && bytes[index + 1] == UInt8(ascii: "/")
                && bytes[index + 2] == UInt8(ascii: "/") && index > 0 && isLetter(bytes[index - 1]))
            || (byte == UInt8(ascii: "w") && index + 4 <= limit && Array(bytes[index..<index + 4]) == Array("www.".utf8)
                && (index == 0 || isSpace(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: "(")))
        if isURL {
            var end = index
            while end < limit, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: "<") { end += 1 }
            // Trailing punctuation of the sentence is not part of the link.
            while end > index, ".,;:!?)'\"".utf8.contains(bytes[end - 1]) { end -= 1 }
            return end
        }
        if byte == UInt8(ascii: "@"), index > 0, isAddressCharacter(bytes[index - 1]) {
            var end = index + 1
            var sawDot = false
            while end < limit, isAddressCharacter(bytes[end]) {
                if bytes[end] == UInt8(ascii: ".") { sawDot = true }
                end += 1
            }
            while end > index + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
            return sawDot && end > index + 1 ? end : nil
        }
        return nil
    }

    /// Where the link or address around `index` starts.
    private static func linkStartBack(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, floor: Int) -> Int {
        var start = index
        if bytes[index] == UInt8(ascii: "w") { return index }
        if bytes[index] == UInt8(ascii: ":") {
            while start > floor, isLetter(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "+") { start -= 1 }
            return start
        }
        while start > floor, isAddressCharacter(bytes[start - 1]) { start -= 1 }
        return start
    }
}
