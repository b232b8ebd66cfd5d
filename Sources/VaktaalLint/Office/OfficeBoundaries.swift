/// Where a fix in an office document may not move text from one run into another: the
/// replacement goes into a term's first run, so a term whose runs a link, bookmark, field,
/// tracked change or comment range parts, or whose runs link to different targets
/// (DrawingML keeps a link in each run's properties), is reported without a fix.
enum OfficeBoundaries {
    /// Whether `second`, the piece after `first` in a paragraph of the part `bytes`, lies
    /// across such a boundary from it.
    static func separate(
        _ first: OfficeText.Piece, _ second: OfficeText.Piece, in bytes: [UInt8], runs: [OfficeText.Run]
    ) -> Bool {
        guard first.source.upperBound <= second.source.lowerBound else { return true }
        if holdsBoundary(bytes[first.source.upperBound..<second.source.lowerBound]) { return true }
        return linkTarget(of: first.run, in: bytes, runs: runs) != linkTarget(of: second.run, in: bytes, runs: runs)
    }

    /// The elements that mean something of their own between two runs.
    private static let boundaries: Set<String> = [
        "hyperlink", "a", "bookmarkStart", "bookmarkEnd", "bookmark", "bookmark-start", "bookmark-end",
        "reference-mark-start", "reference-mark-end", "fldSimple", "fldChar", "ins", "del", "moveFrom", "moveTo",
        "commentRangeStart", "commentRangeEnd", "annotation", "annotation-end", "sdt", "sdtContent", "customXml",
        "smartTag", "ruby", "note",
    ]

    /// Whether the XML `between` holds a start or end tag of one of the ``boundaries``.
    private static func holdsBoundary(_ between: ArraySlice<UInt8>) -> Bool {
        var index = between.startIndex
        while let open = between[index...].firstIndex(of: UInt8(ascii: "<")) {
            var start = open + 1
            if start < between.endIndex, between[start] == UInt8(ascii: "/") { start += 1 }
            var end = start
            while end < between.endIndex, !" \t\r\n/>".utf8.contains(between[end]) { end += 1 }
            let name = between[start..<end]
            let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
            if boundaries.contains(String(decoding: local, as: UTF8.self)) { return true }
            index = end
        }
        return false
    }

    /// The relationship a run's properties link it to (`<a:hlinkClick r:id="rId2"/>`), as
    /// written; `nil` for a run without one, or no run.
    private static func linkTarget(of run: Int?, in bytes: [UInt8], runs: [OfficeText.Run]) -> ArraySlice<UInt8>? {
        guard let run, runs.indices.contains(run) else { return nil }
        let element = bytes[runs[run].element]
        let name = Array("hlinkClick".utf8)
        guard let at = element.indices.first(where: { element[$0...].starts(with: name) }) else { return nil }
        // The tag up to its end, which names the target.
        let end = element[at...].firstIndex(of: UInt8(ascii: ">")) ?? element.endIndex
        return element[at..<end]
    }
}
