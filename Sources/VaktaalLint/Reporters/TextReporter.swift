import VaktaalCore

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
