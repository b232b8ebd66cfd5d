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
/// Found in one pass over the file that jumps from `<` to `<`. Each part between two cuts is
/// also marked when it is nothing but one concept element and white space: then its bytes
/// say the same wherever they stand in a file of the same start.
package struct ConceptCuts {
    /// Where the root element's start tag ends (after its `>`).
    package let rootEnd: Int
    /// The offsets of the cuts, in order, each the start of a line.
    package let offsets: [Int]
    /// For each cut, whether the part from it to the next cut is only one concept element
    /// and white space: its start tag opens it (not self-closed, declaring no namespace),
    /// its one `</concept>` closes it, and no other concept tag, comment, text or element
    /// stands in it or after it.
    package let isConceptOnly: [Bool]
    /// Where each of the root's `concept` elements starts (at its `<`), in order.
    package let conceptStarts: [Int]
    /// Just after each of the root's `concept` elements that ends with `</concept>` or is
    /// self-closed, in order. (A concept whose end tag is written otherwise, `</concept >`,
    /// has none, so that the two lists then differ in length.)
    package let conceptEnds: [Int]

    /// The cuts of a file; `nil` when it has no root element with content.
    package init?(_ bytes: SourceBytes) {
        guard let rootEnd = bytes.withUnsafeBufferPointer(Self.rootStartTagEnd) else { return nil }
        let scan = bytes.withUnsafeBufferPointer { Self.scan($0, from: rootEnd) }
        self.rootEnd = rootEnd
        (offsets, isConceptOnly) = (scan.cuts, scan.isConceptOnly)
        (conceptStarts, conceptEnds) = (scan.conceptStarts, scan.conceptEnds)
    }

    /// Where the root element's start tag ends (after its `>`), if the file has one that is
    /// not empty: the first tag outside comments and processing instructions.
    package static func rootStartTagEnd(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while let at = search("<", in: buffer, from: index, limit: min(buffer.count, 1 << 16)) {
            if has("<!--", in: buffer, at: at) {
                guard let end = search("-->", in: buffer, from: at + 4, limit: buffer.count) else { return nil }
                index = end + 3
            } else if has("<?", in: buffer, at: at) {
                guard let end = search("?>", in: buffer, from: at + 2, limit: buffer.count) else { return nil }
                index = end + 2
            } else {
                guard has("<vocabulary", in: buffer, at: at), let end = tagEnd(buffer, from: at) else { return nil }
                return buffer[end - 2] == UInt8(ascii: "/") ? nil : end
            }
        }
        return nil
    }

    /// Just after the `>` that ends the tag starting at `start`, quoted values passed over
    /// (each with one `memchr` for its closing quote).
    private static func tagEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        var index = start
        while index < buffer.count {
            let byte = buffer[index]
            if byte == UInt8(ascii: ">") { return index + 1 }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let close = memchr(base + index + 1, Int32(byte), buffer.count - index - 1) else { return nil }
                index = base.distance(to: close.assumingMemoryBound(to: UInt8.self))
            }
            index += 1
        }
        return nil
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

    /// The first seam that looks like a cut when only the bytes around it are read: the
    /// start of the line of a `<concept` start tag that follows a `</concept>` starting at
    /// or after `from`, with nothing but white space, and a line end, between them.
    ///
    /// Unlike the cuts of a whole scan it may lie in a comment, a CDATA section, a processing
    /// instruction or an element below the root. The part of the file before it, closed by one
    /// `</vocabulary>`, then ends inside that markup and is not well-formed (the parser runs
    /// without recovery, ``XMLStreamParser``), so a reader that checks each part for errors
    /// (``PieceReader``) can cut there without the scan.
    package static func nearbyCut(in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        while let end = search("</concept>", in: buffer, from: index, limit: buffer.count) {
            index = end + 10
            var next = index
            while next < buffer.count, isSpace(buffer[next]) { next += 1 }
            guard isConceptStartTag(buffer, next) else { continue }
            if let cut = lineStart(buffer, before: next, notBefore: index) { return cut }
        }
        return nil
    }

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int)
        -> (cuts: [Int], isConceptOnly: [Bool], conceptStarts: [Int], conceptEnds: [Int])
    {
        guard let base = buffer.baseAddress else { return ([], [], [], []) }
        let count = buffer.count
        var cuts: [Int] = []
        var isConceptOnly: [Bool] = []
        var conceptStarts: [Int] = []
        var conceptEnds: [Int] = []
        // Elements open below the root: only concepts at depth 0 are the vocabulary's own (an
        // element of another namespace keeps what it holds, `concept`s too).
        var depth = 0
        var afterConceptEnd: Int?  // just after the last top-level `</concept>`, while nothing else followed
        var conceptEndsInPart = 0  // top-level `</concept>` tags in the current part
        func spoilPart() {
            if !isConceptOnly.isEmpty { isConceptOnly[isConceptOnly.count - 1] = false }
        }
        var index = start
        while index < count, let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            // The byte after `<` tells the kind of markup: most tags need no other comparison.
            let second = at + 1 < count ? buffer[at + 1] : 0
            let isConceptStart = depth == 0 && second == UInt8(ascii: "c") && isConceptStartTag(buffer, at)
            let isEndTag = second == UInt8(ascii: "/")
            if let after = afterConceptEnd, isConceptStart, let cut = lineStart(buffer, before: at, notBefore: after),
                let end = tagEnd(buffer, from: at)
            {
                cuts.append(cut)
                conceptEndsInPart = 0
                // The part is one concept only when its start tag opens a concept of this format.
                let isSelfClosed = buffer[end - 2] == UInt8(ascii: "/")
                isConceptOnly.append(!isSelfClosed && !contains("xmlns", in: UnsafeBufferPointer(rebasing: buffer[at..<end])))
                conceptStarts.append(at)
                if isSelfClosed { conceptEnds.append(end) } else { depth += 1 }
                afterConceptEnd = nil
                index = end
                continue
            }
            // Anything after a concept's end but the next concept, a second concept or an end
            // tag written otherwise makes the part more than one concept.
            if afterConceptEnd != nil || isConceptStart
                || isEndTag && has("</concept", in: buffer, at: at) && !has("</concept>", in: buffer, at: at)
            {
                spoilPart()
            }
            afterConceptEnd = nil
            let skipped: (end: StaticString, from: Int)? =
                if second == UInt8(ascii: "!"), has("<!--", in: buffer, at: at) {
                    ("-->", at + 4)
                } else if second == UInt8(ascii: "!"), has("<![CDATA[", in: buffer, at: at) {
                    ("]]>", at + 9)
                } else if second == UInt8(ascii: "?") {
                    ("?>", at + 2)
                } else {
                    nil
                }
            if let skipped {
                guard let end = search(skipped.end, in: buffer, from: skipped.from, limit: count) else { break }
                index = end + skipped.end.utf8CodeUnitCount
            } else if isEndTag {
                depth -= 1
                index = at + 2
                if depth == 0, has("</concept>", in: buffer, at: at) {
                    conceptEndsInPart += 1
                    if conceptEndsInPart > 1 { spoilPart() }
                    index = at + 10
                    afterConceptEnd = index
                    conceptEnds.append(index)
                }
            } else {
                guard let end = tagEnd(buffer, from: at) else { break }
                let isSelfClosed = buffer[end - 2] == UInt8(ascii: "/")
                if isConceptStart {
                    conceptStarts.append(at)
                    if isSelfClosed { conceptEnds.append(end) }
                }
                if !isSelfClosed { depth += 1 }
                index = end
            }
        }
        return (cuts, isConceptOnly, conceptStarts, conceptEnds)
    }

    /// Whether `literal` occurs in `bytes`.
    private static func contains(_ literal: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        search(literal, in: bytes, from: 0, limit: bytes.count) != nil
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
