/// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per finding.
struct GitHubReporter: FindingReporter {
    let format = ReportFormat.github

    func render(_ report: FindingReport, colored: Bool) -> String {
        let results = report.files
        var output = ""
        for result in results {
            if let problem = result.problem {
                output += "::error file=\(property(result.path)),title=unreadable::\(data(problem.description))\n"
            }
            for finding in result.findings {
                let command = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
                let (start, end) = (finding.place.start, finding.place.end)
                output += "::\(command) file=\(property(result.path)),line=\(start.line),col=\(start.column),"
                output += "endLine=\(end.line),endColumn=\(end.column),title=\(property(finding.rule.rawValue))"
                let place = finding.documentPlace.map { "\($0), column \(start.column): " } ?? ""
                output += "::\(data(place + finding.message))\n"
            }
        }
        return output
    }

    /// Escapes a message as the workflow command syntax asks.
    private func data(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    private func property(_ text: String) -> String {
        data(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
