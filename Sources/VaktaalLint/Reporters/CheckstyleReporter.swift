import VaktaalXML

/// Checkstyle XML, which CI servers and editors import: `<file>` per file, `<error>` per finding.
struct CheckstyleReporter: FindingReporter {
    let format = ReportFormat.checkstyle

    func render(_ report: FindingReport, colored: Bool) -> String {
        let results = report.files
        var writer = XMLWriter()
        writer.startElement("checkstyle", attributes: [("version", "4.3")])
        for result in results {
            writer.startElement("file", attributes: [("name", result.path)])
            if let problem = result.problem {
                // Consumers (the Checkstyle schema, reviewdog) want a line: the file's first.
                writer.element(
                    "error",
                    attributes: [
                        ("line", "1"), ("severity", "error"), ("message", problem.description), ("source", "vaktaal.unreadable"),
                    ])
            }
            for finding in result.findings {
                writer.element(
                    "error",
                    attributes: [
                        ("line", "\(finding.place.start.line)"), ("column", "\(finding.place.start.column)"),
                        ("severity", finding.severity.rawValue),
                        ("message", (finding.documentPlace.map { "\($0): " } ?? "") + finding.message),
                        ("source", "vaktaal.\(finding.rule)"),
                    ])
            }
            writer.endElement("file")
        }
        writer.endElement("checkstyle")
        return writer.output
    }
}
