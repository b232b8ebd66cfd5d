import VaktaalCore

/// Markdown (CommonMark with GFM autolinks): prose is the text of paragraphs, headings,
/// lists, block quotes, emphasis, link text and image alt text. Not prose: front matter
/// (YAML between `---` lines, TOML between `+++` lines, but for the values of the keys
/// asked for), fenced and indented code blocks, code spans, HTML comments and tags, the
/// content of HTML blocks of `script`, `pre`, `style` and `textarea` and of inline elements
/// that are code (``HTMLReader/skipped``), link destinations and titles, autolinks, bare URLs
/// and e-mail addresses, and link reference definitions. Emphasis markers and inline HTML do not split the text they stand in
/// (`**leraar** in opleiding`). Directives come from HTML comments.
struct MarkdownReader: DocumentReader {
    var format: DocumentFormat { .markdown }

    func read(_ source: [UInt8]) throws(DocumentProblem) -> ReadDocument {
        try read(source, options: .standard)
    }

    func read(_ source: [UInt8], options: ReadingOptions) throws(DocumentProblem) -> ReadDocument {
        if let problem = TextDocument.problem(source) { throw problem }
        return source.withUnsafeBufferPointer { bytes in
            let start = TextDocument.contentStart(bytes)
            let frontMatter = FrontMatter.find(in: bytes, at: start, keys: options.frontMatterKeys)
            var (segments, directives, unfixable) = Self.prose(bytes, start: start, frontMatter: frontMatter?.range)
            if let frontMatter {
                let values = frontMatter.values.flatMap { LinksAndAddresses.prose(in: bytes, range: $0).map { ProseSegment($0) } }
                segments = values + segments
            }
            return ReadDocument(
                text: SourceBytes(source), segments: segments, directives: directives, declaredLanguage: nil, unfixable: unfixable
            )
        }
    }

    private static func prose(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, frontMatter: Range<Int>?
    ) -> (segments: [ProseSegment], directives: [InlineDirective], unfixable: [Range<Int>]) {
        var excluded: [Range<Int>] = frontMatter.map { [$0] } ?? []
        var directives: [InlineDirective] = []
        // The labels of the link reference definitions, as CommonMark matches them.
        var labels: Set<String> = []
        let lines = Lines(bytes, start: start)
        // An open code fence, and how many block quotes hold it.
        var fence: (character: UInt8, length: Int, quoteDepth: Int)?
        // The end tag of an HTML block whose content is not prose (`<script>`, `<pre>`, …),
        // and how many block quotes hold it.
        var rawBlock: (end: [UInt8], quoteDepth: Int)?
        // After a link reference definition: whether its title may follow.
        var awaitingTitle = false
        // Whether the line before is paragraph text: a definition cannot interrupt a paragraph.
        var inParagraph = false
        var previousBlank = true
        // The open list items, innermost last: the column each one's content starts at (a
        // code block in one is indented four columns more than that).
        var listContents: [Int] = []
        // A block that is no paragraph text closes the items whose content lies past it.
        func closeItems(past column: Int) {
            while let innermost = listContents.last, column < innermost { listContents.removeLast() }
        }
        // Block quote markers: markup that the quote's text runs on across, line to line.
        var quoteMarkers: [Range<Int>] = []
        for line in lines.all where line.full.lowerBound >= frontMatter?.upperBound ?? 0 {
            // Blocks in a block quote are read as blocks outside one (a quote's `>` line is blank).
            let (markers, depth, content) = lines.quoteMarkers(line.content)
            // Code or a raw block ends with the quote that holds it; inside, only the quote's own
            // markers are taken off (`> ```` in code outside a quote is code).
            if let open = fence, depth < open.quoteDepth { fence = nil }
            if let open = rawBlock, depth < open.quoteDepth { rawBlock = nil }
            if let open = fence {
                excluded.append(line.full)
                let inner = lines.quoteMarkers(line.content, atMost: open.quoteDepth).content
                let body = inner.lowerBound + min(lines.indentation(inner).bytes, inner.count)
                if let close = lines.fence(at: body, in: inner), close.character == open.character, close.length >= open.length,
                    lines.isBlank(close.end..<inner.upperBound)
                {
                    fence = nil
                }
                continue
            }
            if let open = rawBlock {
                excluded.append(line.full)
                if lines.contains(open.end, in: lines.quoteMarkers(line.content, atMost: open.quoteDepth).content) {
                    rawBlock = nil
                }
                continue
            }
            if let markers { quoteMarkers.append(markers) }
            let indent = lines.indentation(content)
            let body = content.lowerBound + min(indent.bytes, content.count)
            if lines.isBlank(content) {
                // A definition's title is on the line right after it, or there is none.
                (previousBlank, inParagraph, awaitingTitle) = (true, false, false)
                continue
            }
            // After a blank line, text indented less than an item's content is out of that item.
            if previousBlank { closeItems(past: indent.columns) }
            // A block starts at most three columns past the content of the innermost item (past
            // the margin outside lists); text indented more is code after a blank line, and
            // goes on a paragraph otherwise.
            let startsBlock = indent.columns < (listContents.last ?? 0) + 4
            if startsBlock, let end = lines.rawHTMLBlockEnd(at: body, in: content) {
                closeItems(past: indent.columns)
                excluded.append(line.full)
                if !lines.contains(end, in: content) { rawBlock = (end, depth) }
                (previousBlank, inParagraph, awaitingTitle) = (false, false, false)
                continue
            }
            if startsBlock, let open = lines.fence(at: body, in: content) {
                closeItems(past: indent.columns)
                fence = (open.character, open.length, depth)
                excluded.append(line.full)
                (previousBlank, inParagraph, awaitingTitle) = (false, false, false)
                continue
            }
            if previousBlank, !startsBlock {
                excluded.append(line.full)
                continue
            }
            if awaitingTitle, lines.isTitle(body..<content.upperBound) {
                excluded.append(line.full)
                awaitingTitle = false
                continue
            }
            awaitingTitle = false
            if startsBlock, !inParagraph {
                let definition = lines.linkReferenceDefinition(body..<content.upperBound)
                if definition != .none {
                    if let close = (body..<content.upperBound).first(where: { bytes[$0] == UInt8(ascii: "]") }) {
                        labels.insert(Inline.label(bytes, body + 1..<close))
                    }
                    excluded.append(line.full)
                    awaitingTitle = definition == .withoutTitle
                    previousBlank = false
                    continue
                }
            }
            // A heading or a break (`- - -` too) is a block of one line; other text goes on as a paragraph.
            let isHeadingOrBreak = startsBlock && lines.isHeadingOrBreak(body..<content.upperBound)
            inParagraph = !isHeadingOrBreak
            if isHeadingOrBreak {
                closeItems(past: indent.columns)
            } else if startsBlock, let item = lines.listItem(body..<content.upperBound, markerColumn: indent.columns) {
                // An item (of a sublist, too) closes the items whose content lies past its marker.
                closeItems(past: indent.columns)
                listContents.append(item.contentColumn)
                // A fence may open on the item's first line (`1. ```bash`).
                if let open = item.contentStart.flatMap({ lines.fence(at: $0, in: content) }) {
                    fence = (open.character, open.length, depth)
                    excluded.append(line.full)
                    (previousBlank, inParagraph) = (false, false)
                    continue
                }
            } else if startsBlock, lines.isFootnoteDefinition(body..<content.upperBound) {
                // A footnote (GFM) goes on in paragraphs indented four columns, as an item's do.
                closeItems(past: indent.columns)
                listContents.append(indent.columns + 4)
            }
            previousBlank = false
        }
        let inline = Inline.excludedRanges(
            bytes, start: start, skipping: excluded, directives: &directives, lines: lines, labels: labels)
        excluded += inline.excluded
        // Text between HTML tags and comments runs on; code, links and blocks end it.
        let markup = (inline.markup + quoteMarkers).sorted { $0.lowerBound < $1.lowerBound }
        var pieces: [JoinedText.Piece] = []
        var markupIndex = 0
        for range in complement(of: excluded, in: start..<bytes.count) {
            var cursor = range.lowerBound
            var joins = false
            while markupIndex < markup.count, markup[markupIndex].lowerBound < range.upperBound {
                let tag = markup[markupIndex]
                markupIndex += 1
                guard tag.lowerBound >= cursor else { continue }
                pieces.append(JoinedText.Piece(range: cursor..<tag.lowerBound, joinsPrevious: joins))
                cursor = min(tag.upperBound, range.upperBound)
                joins = true
            }
            pieces.append(JoinedText.Piece(range: cursor..<range.upperBound, joinsPrevious: joins))
        }
        let withoutLinks = JoinedText.withoutLinks(pieces, in: bytes)
        let withoutEmphasis = withoutLinks.flatMap { Emphasis.split($0, in: bytes) }
        return (JoinedText.segments(withoutEmphasis, in: bytes, decodesEntities: false), directives, inline.unfixable)
    }

    /// The parts of `whole` not covered by `ranges`.
    static func complement(of ranges: [Range<Int>], in whole: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var cursor = whole.lowerBound
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if range.lowerBound > cursor { result.append(cursor..<range.lowerBound) }
            cursor = max(cursor, range.upperBound)
        }
        if cursor < whole.upperBound { result.append(cursor..<whole.upperBound) }
        return result
    }
}

/// The lines of a document, with the helpers block parsing needs.
struct Lines {
    struct Line {
        /// Without the line end.
        let content: Range<Int>
        /// With the line end.
        let full: Range<Int>
        let number: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let all: [Line]

    init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        self.bytes = bytes
        var lines: [Line] = []
        LineSplitting.forEachLine(in: bytes, from: start) { content, full in
            lines.append(Line(content: content, full: full, number: lines.count + 1))
            return true
        }
        all = lines
    }

    /// Leading spaces and tabs, as bytes and as columns (a tab to the next multiple of 4).
    func indentation(_ range: Range<Int>) -> (bytes: Int, columns: Int) {
        var count = 0
        var columns = 0
        for index in range {
            if bytes[index] == 0x20 {
                columns += 1
            } else if bytes[index] == 0x09 {
                columns += 4 - columns % 4
            } else {
                break
            }
            count += 1
        }
        return (count, columns)
    }

    func isBlank(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 } }

    /// The block quote markers that start `line` (each `>` with up to three spaces before it
    /// and a space or tab after it, `> > ` nested; `atMost` of them), how many, and the
    /// line's content after them.
    func quoteMarkers(_ line: Range<Int>, atMost limit: Int = .max) -> (markers: Range<Int>?, depth: Int, content: Range<Int>) {
        var contentStart = line.lowerBound
        var depth = 0
        while depth < limit {
            var index = contentStart
            while index < line.upperBound, index - contentStart < 3, bytes[index] == 0x20 { index += 1 }
            guard index < line.upperBound, bytes[index] == UInt8(ascii: ">") else { break }
            index += 1
            if index < line.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            contentStart = index
            depth += 1
        }
        let markers = contentStart > line.lowerBound ? line.lowerBound..<contentStart : nil
        return (markers, depth, contentStart..<line.upperBound)
    }

    /// A code fence (three or more backticks or tildes) at `index`.
    func fence(at index: Int, in line: Range<Int>) -> (character: UInt8, length: Int, end: Int)? {
        guard index < line.upperBound, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") else { return nil }
        var end = index
        while end < line.upperBound, bytes[end] == bytes[index] { end += 1 }
        // The info string of a backtick fence has no backtick: ```` ```npm i``` ```` is inline code.
        if bytes[index] == UInt8(ascii: "`"), bytes[end..<line.upperBound].contains(UInt8(ascii: "`")) { return nil }
        return end - index >= 3 ? (bytes[index], end - index, end) : nil
    }

    /// Whether `range` is a heading (`#` to `######`, then a space or the end) or a thematic
    /// break (three or more `-`, `*` or `_`, spaces between): blocks of one line.
    func isHeadingOrBreak(_ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        if bytes[first] == UInt8(ascii: "#") {
            var index = first
            while index < range.upperBound, bytes[index] == UInt8(ascii: "#") { index += 1 }
            return index - first <= 6 && (index == range.upperBound || bytes[index] == 0x20 || bytes[index] == 0x09)
        }
        let marker = bytes[first]
        guard marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "_") else { return false }
        var count = 0
        for index in range {
            if bytes[index] == marker { count += 1 } else if bytes[index] != 0x20, bytes[index] != 0x09 { return false }
        }
        return count >= 3
    }

    /// The end tag of the HTML block that starts at `index` when its content is not prose
    /// (CommonMark's first kind: `<script`, `<pre`, `<style`, `<textarea`, in any case, then
    /// a space, `>` or the line's end): `</script>` and so on, in lower case.
    func rawHTMLBlockEnd(at index: Int, in line: Range<Int>) -> [UInt8]? {
        guard index < line.upperBound, bytes[index] == UInt8(ascii: "<") else { return nil }
        for name in ["script", "pre", "style", "textarea"] {
            let end = index + 1 + name.utf8.count
            guard end <= line.upperBound,
                zip(bytes[(index + 1)..<end], name.utf8).allSatisfy({ $0 | 0x20 == $1 })
            else { continue }
            if end == line.upperBound || [0x20, 0x09, UInt8(ascii: ">")].contains(bytes[end]) { return Array("</\(name)>".utf8) }
        }
        return nil
    }

    /// Whether `text` (lower-case ASCII) occurs in `line`, in any case.
    func contains(_ text: [UInt8], in line: Range<Int>) -> Bool {
        guard line.count >= text.count else { return false }
        return (line.lowerBound...(line.upperBound - text.count)).contains { start in
            zip(bytes[start..<start + text.count], text).allSatisfy { $0 | 0x20 == $1 | 0x20 }
        }
    }

    /// What a line of a link reference definition holds, as CommonMark reads it:
    /// `[label]: destination`, then optionally a title in quotes or brackets, nothing else.
    enum Definition {
        /// Not a definition: a paragraph (`[x]: De mentor in tekst.`, a footnote `[^1]: …`).
        case none
        /// A whole definition.
        case complete
        /// A definition whose title may follow on the next line.
        case withoutTitle
    }

    /// The link reference definition on `range`, if it is one.
    func linkReferenceDefinition(_ range: Range<Int>) -> Definition {
        guard let first = range.first, bytes[first] == UInt8(ascii: "["), first + 1 < range.upperBound,
            bytes[first + 1] != UInt8(ascii: "^")
        else { return .none }
        var index = first + 1
        while index < range.upperBound, bytes[index] != UInt8(ascii: "]") { index += 1 }
        guard index > first + 1, index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: ":") else { return .none }
        index = skippingSpaces(from: index + 2, in: range)
        guard index < range.upperBound else { return .withoutTitle }
        // The destination: `<…>`, or a run without spaces.
        if bytes[index] == UInt8(ascii: "<") {
            while index < range.upperBound, bytes[index] != UInt8(ascii: ">") { index += 1 }
            guard index < range.upperBound else { return .none }
            index += 1
        } else {
            while index < range.upperBound, bytes[index] != 0x20, bytes[index] != 0x09 { index += 1 }
        }
        let afterDestination = skippingSpaces(from: index, in: range)
        if afterDestination == range.upperBound { return .withoutTitle }
        return isTitle(afterDestination..<range.upperBound) ? .complete : .none
    }

    /// Whether `range` (without its trailing spaces) is a link title: `"…"`, `'…'` or `(…)`.
    func isTitle(_ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard end - range.lowerBound >= 2 else { return false }
        let open = bytes[range.lowerBound]
        let close = open == UInt8(ascii: "(") ? UInt8(ascii: ")") : open
        return (open == UInt8(ascii: "\"") || open == UInt8(ascii: "'") || open == UInt8(ascii: "(")) && bytes[end - 1] == close
    }

    private func skippingSpaces(from start: Int, in range: Range<Int>) -> Int {
        var index = start
        while index < range.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index
    }

    /// For a list item (`- `, `* `, `+ ` or `1. `/`1) `) whose marker stands at column
    /// `column`, the column its content starts at: past the marker and the white space after
    /// it, a tab to the next multiple of 4 (one column when there are five or more, as
    /// CommonMark counts them); and the byte its first line's content starts at, `nil` when
    /// that is indented code or there is none. `nil` for other lines.
    func listItem(_ range: Range<Int>, markerColumn column: Int) -> (contentColumn: Int, contentStart: Int?)? {
        guard let first = range.first else { return nil }
        var index = first
        let marker = bytes[first]
        if marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "+") {
            index += 1
        } else {
            while index < range.upperBound, index - first < 9, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > first, index < range.upperBound, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
            else { return nil }
            index += 1
        }
        guard index < range.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 else { return nil }
        let markerEnd = column + index - first
        var end = markerEnd
        while index < range.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09, end - markerEnd < 5 {
            end = bytes[index] == 0x09 ? end + 4 - end % 4 : end + 1
            index += 1
        }
        let white = end - markerEnd
        guard white < 5, index < range.upperBound else { return (markerEnd + 1, nil) }
        return (markerEnd + white, index)
    }

    /// Whether `range` starts a footnote's definition (`[^1]: …`).
    func isFootnoteDefinition(_ range: Range<Int>) -> Bool {
        guard range.count > 4, bytes[range.lowerBound] == UInt8(ascii: "["), bytes[range.lowerBound + 1] == UInt8(ascii: "^")
        else { return false }
        guard let close = range.dropFirst(2).first(where: { bytes[$0] == UInt8(ascii: "]") || bytes[$0] <= 0x20 }) else {
            return false
        }
        return bytes[close] == UInt8(ascii: "]") && close > range.lowerBound + 2 && close + 1 < range.upperBound
            && bytes[close + 1] == UInt8(ascii: ":")
    }

    /// The 1-based line of a byte offset.
    func number(of offset: Int) -> Int {
        var low = 0
        var high = all.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if all[middle].full.lowerBound <= offset { low = middle } else { high = middle - 1 }
        }
        return all.isEmpty ? 1 : all[low].number
    }
}
