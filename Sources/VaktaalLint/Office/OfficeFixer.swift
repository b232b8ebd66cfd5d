import VaktaalCore

/// Writes fixes back into the runs of an office document: the replacement goes into the
/// run where the match starts, with that run's formatting; the matched characters leave
/// the other runs; runs left empty disappear (and elements such as tabs that the match
/// covers); every other byte of the part stays as it was. A term whose runs a link or
/// bookmark parts has no fix to write: the reader marks it (``OfficeBoundaries``).
enum OfficeFixer {
    /// The edits of `fixes` (ranges in the document's text) by part index, and how many
    /// fixes they carry. Fixes that overlap an earlier one, fall outside a paragraph that
    /// can be fixed, or cover part of an element are left out.
    static func edits(_ fixes: [Fix], in text: OfficeText) -> (edits: [Int: [ByteEdit]], applied: Int) {
        // Per paragraph and piece: the changes to its text, as (range in the piece, new text).
        var changes: [Int: [Int: [(range: Range<Int>, text: [UInt8])]]] = [:]
        var applied = 0
        var limit = 0
        for fix in fixes.sorted(by: { ($0.range.bytes?.lowerBound ?? -1) < ($1.range.bytes?.lowerBound ?? -1) }) {
            guard let range = fix.range.bytes, range.lowerBound >= limit,
                let plan = plan(fix.replacement, at: range, in: text)
            else { continue }
            for (piece, change) in plan.changes { changes[plan.paragraph, default: [:]][piece, default: []].append(change) }
            limit = range.upperBound
            applied += 1
        }
        var edits: [Int: [ByteEdit]] = [:]
        for (paragraphIndex, pieceChanges) in changes {
            let paragraph = text.paragraphs[paragraphIndex]
            var newTexts: [Int: [UInt8]] = [:]
            for (index, list) in pieceChanges {
                var bytes = paragraph.pieces[index].text
                for change in list.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                    bytes.replaceSubrange(change.range, with: change.text)
                }
                newTexts[index] = bytes
            }
            edits[paragraph.part, default: []] += partEdits(paragraph, newTexts, text.runs[paragraph.part])
        }
        return (edits, applied)
    }

    /// Which pieces of which paragraph a fix changes, or `nil` when it cannot be applied.
    private static func plan(
        _ replacement: String, at range: Range<Int>, in text: OfficeText
    ) -> (paragraph: Int, changes: [(Int, (range: Range<Int>, text: [UInt8]))])? {
        let index = text.paragraphs.partitioningIndex { $0.start > range.lowerBound } - 1
        guard index >= 0 else { return nil }
        let paragraph = text.paragraphs[index]
        let local = range.lowerBound - paragraph.start..<range.upperBound - paragraph.start
        guard paragraph.isFixable, local.upperBound <= paragraph.text.count else { return nil }
        var changes: [(Int, (range: Range<Int>, text: [UInt8]))] = []
        var replaced = false
        for (pieceIndex, piece) in paragraph.pieces.enumerated() {
            let span = piece.offset..<piece.offset + piece.text.count
            if span.isEmpty {
                // A soft hyphen inside the match goes with it.
                if local.lowerBound < span.lowerBound, span.lowerBound < local.upperBound {
                    changes.append((pieceIndex, (0..<0, [])))
                }
                continue
            }
            guard span.lowerBound < local.upperBound, span.upperBound > local.lowerBound else { continue }
            let covered =
                max(span.lowerBound, local.lowerBound) - span.lowerBound..<min(span.upperBound, local.upperBound)
                - span.lowerBound
            switch piece.kind {
            case .element:
                guard covered.count == piece.text.count, replaced else { return nil }
                changes.append((pieceIndex, (0..<piece.text.count, [])))
            case .text:
                if !replaced {
                    guard span.contains(local.lowerBound) else { return nil }
                    changes.append((pieceIndex, (covered, Array(replacement.utf8))))
                    replaced = true
                } else {
                    changes.append((pieceIndex, (covered, [])))
                }
            }
        }
        return replaced ? (index, changes) : nil
    }

    /// The byte edits of one paragraph's changed pieces: new text for text pieces (with
    /// `xml:space="preserve"` where spaces come to its edges), removed elements, and runs
    /// removed whole when nothing is left in them.
    private static func partEdits(
        _ paragraph: OfficeText.Paragraph, _ newTexts: [Int: [UInt8]], _ runs: [OfficeText.Run]
    ) -> [ByteEdit] {
        var edits: [ByteEdit] = []
        var emptiedRuns: Set<Int> = []
        var keptRuns: Set<Int> = []
        for (index, piece) in paragraph.pieces.enumerated() {
            let final = newTexts[index] ?? piece.text
            if let run = piece.run {
                if final.isEmpty { emptiedRuns.insert(run) } else { keptRuns.insert(run) }
            }
        }
        let removedRuns = emptiedRuns.subtracting(keptRuns).filter { runs[$0].isRemovable && !runs[$0].element.isEmpty }
        for run in removedRuns { edits.append(ByteEdit(range: runs[run].element, bytes: [])) }
        for (index, newText) in newTexts {
            let piece = paragraph.pieces[index]
            if let run = piece.run, removedRuns.contains(run) { continue }
            switch piece.kind {
            case .element:
                edits.append(ByteEdit(range: piece.source, bytes: []))
            case .text where newText.isEmpty && piece.element != nil:
                edits.append(ByteEdit(range: piece.element ?? piece.source, bytes: []))
            case .text:
                edits.append(ByteEdit(range: piece.source, bytes: escaped(newText)))
                let spaced = [newText.first, newText.last].contains { (byte: UInt8?) in byte == 0x20 || byte == 0x09 }
                if spaced, let tag = piece.startTag, tag.upperBound >= 1 {
                    let end = tag.upperBound - 1
                    edits.append(ByteEdit(range: end..<end, bytes: Array(" xml:space=\"preserve\"".utf8)))
                }
            }
        }
        return edits
    }

    /// Character data for XML: `&`, `<` and `>` escaped.
    static func escaped(_ text: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): result += Array("&amp;".utf8)
            case UInt8(ascii: "<"): result += Array("&lt;".utf8)
            case UInt8(ascii: ">"): result += Array("&gt;".utf8)
            default: result.append(byte)
            }
        }
        return result
    }
}
