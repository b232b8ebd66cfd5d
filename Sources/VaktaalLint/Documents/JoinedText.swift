import VaktaalXML

/// Prose that inline markup splits (`<em>ment</em>or`, `**leraar** in opleiding`) is one
/// text as rendered: pieces of text that only markup separates become one segment whose
/// decoded text leaves the markup out, so terms are found across it.
enum JoinedText {
    /// A stretch of text in source order; `joinsPrevious` when only markup separates it from
    /// the piece before.
    struct Piece {
        let range: Range<Int>
        let joinsPrevious: Bool
        /// The language of the element it stands in, when not the document's (``ProseSegment/language``).
        var language: String? = nil
    }

    /// The segments of `pieces`: a piece on its own is a plain segment (decoded when it holds
    /// an entity and `decodesEntities`); joined pieces make one decoded segment with the
    /// markup between them recorded.
    static func segments(_ pieces: [Piece], in bytes: UnsafeBufferPointer<UInt8>, decodesEntities: Bool) -> [ProseSegment] {
        var segments: [ProseSegment] = []
        var group: [Range<Int>] = []
        var language: String?
        func flush() {
            defer { group.removeAll(keepingCapacity: true) }
            guard let first = group.first, let last = group.last else { return }
            if group.count == 1 {
                if decodesEntities, bytes[first].contains(UInt8(ascii: "&")) {
                    let (text, offsets) = HTMLEntities.decode(bytes, range: first)
                    segments.append(
                        ProseSegment(sourceRange: first, decoded: text, offsets: offsets, markup: [], language: language))
                } else {
                    segments.append(ProseSegment(first, language: language))
                }
                return
            }
            // Decoding only shortens a piece: room for the pieces as they are is room enough.
            var text: [UInt8] = []
            text.reserveCapacity(group.reduce(0) { $0 + $1.count })
            // Each piece's source offsets: the bytes of its range, or those decoding gave.
            var pieceOffsets: [(range: Range<Int>, decoded: ArraySlice<Int>?)] = []
            pieceOffsets.reserveCapacity(group.count)
            var markup: [Range<Int>] = []
            for (index, range) in group.enumerated() {
                if index > 0 { markup.append(group[index - 1].upperBound..<range.lowerBound) }
                if decodesEntities, bytes[range].contains(UInt8(ascii: "&")) {
                    let decoded = HTMLEntities.decode(bytes, range: range)
                    text += decoded.text
                    pieceOffsets.append((range, decoded.offsets.dropLast()))
                } else {
                    text += bytes[range]
                    pieceOffsets.append((range, nil))
                }
            }
            // Filled in place, one offset for every byte of the text and one for its end.
            let offsets = [Int](unsafeUninitializedCapacity: text.count + 1) { buffer, count in
                var cursor = 0
                for piece in pieceOffsets {
                    if let decoded = piece.decoded {
                        for offset in decoded {
                            buffer[cursor] = offset
                            cursor += 1
                        }
                    } else {
                        for offset in piece.range {
                            buffer[cursor] = offset
                            cursor += 1
                        }
                    }
                }
                buffer[cursor] = last.upperBound
                count = cursor + 1
            }
            segments.append(
                ProseSegment(
                    sourceRange: first.lowerBound..<last.upperBound, decoded: text, offsets: offsets, markup: markup,
                    language: language))
        }
        for piece in pieces {
            // Text in another language than the text before is matched with its own labels.
            if !piece.joinsPrevious || piece.language != language { flush() }
            language = piece.language
            if !piece.range.isEmpty { group.append(piece.range) }
        }
        flush()
        return segments
    }

    /// Pieces of text ranges (in source order, each saying whether only markup separates it
    /// from the one before) without their URLs and e-mail addresses: a link between two
    /// pieces keeps them apart.
    static func withoutLinks(_ ranges: [Piece], in bytes: UnsafeBufferPointer<UInt8>) -> [Piece] {
        var pieces: [Piece] = []
        var previousEndsAtItsEnd = false
        for range in ranges {
            let prose = LinksAndAddresses.prose(in: bytes, range: range.range)
            guard let last = prose.last else {
                // All link: nothing joins across it.
                pieces.append(
                    Piece(range: range.range.lowerBound..<range.range.lowerBound, joinsPrevious: false, language: range.language))
                previousEndsAtItsEnd = false
                continue
            }
            for (index, part) in prose.enumerated() {
                let joins = index == 0 && range.joinsPrevious && previousEndsAtItsEnd && part.lowerBound == range.range.lowerBound
                pieces.append(Piece(range: part, joinsPrevious: joins, language: range.language))
            }
            previousEndsAtItsEnd = last.upperBound == range.range.upperBound
        }
        return pieces
    }
}
