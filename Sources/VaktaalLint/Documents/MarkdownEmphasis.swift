import VaktaalCore

extension MarkdownReader {
    /// Emphasis markers (`*`, `_`, `~~`) are markup, not text: `**leraar** in opleiding` is
    /// read as "leraar in opleiding". A run of `*` that touches a word is a marker; a run of
    /// `_` or `~~` only at a word's edge (`snake_case` keeps its underscore); runs between
    /// spaces (`5 * 3`, a list's `* `) stay text.
    enum Emphasis {
        /// `piece` split at its emphasis markers; the parts after the first join it.
        static func split(_ piece: JoinedText.Piece, in bytes: UnsafeBufferPointer<UInt8>) -> [JoinedText.Piece] {
            var parts: [JoinedText.Piece] = []
            var cursor = piece.range.lowerBound
            var index = piece.range.lowerBound
            while index < piece.range.upperBound {
                index = firstCandidate(from: index, to: piece.range.upperBound, in: bytes)
                guard index < piece.range.upperBound else { break }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                var end = index
                while end < piece.range.upperBound, bytes[end] == byte { end += 1 }
                if isMarker(byte, run: index..<end, in: bytes) {
                    parts.append(
                        JoinedText.Piece(range: cursor..<index, joinsPrevious: parts.isEmpty ? piece.joinsPrevious : true))
                    cursor = end
                }
                index = end
            }
            if parts.isEmpty { return [piece] }
            parts.append(JoinedText.Piece(range: cursor..<piece.range.upperBound, joinsPrevious: true))
            return parts
        }

        /// The first byte from `start` that may be a marker or an escape.
        private static func firstCandidate(from start: Int, to end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
            ByteSearch.firstOffsetOrEnd(
                ofAnyOf: (UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "\\")), in: bytes,
                range: start..<end)
        }

        private static func isMarker(_ byte: UInt8, run: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let before = run.lowerBound > 0 && isWordByte(bytes[run.lowerBound - 1])
            let after = run.upperBound < bytes.count && isWordByte(bytes[run.upperBound])
            switch byte {
            case UInt8(ascii: "*"): return before || after
            case UInt8(ascii: "~"): return run.count == 2 && before != after
            default: return before != after
            }
        }

        /// Letters, digits and every byte of a non-ASCII scalar.
        private static func isWordByte(_ byte: UInt8) -> Bool { byte >= 0x80 || Tokenizer.isASCIIWordByte(byte) }
    }
}
