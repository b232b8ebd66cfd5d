#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a vocabulary file can be cut between two concepts, so that a part read with the
/// file's start up to the root element says what it says in the file: at the start of the
/// line of a `<concept` start tag that follows a `</concept>` end tag with nothing but white
/// space between them, outside comments, CDATA sections and processing instructions.
///
/// Found in one pass over the file that jumps from `<` to `<`.
package struct ConceptCuts {
    /// Where the root element's start tag ends (after its `>`).
    package let rootEnd: Int
    /// The offsets of the cuts, in order, each the start of a line.
    package let offsets: [Int]
    /// For each cut, whether the part from it to the next cut is one concept element and
    /// white space (no comment, text or other element after the concept).
    package let holdsOneConcept: [Bool]

    /// The cuts of a file; `nil` when it has no root element with content.
    package init?(_ bytes: [UInt8]) {
        guard let rootEnd = Self.rootStartTagEnd(bytes) else { return nil }
        self.rootEnd = rootEnd
        (offsets, holdsOneConcept) = bytes.withUnsafeBufferPointer { Self.scan($0, from: rootEnd) }
    }

    /// Where the root element's start tag ends (after its `>`), if the file has one that is not empty.
    private static func rootStartTagEnd(_ bytes: [UInt8]) -> Int? {
        let limit = min(bytes.count, 1 << 16)
        guard let start = find("<vocabulary", in: bytes, from: 0, limit: limit) else { return nil }
        var quote: UInt8?
        for index in start..<bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return bytes[index - 1] == UInt8(ascii: "/") ? nil : index + 1
            }
        }
        return nil
    }

    private static func find(_ pattern: StaticString, in bytes: [UInt8], from: Int, limit: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            search(pattern, in: buffer, from: from, limit: limit)
        }
    }

    /// The first occurrence of `pattern` in `buffer[from..<limit]`.
    private static func search(_ pattern: StaticString, in buffer: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int? {
        let needle = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
        guard let base = buffer.baseAddress, let first = needle.first else { return nil }
        var index = from
        while limit - index >= needle.count, let found = memchr(base + index, Int32(first), limit - index - needle.count + 1) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return at }
            index = at + 1
        }
        return nil
    }

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> ([Int], [Bool]) {
        guard let base = buffer.baseAddress else { return ([], []) }
        let count = buffer.count
        var cuts: [Int] = []
        var holdsOneConcept: [Bool] = []
        var afterConceptEnd: Int?  // just after the last `</concept>`, while nothing but tags of concepts followed
        var index = start
        while index < count, let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if let after = afterConceptEnd {
                if isConceptStartTag(buffer, at), let cut = lineStart(buffer, before: at, notBefore: after) {
                    cuts.append(cut)
                    holdsOneConcept.append(true)
                } else if !holdsOneConcept.isEmpty {
                    // Something other than the next concept follows a concept: its part holds more.
                    holdsOneConcept[holdsOneConcept.count - 1] = false
                }
            }
            afterConceptEnd = nil
            let skipped: (end: StaticString, from: Int)? =
                if has("<!--", in: buffer, at: at) {
                    ("-->", at + 4)
                } else if has("<![CDATA[", in: buffer, at: at) {
                    ("]]>", at + 9)
                } else if has("<?", in: buffer, at: at) {
                    ("?>", at + 2)
                } else {
                    nil
                }
            if let skipped {
                guard let end = search(skipped.end, in: buffer, from: skipped.from, limit: count) else { break }
                index = end + skipped.end.utf8CodeUnitCount
            } else if has("</concept>", in: buffer, at: at) {
                index = at + 10
                afterConceptEnd = index
            } else {
                index = at + 1
            }
        }
        return (cuts, holdsOneConcept)
    }

    /// Whether `buffer` has `literal` at `offset`.
    private static func has(_ literal: StaticString, in buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        return buffer.count - offset >= length && memcmp(buffer.baseAddress! + offset, literal.utf8Start, length) == 0
    }

    /// Whether a `concept` start tag begins at `offset`.
    private static func isConceptStartTag(_ buffer: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        has("<concept", in: buffer, at: offset) && buffer.count > offset + 8
            && (isSpace(buffer[offset + 8]) || buffer[offset + 8] == UInt8(ascii: ">"))
    }

    /// The start of the line of `position` when only white space stands between `notBefore`
    /// and `position` and a line ends in it; `nil` otherwise.
    private static func lineStart(_ buffer: UnsafeBufferPointer<UInt8>, before position: Int, notBefore: Int) -> Int? {
        var lineStart = position
        while lineStart > notBefore, buffer[lineStart - 1] == UInt8(ascii: " ") || buffer[lineStart - 1] == 9 {
            lineStart -= 1
        }
        guard lineStart > notBefore, buffer[lineStart - 1] == 10 || buffer[lineStart - 1] == 13 else { return nil }
        var index = lineStart - 1
        while index > notBefore {
            guard isSpace(buffer[index - 1]) else { return nil }
            index -= 1
        }
        return lineStart
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
}
