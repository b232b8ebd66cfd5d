import VaktaalCore

/// Our file of a scheme, cut so that a merge result keeps its bytes: its start up to the
/// first concept, each concept (from the line of its first comment, or of its start tag, to
/// just after its end tag), the white space between concepts, and its end after the last
/// concept.
///
/// The result of a merge is written in our file's layout: every concept the merge keeps as
/// we wrote it is copied byte for byte, and only the concepts it changed, rebuilt or took
/// from them are written in the canonical layout. Used as a git merge driver, a merge then
/// changes little more than the lines of what changed.
struct OurFileLayout: Sendable {
    /// Our file's bytes.
    let bytes: SourceBytes
    /// What the bytes of a concept mean in our file; `nil` when its start cannot be read simply.
    let context: ReadingContext?
    /// Per concept of our scheme, in order, its bytes.
    let concepts: [Range<Int>]
    /// For a concept whose bytes start in the middle of a line (a comment after the previous
    /// concept's end tag): the indentation of its start tag's line, put before it when it
    /// follows another concept than that one.
    let indentations: [Int: Range<Int>]
    /// Whether only white space and comments stand around the root's end tag after the last
    /// concept: then a head written anew says everything the scheme says of itself.
    let hasPlainEnd: Bool
    /// How the file's first line ends: what is written anew ends its lines so too.
    let lineEnding: LineEnding

    /// Our file's layout, when each concept of `vocabulary` (read from it) can be cut out: the
    /// file has as many concepts as the scheme, only comments and white space stand between
    /// two of them (the comments are the next concept's), and the first has no comments
    /// before it (they could not be told from the scheme's).
    init?(_ file: ReadParts.File, of vocabulary: Vocabulary) {
        guard let cuts = file.layout?.conceptCuts ?? ConceptCuts(file.bytes),
            cuts.conceptStarts.count == vocabulary.concepts.count, cuts.conceptEnds.count == vocabulary.concepts.count,
            let first = vocabulary.concepts.first, first.leadingComments.isEmpty
        else { return nil }
        let found = file.bytes.withUnsafeBufferPointer { buffer -> ([Range<Int>], [Int: Range<Int>])? in
            var spans: [Range<Int>] = []
            spans.reserveCapacity(cuts.conceptStarts.count)
            var indentations: [Int: Range<Int>] = [:]
            var previousEnd = cuts.rootEnd
            for (start, end) in zip(cuts.conceptStarts, cuts.conceptEnds) {
                guard previousEnd <= start, start < end else { return nil }
                let firstMarkup =
                    spans.isEmpty ? start : Self.firstMarkup(in: buffer, from: previousEnd, before: start)
                guard let firstMarkup else { return nil }
                let spanStart = Self.lineStart(in: buffer, of: firstMarkup, notBefore: previousEnd)
                if !Self.isLineEnd(buffer[spanStart - 1]) {
                    let tagLine = Self.lineStart(in: buffer, of: start, notBefore: firstMarkup)
                    if tagLine < start { indentations[spans.count] = tagLine..<start }
                }
                spans.append(spanStart..<end)
                previousEnd = end
            }
            return (spans, indentations)
        }
        guard let (spans, indentations) = found, let lastEnd = spans.last?.upperBound else { return nil }
        self.indentations = indentations
        bytes = file.bytes
        context = file.layout?.context ?? ReadingContext(file.bytes, rootEnd: cuts.rootEnd)
        concepts = spans
        (hasPlainEnd, lineEnding) = file.bytes.withUnsafeBufferPointer { buffer in
            let rootEnd = Self.pastSpaceAndComments(in: buffer, from: lastEnd, before: buffer.count)
            return (
                Self.has(Self.rootEndTag, in: buffer, at: rootEnd, before: buffer.count)
                    && (buffer[rootEnd...].firstIndex(of: UInt8(ascii: ">")).map {
                        Self.pastSpaceAndComments(in: buffer, from: $0 + 1, before: buffer.count) == buffer.count
                    } ?? false),
                LineEnding(of: buffer)
            )
        }
    }

    /// The merged scheme in our layout: our start and end, our concepts kept as written copied
    /// with the white space that followed them, and the others written as the canonical
    /// writer writes them. `nil` when a concept must be written anew but its canonical bytes
    /// would not mean the same in our file (another encoding, namespaces or default language).
    ///
    /// - Parameters:
    ///   - kept: Per concept of `vocabulary`, the index of our concept it is as we wrote it, or `nil`.
    ///   - newHead: Whether the start of the file up to the first concept is written anew (the
    ///     merge changed what the scheme says of itself): only when our file's end is plain.
    func bytes(of vocabulary: Vocabulary, keeping kept: [Int?], newHead: Bool) -> [UInt8]? {
        guard let lastConcept = concepts.last, !newHead || hasPlainEnd else { return nil }
        let written = kept.indices.filter { kept[$0] == nil }
        let canonical = VocabularyWriter.concepts(at: written, of: vocabulary)
        if !written.isEmpty || newHead {
            // The byte order mark aside (what is written is UTF-8 either way), our root must
            // say what the canonical root says of the bytes in it.
            let start = SourceBytes(canonical.documentStart)
            guard let context, let other = ReadingContext(start, rootEnd: start.count),
                context.encoding == other.encoding, context.rootAttributes == other.rootAttributes
            else { return nil }
        }
        // What is written anew ends its lines as our file does.
        let lineEnding = self.lineEnding
        func appendWritten(_ written: [UInt8], to result: inout [UInt8]) { result += lineEnding.applied(to: written) }
        return bytes.withUnsafeBufferPointer { buffer in
            // Between a concept written anew and its neighbours: what stands between our first two.
            let separator = concepts.count >= 2 ? Array(buffer[concepts[0].upperBound..<concepts[1].lowerBound]) : []
            let hasLineEnd = separator.contains(10) || separator.contains(13)
            var result: [UInt8] = []
            result.reserveCapacity(buffer.count + canonical.concepts.reduce(0) { $0 + $1.count + separator.count })
            if newHead {
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { result += [0xEF, 0xBB, 0xBF] }
                appendWritten(canonical.head, to: &result)
            } else {
                result += buffer[0..<concepts[0].lowerBound]
            }
            var nextWritten = canonical.concepts.makeIterator()
            var previous: Int?  // our concept written last, when it was kept
            for (index, ours) in kept.enumerated() {
                let followsItsNeighbour = previous.map { previous in ours == previous + 1 } ?? (ours == 0)
                if index > 0 {
                    if let previous, let ours, followsItsNeighbour {
                        result += buffer[concepts[previous].upperBound..<concepts[ours].lowerBound]
                    } else {
                        result += hasLineEnd ? separator : lineEnding.bytes
                    }
                }
                if let ours, !followsItsNeighbour, let indentation = indentations[ours] { result += buffer[indentation] }
                if let ours {
                    result += buffer[concepts[ours]]
                } else if let concept = nextWritten.next() {
                    appendWritten(concept, to: &result)
                }
                previous = ours
            }
            if kept.isEmpty {
                // No concept is left: the scheme's start meets our end as the canonical writer puts them.
                while let last = result.last, Self.isSpace(last) { result.removeLast() }
            }
            result += buffer[lastConcept.upperBound...]
            return result
        }
    }

    /// The first comment or tag in `buffer[from..<before]` and `before`, when only white space
    /// and comments stand there; `nil` otherwise.
    private static func firstMarkup(in buffer: UnsafeBufferPointer<UInt8>, from: Int, before: Int) -> Int? {
        guard pastSpaceAndComments(in: buffer, from: from, before: before) == before else { return nil }
        return buffer[from..<before].firstIndex { !isSpace($0) } ?? before
    }

    /// Where the white space and comments that start at `from` end (at most at `before`).
    private static func pastSpaceAndComments(in buffer: UnsafeBufferPointer<UInt8>, from: Int, before: Int) -> Int {
        var index = from
        while index < before {
            if isSpace(buffer[index]) {
                index += 1
            } else if has(commentStart, in: buffer, at: index, before: before),
                let close = find(commentEnd, in: buffer, from: index + 4, before: before)
            {
                index = close + 3
            } else {
                break
            }
        }
        return index
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || isLineEnd(byte) }

    private static func isLineEnd(_ byte: UInt8) -> Bool { byte == 10 || byte == 13 }

    /// The start of the line of `offset` when only spaces and tabs stand before it on its
    /// line, and that line starts after `notBefore`; else `offset`.
    private static func lineStart(in buffer: UnsafeBufferPointer<UInt8>, of offset: Int, notBefore: Int) -> Int {
        var start = offset
        while start > notBefore, buffer[start - 1] == 32 || buffer[start - 1] == 9 { start -= 1 }
        return start > notBefore && (buffer[start - 1] == 10 || buffer[start - 1] == 13) ? start : offset
    }

    private static let rootEndTag = Array("</vocabulary".utf8)
    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)

    private static func has(_ literal: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, at offset: Int, before: Int) -> Bool {
        before - offset >= literal.count && buffer[offset..<offset + literal.count].elementsEqual(literal)
    }

    private static func find(_ literal: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from: Int, before: Int) -> Int? {
        var index = from
        while index < before {
            if has(literal, in: buffer, at: index, before: before) { return index }
            index += 1
        }
        return nil
    }
}
