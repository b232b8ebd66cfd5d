import VaktaalCore
import VaktaalText

/// For people: `file:line:column: severity: message [rule]`, the line with the match
/// underlined, and a summary. Colour only on a terminal.
struct TextReporter: FindingReporter {
    let format = ReportFormat.text

    func render(_ report: FindingReport, colored: Bool) -> String {
        var whole = ""
        emit(report, colored: colored) { whole += String(decoding: $0, as: UTF8.self) }
        return whole
    }

    func write(_ report: FindingReport, colored: Bool, to output: (UnsafeRawBufferPointer) -> Void) {
        emit(report, colored: colored, output)
    }

    /// How many bytes are handed out at a time when writing.
    var pieceSize = 1 << 20

    /// The report in pieces of about `pieceSize` bytes.
    private func emit(_ report: FindingReport, colored: Bool, _ piece: (UnsafeRawBufferPointer) -> Void) {
        let results = report.files
        var output = TextBuffer()
        for result in results {
            if let problem = result.problem { output.append("\(result.path): skipped: \(problem)\n") }
            if FindingBlocks.areWorthwhile(for: result.findings.count) {
                FindingBlocks.write(result.findings.count, as: TextBuffer.self) { range, block in
                    var lines = QuotedLines.Cursor()
                    write(result, range, lines: &lines, colored: colored, into: &block)
                } handOut: { block in
                    output.drain(into: piece)
                    block.drain(into: piece)
                }
            } else {
                var lines = QuotedLines.Cursor()
                for index in result.findings.indices {
                    if output.byteCount >= pieceSize { output.drain(into: piece) }
                    write(result, index..<index + 1, lines: &lines, colored: colored, into: &output)
                }
            }
        }
        let summary = FindingSummary(results)
        let skipped = results.count { $0.problem != nil }
        func counted(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        output.append("\(counted(summary.errors, "error")), \(counted(summary.warnings, "warning")), ")
        output.append("\(counted(summary.infos, "info")) in \(counted(summary.files, "file"))")
        output.append(skipped > 0 ? " (\(skipped) skipped)\n" : "\n")
        output.drain(into: piece)
    }

    /// The findings of `result` in `range`, its lines found from `lines` on.
    private func write(
        _ result: FileFindings, _ range: Range<Int>, lines: inout QuotedLines.Cursor, colored: Bool,
        into output: inout TextBuffer
    ) {
        // Each finding is passed on where it lies: taken out of the array, each of a million
        // would be copied.
        result.findings.withUnsafeBufferPointer { findings in
            for index in range { write(findings[index], of: result, lines: &lines, colored: colored, into: &output) }
        }
    }

    /// One finding: its place, severity, message and rule, then the line (or the stretch of
    /// a long line, or of an office paragraph) with the match underlined.
    private func write(
        _ finding: Finding, of result: FileFindings, lines: inout QuotedLines.Cursor, colored: Bool,
        into output: inout TextBuffer
    ) {
        let code = color(finding.severity)
        let start = finding.place.start
        if let place = finding.documentPlace {
            output.append("\(result.path): \(place), column \(start.column): ")
            appendHeadline(of: finding, code, colored, to: &output)
            if let paragraph = result.placeTexts[place] {
                output.append(excerpt(paragraph, finding.place, code, colored))
            }
            return
        }
        output.append(result.path)
        output.append(UInt8(ascii: ":"))
        output.append(decimal: start.line)
        output.append(UInt8(ascii: ":"))
        output.append(decimal: start.column)
        output.append(": ")
        appendHeadline(of: finding, code, colored, to: &output)
        result.quotedLines.withLine(start.line, cursor: &lines) { line, lineStart in
            if let lineStart, let bytes = finding.place.bytes, line.count > Self.longLine {
                let match = (bytes.lowerBound - lineStart)..<(bytes.upperBound - lineStart)
                appendWindow(of: line, around: match, code, colored, to: &output)
                return
            }
            output.append(0x20, count: 4)
            appendWithTabsExpanded(line, to: &output)
            output.append(0x0A)
            // The caret stands under the match: a blank for each column of the characters before
            // it (``TerminalColumns``), as many marks as the match takes to its end or the line's.
            output.append(0x20, count: 4)
            let end = finding.place.end
            let width: Int
            if !Self.isASCII(line, 0..<line.count) || ByteSearch.firstOffset(of: 0x09, in: line, range: 0..<line.count) != nil {
                let from = TerminalColumns.offset(ofScalar: start.column - 1, in: line)
                let to =
                    end.line == start.line
                    ? max(from, TerminalColumns.offset(ofScalar: end.column - 1, in: line)) : line.count
                output.append(0x20, count: TerminalColumns.width(of: UnsafeBufferPointer(rebasing: line[..<from])))
                width = TerminalColumns.width(of: UnsafeBufferPointer(rebasing: line[from..<to]))
            } else {
                // (At most a blank a byte: a line given by a caller may be shorter than its findings' columns.)
                output.append(0x20, count: min(start.column - 1, line.count))
                width = end.line == start.line ? end.column - start.column : line.count - start.column + 1
            }
            appendUnderline(width: width, code, colored, to: &output)
        }
    }

    /// `severity: message [rule]` and the line end.
    private func appendHeadline(of finding: Finding, _ code: String, _ colored: Bool, to output: inout TextBuffer) {
        if colored { appendColourStart(code, to: &output) }
        output.append(finding.severity.rawValue)
        if colored { output.append("\u{1B}[0m") }
        output.append(": ")
        output.append(finding.message)
        output.append(" [")
        output.append(finding.rule.rawValue)
        output.append("]\n")
    }

    /// `^~~~` under a match `width` characters wide (at least one), in colour on a terminal, and the line end.
    private func appendUnderline(width: Int, _ code: String, _ colored: Bool, to output: inout TextBuffer) {
        if colored { appendColourStart(code, to: &output) }
        output.append(UInt8(ascii: "^"))
        output.append(UInt8(ascii: "~"), count: max(1, width) - 1)
        if colored { output.append("\u{1B}[0m") }
        output.append(0x0A)
    }

    private func appendColourStart(_ code: String, to output: inout TextBuffer) {
        output.append("\u{1B}[")
        output.append(code)
        output.append(UInt8(ascii: "m"))
    }

    /// `line` with each tab as four spaces, as the lines of a report show it.
    private func appendWithTabsExpanded(_ line: UnsafeBufferPointer<UInt8>, to output: inout TextBuffer) {
        var runStart = 0
        while let tab = ByteSearch.firstOffset(of: 0x09, in: line, range: runStart..<line.count) {
            output.append(UnsafeBufferPointer(rebasing: line[runStart..<tab]))
            output.append(0x20, count: 4)
            runStart = tab + 1
        }
        output.append(UnsafeBufferPointer(rebasing: line[runStart...]))
    }

    /// A paragraph of an office document around a finding, with the match underlined: the
    /// whole paragraph when it is short, else about a line's worth around the match.
    private func excerpt(_ paragraph: String, _ range: SourceRange, _ code: String, _ colored: Bool) -> String {
        let scalars = Array(paragraph.unicodeScalars)
        let start = min(max(range.start.column - 1, 0), scalars.count)
        let end = min(max(range.end.column - 1, start + 1), scalars.count)
        let from = scalars.count <= 100 ? 0 : max(0, start - 40)
        let to = scalars.count <= 100 ? scalars.count : min(scalars.count, max(end, from + 60) + 20)
        let before = from > 0 ? "…" : ""
        let after = to < scalars.count ? "…" : ""
        var text = before
        // Tabs are four blanks, as in a line of text (``TerminalColumns``).
        for scalar in scalars[from..<to] {
            if scalar == "\t" { text += "    " } else { text.unicodeScalars.append(scalar) }
        }
        func columns(_ part: ArraySlice<Unicode.Scalar>) -> Int { part.reduce(0) { $0 + TerminalColumns.width(of: $1) } }
        let underline = "^" + String(repeating: "~", count: max(1, columns(scalars[start..<end])) - 1)
        let prefix = String(repeating: " ", count: before.count + columns(scalars[from..<start]))
        return "    \(text + after)\n    \(prefix)\(paint(underline, code, colored))\n"
    }

    /// Lines longer than this many bytes are shown as a window around the match.
    static let longLine = 240

    /// About a line's worth of a long line around the match at `match` (UTF-8 offsets in
    /// the line), the match underlined; the work is that of the window, not of the line.
    private func appendWindow(
        of line: UnsafeBufferPointer<UInt8>, around match: Range<Int>, _ code: String, _ colored: Bool,
        to output: inout TextBuffer
    ) {
        func isScalarStart(_ offset: Int) -> Bool { line[offset] & 0xC0 != 0x80 }
        let matchStart = min(max(match.lowerBound, 0), line.count)
        let matchEnd = min(max(match.upperBound, 0), line.count)
        // Whole scalars before and after the match, the way `excerpt` counts them.
        // Forty ASCII bytes are forty scalars: most text needs no walk.
        var from = matchStart
        if matchStart >= 40, Self.isASCII(line, matchStart - 40..<matchStart) {
            from = matchStart - 40
        } else {
            for _ in 0..<40 where from > 0 {
                repeat { from -= 1 } while from > 0 && !isScalarStart(from)
            }
        }
        if from == 0, line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF { from = 3 }  // a byte order mark
        var to = matchEnd
        if matchEnd + 60 <= line.count, Self.isASCII(line, matchEnd..<matchEnd + 60) {
            to = matchEnd + 60
        } else {
            for _ in 0..<60 where to < line.count {
                repeat { to += 1 } while to < line.count && !isScalarStart(to)
            }
        }
        let ellipsis = "…"
        output.append(0x20, count: 4)
        if from > 0 { output.append(ellipsis) }
        appendWithTabsExpanded(UnsafeBufferPointer(rebasing: line[from..<to]), to: &output)
        if to < line.count { output.append(ellipsis) }
        output.append(0x0A)
        let blanks = (from > 0 ? 5 : 4) + TerminalColumns.width(of: UnsafeBufferPointer(rebasing: line[from..<matchStart]))
        output.append(0x20, count: blanks)
        appendUnderline(
            width: TerminalColumns.width(of: UnsafeBufferPointer(rebasing: line[matchStart..<matchEnd])), code, colored,
            to: &output)
    }

    /// Whether `bytes[range]` is ASCII, eight bytes at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        return bytes[index..<range.upperBound].allSatisfy { $0 < 0x80 }
    }

    private func color(_ severity: Severity) -> String {
        switch severity {
        case .error: "31"
        case .warning: "33"
        case .info: "36"
        }
    }

    private func paint(_ text: String, _ code: String, _ colored: Bool) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
