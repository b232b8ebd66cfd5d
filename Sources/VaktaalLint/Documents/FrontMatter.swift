/// The front matter of a Markdown page, as Hugo, Jekyll, MkDocs and Docusaurus write it:
/// YAML between `---` lines (closed by `---` or `...`) or TOML between `+++` lines, at the
/// very start. It is settings, not prose, but for the values of the keys a configuration
/// names (`title`, `description`).
enum FrontMatter {
    /// The front matter at `start`, with its lines ends, and the values of `keys` in it:
    /// single-line values (quotes left out) and the indented lines of YAML block scalars.
    static func find(
        in bytes: UnsafeBufferPointer<UInt8>, at start: Int, keys: [String]
    ) -> (range: Range<Int>, values: [Range<Int>])? {
        guard let (lines, isYAML) = frontMatterLines(bytes, from: start) else { return nil }
        let body = lines[1..<lines.count - 1]
        let values = isYAML ? yamlValues(body, bytes, keys) : tomlValues(body, bytes, keys)
        return (start..<lines[lines.count - 1].full.upperBound, values)
    }

    private struct Line {
        let content: Range<Int>
        let full: Range<Int>
    }

    /// The lines of the front matter at `start`, its opening and closing lines among them,
    /// and whether it is YAML (else TOML); `nil` when the first line opens none or no
    /// closing line comes in the first 2,001 lines (front matter is short).
    private static func frontMatterLines(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (lines: [Line], isYAML: Bool)? {
        var lines: [Line] = []
        var closings: Set<String> = []
        var closed = false
        LineSplitting.forEachLine(in: bytes, from: start) { content, full in
            let trimmed = text(bytes, content.lowerBound..<trimEnd(bytes, content))
            lines.append(Line(content: content, full: full))
            if lines.count == 1 {
                closings = trimmed == "---" ? ["---", "..."] : trimmed == "+++" ? ["+++"] : []
                return !closings.isEmpty
            }
            closed = closings.contains(trimmed)
            return !closed && lines.count <= 2000
        }
        guard closed else { return nil }
        return (lines, closings.contains("---"))
    }

    /// `key: value` at the start of a line; a value of `|` or `>` takes the indented lines after it.
    private static func yamlValues(_ body: ArraySlice<Line>, _ bytes: UnsafeBufferPointer<UInt8>, _ keys: [String]) -> [Range<
        Int
    >] {
        var values: [Range<Int>] = []
        var blockIsWanted = false
        for line in body {
            let content = line.content
            let indented = content.first.map { bytes[$0] == 0x20 || bytes[$0] == 0x09 } ?? true
            if indented {
                if blockIsWanted, !trimmed(bytes, content).isEmpty { values.append(trimmed(bytes, content)) }
                continue
            }
            blockIsWanted = false
            guard let colon = content.first(where: { bytes[$0] == UInt8(ascii: ":") }),
                keys.contains(text(bytes, content.lowerBound..<colon))
            else { continue }
            let value = trimmed(bytes, colon + 1..<content.upperBound)
            let written = text(bytes, value)
            if written.hasPrefix("|") || written.hasPrefix(">") {
                blockIsWanted = true
            } else if !value.isEmpty {
                values.append(unquoted(bytes, value))
            }
        }
        return values
    }

    /// `key = "value"` at the start of a line.
    private static func tomlValues(_ body: ArraySlice<Line>, _ bytes: UnsafeBufferPointer<UInt8>, _ keys: [String]) -> [Range<
        Int
    >] {
        body.compactMap { line in
            let content = line.content
            guard let equals = content.first(where: { bytes[$0] == UInt8(ascii: "=") }),
                keys.contains(text(bytes, trimmed(bytes, content.lowerBound..<equals)))
            else { return nil }
            let value = trimmed(bytes, equals + 1..<content.upperBound)
            guard let first = value.first, bytes[first] == UInt8(ascii: "\"") || bytes[first] == UInt8(ascii: "'") else {
                return nil
            }
            return unquoted(bytes, value)
        }
    }

    /// A quoted value without its quotes.
    private static func unquoted(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        guard range.count >= 2, let first = range.first, bytes[first] == UInt8(ascii: "\"") || bytes[first] == UInt8(ascii: "'"),
            bytes[range.upperBound - 1] == bytes[first]
        else { return range }
        return range.lowerBound + 1..<range.upperBound - 1
    }

    private static func trimEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return end
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        while start < range.upperBound, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        return start..<max(start, trimEnd(bytes, range))
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
