import VaktaalCore
import VaktaalText

/// For people: `file:line:column: severity: message [rule]`, the line with the match
/// underlined, and a summary. Colour only on a terminal.
struct TextReporter: FindingReporter {
    let format = ReportFormat.text

    func render(_ report: FindingReport, colored: Bool) -> String {
        var whole = ""
        emit(report, colored: colored) { whole += $0 }
        return whole
    }

    func write(_ report: FindingReport, colored: Bool, to output: (UnsafeRawBufferPointer) -> Void) {
        emit(report, colored: colored) { piece in
            var piece = piece
            piece.withUTF8 { output(UnsafeRawBufferPointer($0)) }
        }
    }

    /// How many bytes are handed out at a time when writing.
    var pieceSize = 1 << 20

    /// The report in pieces of about `pieceSize` bytes.
    private func emit(_ report: FindingReport, colored: Bool, _ piece: (String) -> Void) {
        let results = report.files
        var output = ""
        for result in results {
            if let problem = result.problem { output += "\(result.path): skipped: \(problem)\n" }
            for finding in result.findings {
                if output.utf8.count >= pieceSize {
                    piece(output)
                    output.removeAll(keepingCapacity: true)
                }
                let severity = paint(finding.severity.rawValue, color(finding.severity), colored)
                let start = finding.place.start
                if let place = finding.documentPlace {
                    output +=
                        "\(result.path): \(place), column \(start.column): \(severity): \(finding.message) [\(finding.rule)]\n"
                    if let paragraph = result.placeTexts[place] {
                        output += excerpt(paragraph, finding.place, color(finding.severity), colored)
                    }
                    continue
                }
                output += "\(result.path):\(start.line):\(start.column): \(severity): \(finding.message) [\(finding.rule)]\n"
                if let line = result.lineTexts[start.line], let lineStart = result.lineStarts[start.line],
                    let bytes = finding.place.bytes, line.utf8.count > Self.longLine
                {
                    let match = (bytes.lowerBound - lineStart)..<(bytes.upperBound - lineStart)
                    output += window(of: line, around: match, color(finding.severity), colored)
                } else if let line = result.lineTexts[start.line] {
                    let expanded = line.replacingTabs()
                    output += "    \(expanded)\n"
                    let prefix = String(line.unicodeScalars.prefix(finding.place.start.column - 1)).blankedOut()
                    let width = max(
                        1,
                        finding.place.end.line == finding.place.start.line
                            ? finding.place.end.column - finding.place.start.column
                            : line.unicodeScalars.count - finding.place.start.column + 1)
                    let underline = "^" + String(repeating: "~", count: width - 1)
                    output += "    \(prefix)\(paint(underline, color(finding.severity), colored))\n"
                }
            }
        }
        let summary = FindingSummary(results)
        let skipped = results.count { $0.problem != nil }
        func counted(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        output += "\(counted(summary.errors, "error")), \(counted(summary.warnings, "warning")), "
        output += "\(counted(summary.infos, "info")) in \(counted(summary.files, "file"))"
        output += skipped > 0 ? " (\(skipped) skipped)\n" : "\n"
        piece(output)
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
        text.unicodeScalars.append(contentsOf: scalars[from..<to])
        let underline = "^" + String(repeating: "~", count: max(1, end - start) - 1)
        let prefix = String(repeating: " ", count: before.count + start - from)
        return "    \(text + after)\n    \(prefix)\(paint(underline, code, colored))\n"
    }

    /// Lines longer than this many bytes are shown as a window around the match.
    static let longLine = 240

    /// About a line's worth of a long line around the match at `match` (UTF-8 offsets in
    /// the line), the match underlined; the work is that of the window, not of the line.
    private func window(of line: String, around match: Range<Int>, _ code: String, _ colored: Bool) -> String {
        let utf8 = line.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: min(max(offset, 0), utf8.count)) }
        // Whole scalars before and after the match, the way `excerpt` counts them.
        var from = index(match.lowerBound)
        let matchStart = from
        var matchEnd = index(match.upperBound)
        let scalars = line.unicodeScalars
        for _ in 0..<40 where from > scalars.startIndex { from = scalars.index(before: from) }
        if from == scalars.startIndex, scalars.first == "\u{FEFF}" { from = scalars.index(after: from) }
        var to = matchEnd
        for _ in 0..<60 where to < scalars.endIndex { to = scalars.index(after: to) }
        if matchEnd > to { matchEnd = to }
        let before = from > scalars.startIndex ? "…" : ""
        let after = to < scalars.endIndex ? "…" : ""
        let lead = String(line.unicodeScalars[from..<matchStart]).blankedOut()
        let width = max(1, line.unicodeScalars[matchStart..<matchEnd].count)
        let underline = "^" + String(repeating: "~", count: width - 1)
        let text = String(line.unicodeScalars[from..<to]).replacingTabs()
        return "    \(before)\(text)\(after)\n    \(before.isEmpty ? "" : " ")\(lead)\(paint(underline, code, colored))\n"
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

extension String {
    /// The text with each tab as four spaces, as the lines of a report show it.
    func replacingTabs() -> String {
        utf8.contains(0x09) ? replacingOccurrences(of: "\t", with: "    ") : self
    }

    /// As many spaces as the text takes on a report line (a tab four), to stand a caret under what follows.
    func blankedOut() -> String {
        guard utf8.contains(0x09) else { return String(repeating: " ", count: unicodeScalars.count) }
        var blanks = ""
        for scalar in unicodeScalars { blanks += scalar == "\t" ? "    " : " " }
        return blanks
    }
}
