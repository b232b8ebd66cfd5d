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
                output += "\(result.path):\(finding.place.start.line):\(finding.place.start.column): \(severity): \(finding.message) [\(finding.rule)]\n"
                if let line = result.lineTexts[finding.place.start.line] {
                    let expanded = line.replacingTabs()
                    output += "    \(expanded)\n"
                    let prefix = String(line.unicodeScalars.prefix(finding.place.start.column - 1).map { $0 == "\t" ? "    " : " " }.joined())
                    let width = max(1, finding.place.end.line == finding.place.start.line ? finding.place.end.column - finding.place.start.column : line.unicodeScalars.count - finding.place.start.column + 1)
                    output += "    \(prefix)\(paint("^" + String(repeating: "~", count: width - 1), color(finding.severity), colored))\n"
                }
            }
        }
        let summary = FindingSummary(results)
        let skipped = results.count { $0.problem != nil }
        output += "\(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"), \(summary.infos) info\(summary.infos == 1 ? "" : "s") in \(summary.files) file\(summary.files == 1 ? "" : "s")"
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
