import VaktaalCore

/// Markdown (CommonMark with GFM autolinks): prose is the text of paragraphs, headings,
/// lists, block quotes, emphasis, link text and image alt text. Not prose: front matter
/// (YAML between `---` lines, TOML between `+++` lines, but for the values of the keys
/// asked for), fenced and indented code blocks, code spans, HTML comments and tags, link
/// destinations and titles, autolinks, bare URLs and e-mail addresses, and link reference
/// definitions. Emphasis markers and inline HTML do not split the text they stand in
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
            var (segments, directives) = Self.prose(bytes, start: start, frontMatter: frontMatter?.range)
            if let frontMatter {
                let values = frontMatter.values.flatMap { LinksAndAddresses.prose(in: bytes, range: $0).map(ProseSegment.init) }
                segments = values + segments
            }
            return ReadDocument(text: SourceBytes(source), segments: segments, directives: directives, declaredLanguage: nil)
        }
    }

    private static func prose(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, frontMatter: Range<Int>?
    ) -> (segments: [ProseSegment], directives: [InlineDirective]) {
        var excluded: [Range<Int>] = frontMatter.map { [$0] } ?? []
        var directives: [InlineDirective] = []
        let lines = Lines(bytes, start: start)
        var fence: (character: UInt8, length: Int)?
        var previousBlank = true
        var inList = false
        for line in lines.all where line.full.lowerBound >= frontMatter?.upperBound ?? 0 {
            let content = line.content
            let indent = lines.indentation(content)
            let body = content.lowerBound + min(indent.bytes, content.count)
            if let open = fence {
                excluded.append(line.full)
                if let close = lines.fence(at: body, in: content), close.character == open.character, close.length >= open.length,
                    lines.isBlank(close.end..<content.upperBound)
                {
                    fence = nil
                }
                continue
            }
            let blank = lines.isBlank(content)
            if blank {
                previousBlank = true
                continue
            }
            if indent.columns < 4, let open = lines.fence(at: body, in: content) {
                fence = (open.character, open.length)
                excluded.append(line.full)
                previousBlank = false
                continue
            }
            if indent.columns >= 4, previousBlank, !inList {
                excluded.append(line.full)
                continue
            }
            if indent.columns < 4, lines.isLinkReferenceDefinition(body..<content.upperBound) {
                excluded.append(line.full)
                previousBlank = false
                continue
            }
            if indent.columns < 4, lines.startsListItem(body..<content.upperBound) { inList = true }
            if previousBlank, indent.columns == 0, !lines.startsListItem(body..<content.upperBound) { inList = false }
            previousBlank = false
        }
        let inline = Inline.excludedRanges(bytes, start: start, skipping: excluded, directives: &directives, lines: lines)
        excluded += inline.excluded
        // Text between HTML tags and comments runs on; code, links and blocks end it.
        let markup = inline.markup.sorted { $0.lowerBound < $1.lowerBound }
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
        return (JoinedText.segments(withoutEmphasis, in: bytes, decodesEntities: false), directives)
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

    /// A code fence (three or more backticks or tildes) at `index`.
    func fence(at index: Int, in line: Range<Int>) -> (character: UInt8, length: Int, end: Int)? {
        guard index < line.upperBound, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") else { return nil }
        var end = index
        while end < line.upperBound, bytes[end] == bytes[index] { end += 1 }
        return end - index >= 3 ? (bytes[index], end - index, end) : nil
    }

    /// `[label]: destination`.
    func isLinkReferenceDefinition(_ range: Range<Int>) -> Bool {
        guard let first = range.first, bytes[first] == UInt8(ascii: "[") else { return false }
        var index = first + 1
        while index < range.upperBound, bytes[index] != UInt8(ascii: "]") { index += 1 }
        return index + 1 < range.upperBound && bytes[index + 1] == UInt8(ascii: ":") && index > first + 1
    }

    /// `- `, `* `, `+ ` or `1. `/`1) `.
    func startsListItem(_ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        let marker = bytes[first]
        if marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "+") {
            return first + 1 < range.upperBound && (bytes[first + 1] == 0x20 || bytes[first + 1] == 0x09)
        }
        var index = first
        while index < range.upperBound, (0x30...0x39).contains(bytes[index]) { index += 1 }
        return index > first && index + 1 < range.upperBound
            && (bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")) && bytes[index + 1] == 0x20
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
