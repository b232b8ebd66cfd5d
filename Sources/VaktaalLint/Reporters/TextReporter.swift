import VaktaalCore
import VaktaalText

/// For people: `file:line:column: severity: message [rule]`, the line with the match
/// underlined, and a summary. Colour only on a terminal.
struct TextReporter: FindingReporter {
    let format = ReportFormat.text

    func render(_ report: FindingReport, colored: Bool) -> String {
        let results = report.files
        var output = ""
        for result in results {
            if let problem = result.problem { output += "\(result.path): skipped: \(problem)\n" }
            for finding in result.findings {
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
                if let line = result.lineTexts[finding.place.start.line] {
                    let expanded = line.replacingTabs()
                    output += "    \(expanded)\n"
                    let prefix = String(
                        line.unicodeScalars.prefix(finding.place.start.column - 1).map { $0 == "\t" ? "    " : " " }.joined())
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
        return output
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
    func replacingTabs() -> String { String(unicodeScalars.map { $0 == "\t" ? "    " : String($0) }.joined()) }
}
