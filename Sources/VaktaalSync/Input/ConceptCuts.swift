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
struct ConceptCuts {
    /// Where the root element's start tag ends (after its `>`).
    let rootEnd: Int
    /// The offsets of the cuts, in order, each the start of a line.
    let offsets: [Int]
    /// For each cut, whether the part from it to the next cut is one concept element and
    /// white space (no comment, text or other element after the concept).
    let holdsOneConcept: [Bool]

    /// The cuts of a file; `nil` when it has no root element with content.
    init?(_ bytes: [UInt8]) {
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
            let rest = UnsafeBufferPointer(rebasing: buffer[at...])
            var cut: Int?
            if let after = afterConceptEnd, isConceptStartTag(rest) { cut = lineStart(buffer, before: at, notBefore: after) }
            if let cut {
                cuts.append(cut)
                holdsOneConcept.append(true)
            } else if afterConceptEnd != nil, !holdsOneConcept.isEmpty {
                // Something other than the next concept follows a concept: its part holds more.
                holdsOneConcept[holdsOneConcept.count - 1] = false
            }
            if rest.starts(with: "<!--".utf8) {
                guard let end = search("-->", in: buffer, from: at + 4, limit: count) else { break }
                index = end + 3
                afterConceptEnd = nil
            } else if rest.starts(with: "<![CDATA[".utf8) {
                guard let end = search("]]>", in: buffer, from: at + 9, limit: count) else { break }
                index = end + 3
                afterConceptEnd = nil
            } else if rest.starts(with: "<?".utf8) {
                guard let end = search("?>", in: buffer, from: at + 2, limit: count) else { break }
                index = end + 2
                afterConceptEnd = nil
            } else if rest.starts(with: "</concept>".utf8) {
                index = at + 10
                afterConceptEnd = index
            } else {
                afterConceptEnd = nil
                index = at + 1
            }
        }
        return (cuts, holdsOneConcept)
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

    /// Whether `bytes` start with a `concept` start tag.
    private static func isConceptStartTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count > 8 && bytes.starts(with: "<concept".utf8) && (isSpace(bytes[8]) || bytes[8] == UInt8(ascii: ">"))
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
}
