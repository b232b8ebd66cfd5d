import VaktaalCore
import VaktaalText

extension MarkdownReader {
    /// The inline constructs that are not prose: code spans, HTML comments and tags,
    /// autolinks, and the `(destination "title")` or `[reference]` part of links and images.
    /// HTML tags and comments are `markup`: the text on both sides of them runs on.
    enum Inline {
        static func excludedRanges(
            _ bytes: UnsafeBufferPointer<UInt8>, start: Int, skipping blocks: [Range<Int>],
            directives: inout [InlineDirective], lines: Lines, labels: Set<String> = []
        ) -> (excluded: [Range<Int>], markup: [Range<Int>], unfixable: [Range<Int>]) {
            var excluded: [Range<Int>] = []
            var markup: [Range<Int>] = []
            var unfixable: [Range<Int>] = []
            // For elements whose end tag was looked for in vain: up to where there is none.
            var unclosed: [String: Int] = [:]
            // Made when a link's `(…)` or `[…]` is first met.
            var brackets: BracketMatches?
            let sortedBlocks = blocks.sorted { $0.lowerBound < $1.lowerBound }
            var blockIndex = 0
            var index = start
            while index < bytes.count {
                while blockIndex < sortedBlocks.count, sortedBlocks[blockIndex].upperBound <= index { blockIndex += 1 }
                if blockIndex < sortedBlocks.count, sortedBlocks[blockIndex].contains(index) {
                    index = sortedBlocks[blockIndex].upperBound
                    continue
                }
                // Bytes that start no inline construct are passed over up to the next block.
                let stop = blockIndex < sortedBlocks.count ? sortedBlocks[blockIndex].lowerBound : bytes.count
                index = ByteSearch.firstOffsetOrEnd(ofAnyOf: inlineStarts, in: bytes, range: index..<stop)
                guard index < stop else { continue }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    index += 2
                } else if byte == UInt8(ascii: "`"), let end = codeSpanEnd(bytes, at: index) {
                    excluded.append(index..<end)
                    index = end
                } else if byte == UInt8(ascii: "<"), let end = commentEnd(bytes, at: index) {
                    markup.append(index..<end)
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    if let directive = InlineDirective.parse(text, line: lines.number(of: index)) { directives.append(directive) }
                    index = end
                } else if byte == UInt8(ascii: "<"), let end = tagOrAutolinkEnd(bytes, at: index) {
                    let tag = tagName(bytes, index..<end)
                    if let tag, !tag.isEnd, HTMLReader.skipped.contains(tag.name), index >= unclosed[tag.name] ?? 0 {
                        switch skippedElementEnd(bytes, name: tag.name, after: end, before: stop) {
                        case .closed(let elementEnd):
                            // `<code>mentor</code>`, `<kbd>…</kbd>`: not prose, as the HTML reader reads them.
                            excluded.append(index..<elementEnd)
                            index = elementEnd
                            continue
                        case .unclosed(let searched):
                            unclosed[tag.name] = searched
                        }
                    }
                    // Inline elements (`<em>`, `<span>`) run on; other tags (`<br>`, `<div>`) end the text.
                    if let tag, HTMLReader.inline.contains(tag.name) {
                        markup.append(index..<end)
                    } else {
                        excluded.append(index..<end)
                    }
                    index = end
                } else if byte == UInt8(ascii: "]"), let label = footnoteLabelStart(bytes, before: index, notBefore: start) {
                    // `[^mentor]`: a footnote's label is a name for it, which no reader sees.
                    excluded.append(label..<index + 1)
                    index += 1
                } else if byte == UInt8(ascii: "]"), index + 1 < bytes.count,
                    bytes[index + 1] == UInt8(ascii: "(") || bytes[index + 1] == UInt8(ascii: "["),
                    let end = { () -> Int? in
                        if brackets == nil { brackets = BracketMatches(bytes, from: start) }
                        return brackets?.end(ofBracketAt: index + 1)
                    }()
                {
                    // `[mentor][]`: the link's text is its label too.
                    if end == index + 3, let open = linkTextStart(bytes, before: index, notBefore: start) {
                        unfixable.append(open..<index)
                    }
                    excluded.append(index + 1..<end)
                    index = end
                } else if byte == UInt8(ascii: "]"), !labels.isEmpty,
                    let open = linkTextStart(bytes, before: index, notBefore: start),
                    labels.contains(label(bytes, open..<index))
                {
                    // `[de mentor]`, a shortcut reference: its text is its label.
                    unfixable.append(open..<index)
                    index += 1
                } else {
                    index += 1
                }
            }
            return (excluded, markup, unfixable.sorted { $0.lowerBound < $1.lowerBound })
        }

        /// The bytes that may start what ``excludedRanges`` looks for.
        private static let inlineStarts = (UInt8(ascii: "<"), UInt8(ascii: "\\"), UInt8(ascii: "]"), UInt8(ascii: "`"))

        /// The name of the HTML tag `bytes[range]`, in lower case, and whether it is an end
        /// tag; `nil` for what is no tag with a name (an autolink such as `<https://…>`).
        private static func tagName(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (name: String, isEnd: Bool)? {
            var start = range.lowerBound + 1
            let isEnd = start < range.upperBound && bytes[start] == UInt8(ascii: "/")
            if isEnd { start += 1 }
            var end = start
            while end < range.upperBound, Tokenizer.isASCIIWordByte(bytes[end]) { end += 1 }
            guard end > start, end < range.upperBound,
                [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[end])
            else { return nil }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased(), isEnd)
        }

        /// Where the search for an element's end tag ended.
        private enum ElementEnd {
            /// After the end tag.
            case closed(at: Int)
            /// There is no end tag before this place (the paragraph's end, or the limit).
            case unclosed(searchedTo: Int)
        }

        /// For an element `name` whose content is not prose (``HTMLReader/skipped``: `<code>`,
        /// `<kbd>`, …) and whose start tag ends at `tagEnd`, the end of its end tag in the same
        /// paragraph (before a blank line, of any line ends and spaces, and before `limit`,
        /// where the next block starts); without it there, the start tag is a tag alone.
        private static func skippedElementEnd(
            _ bytes: UnsafeBufferPointer<UInt8>, name: String, after tagEnd: Int, before limit: Int
        ) -> ElementEnd {
            let close = Array("</\(name)>".utf8)
            var index = tagEnd
            var lineIsBlank = false
            while index + close.count <= limit {
                let byte = bytes[index]
                if LineIndex.isLineEnd(byte) {
                    // A line end after a line of nothing but spaces ends the paragraph.
                    if lineIsBlank { return .unclosed(searchedTo: index) }
                    if byte == 0x0D, index + 1 < limit, bytes[index + 1] == 0x0A { index += 1 }
                    lineIsBlank = true
                } else if byte != 0x20, byte != 0x09 {
                    lineIsBlank = false
                    if zip(bytes[index..<index + close.count], close).allSatisfy({ $0 | 0x20 == $1 }) {
                        return .closed(at: index + close.count)
                    }
                }
                index += 1
            }
            return .unclosed(searchedTo: limit)
        }

        /// Where the footnote label (`[^name]`) that the `]` at `end` closes starts, if it
        /// closes one: a name of up to 100 bytes without white space or brackets.
        private static func footnoteLabelStart(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int, notBefore start: Int) -> Int?
        {
            var index = end - 1
            while index > max(start, end - 101), bytes[index] != UInt8(ascii: "["), bytes[index] != UInt8(ascii: "]"),
                bytes[index] > 0x20
            {
                index -= 1
            }
            guard index >= start, index + 2 < end, bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^")
            else { return nil }
            return index
        }

        /// Where the text of the link whose `]` is at `end` starts (after its `[`), looking back
        /// at most 1,000 bytes and not past a `]` or a blank line; `nil` when no `[` opens it.
        private static func linkTextStart(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int, notBefore start: Int) -> Int? {
            var index = end - 1
            var lineIsBlank = true
            while index >= max(start, end - 1_000) {
                switch bytes[index] {
                case UInt8(ascii: "["):
                    return index > start && bytes[index - 1] == UInt8(ascii: "\\") ? nil : index + 1
                case UInt8(ascii: "]"): return nil
                case 0x0A:
                    if lineIsBlank, index < end - 1 { return nil }
                    lineIsBlank = true
                case 0x20, 0x09, 0x0D: break
                default: lineIsBlank = false
                }
                index -= 1
            }
            return nil
        }

        /// A link label as CommonMark matches it: without case, white space as one space.
        static func label(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).lowercased()
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }

        /// A code span: a run of backticks up to the next run of the same length.
        private static func codeSpanEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
            var index = start
            while index < bytes.count, bytes[index] == UInt8(ascii: "`") { index += 1 }
            let length = index - start
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "`") {
                    let runStart = index
                    while index < bytes.count, bytes[index] == UInt8(ascii: "`") { index += 1 }
                    if index - runStart == length { return index }
                } else {
                    index += 1
                }
            }
            return nil
        }

        /// `<!-- … -->`.
        static func commentEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
            guard start + 4 <= bytes.count, Array(bytes[start..<start + 4]) == Array("<!--".utf8) else { return nil }
            var index = start + 4
            while index + 3 <= bytes.count {
                if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: ">")
                {
                    return index + 3
                }
                index += 1
            }
            return bytes.count
        }

        /// An HTML tag (`<a …>`, `</a>`) or an autolink (`<https://…>`, `<name@host>`), on one line.
        private static func tagOrAutolinkEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
            guard start + 1 < bytes.count else { return nil }
            let next = bytes[start + 1]
            let isLetter = (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next)
            guard isLetter || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") else {
                return nil
            }
            var index = start + 1
            while index < bytes.count, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "<"), bytes[index] != 0x0A
            {
                index += 1
            }
            return index < bytes.count && bytes[index] == UInt8(ascii: ">") ? index + 1 : nil
        }

        /// The end of each `(…)` and `[…]` of a document (nested brackets of one kind paired),
        /// found in one pass: a bracket is closed in its paragraph or not at all (two line
        /// breaks end it), and `\` escapes the byte after it. Looking for the end from each
        /// opening bracket would read to the paragraph's end for each of a run of unclosed ones
        /// (`](` repeated: quadratic time).
        struct BracketMatches {
            /// The end (after the closing bracket) of each opening bracket that is closed.
            private var ends: [Int: Int] = [:]

            init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
                var parentheses: [Int] = []
                var squares: [Int] = []
                var index = start
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "\\"):
                        index += 1
                    case UInt8(ascii: "("):
                        parentheses.append(index)
                    case UInt8(ascii: "["):
                        squares.append(index)
                    case UInt8(ascii: ")"):
                        if let open = parentheses.popLast() { ends[open] = index + 1 }
                    case UInt8(ascii: "]"):
                        if let open = squares.popLast() { ends[open] = index + 1 }
                    case 0x0A where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                        parentheses.removeAll()
                        squares.removeAll()
                    default:
                        break
                    }
                    index += 1
                }
            }

            /// The end of the bracket that opens at `index`, or `nil` when it is not closed.
            func end(ofBracketAt index: Int) -> Int? { ends[index] }
        }
    }
}
