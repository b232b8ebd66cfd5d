import Foundation
import VaktaalCore
import VaktaalText

/// SARIF 2.1.0 with `columnKind` `unicodeCodePoints`, the rules in the driver, and every
/// safe replacement as a SARIF fix.
///
/// Written straight into one buffer, key by key in sorted order and laid out as
/// `JSONSerialization` lays out pretty-printed, sorted output, and handed out in pieces: a
/// report of a hundred thousand findings is a pass over them, not a tree of dictionaries.
/// The keys are written in sorted order by hand and each level's indent is spelled out; a
/// test compares the output with what `JSONSerialization` writes of it, and the golden file
/// keeps the content.
struct SARIFReporter: FindingReporter {
    let format = ReportFormat.sarif

    /// How many bytes are handed out at a time when writing.
    var pieceSize = 1 << 20

    func render(_ report: FindingReport, colored: Bool) -> String {
        Self.sarif(report, output: nil, pieceSize: 0).text
    }

    func write(_ report: FindingReport, colored: Bool, to output: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(output) { output in
            var json = Self.sarif(report, output: output, pieceSize: pieceSize)
            json.drain(into: output)
        }
    }

    /// The report; with `output`, the text is handed to it in pieces of about `pieceSize`
    /// bytes as it is made, and what is returned is the rest.
    private static func sarif(_ report: FindingReport, output: ((UnsafeRawBufferPointer) -> Void)?, pieceSize: Int)
        -> JSONText
    {
        var json = JSONText()
        json.open("{")
        json.key("$schema", first: true, indent: 1)
        json.string("https://json.schemastore.org/sarif-2.1.0.json")
        json.key("runs", first: false, indent: 1)
        json.open("[")
        json.separator(first: true, indent: 2)
        // The run: columnKind, invocations (when a file was skipped), results, tool.
        json.open("{")
        json.key("columnKind", first: true, indent: 3)
        json.string("unicodeCodePoints")
        let skipped = report.files.filter { $0.problem != nil }
        if !skipped.isEmpty { writeInvocation(notifying: skipped, into: &json) }
        json.key("results", first: false, indent: 3)
        json.open("[")
        let ruleIndexes = Dictionary(report.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var first = true
        for file in report.files {
            let uri = uri(file.path)
            // By index: a finding passed from its array is borrowed, not copied as iterating copies it.
            for index in file.findings.indices {
                json.separator(first: first, indent: 4)
                first = false
                write(file.findings[index], uri: uri, ruleIndexes: ruleIndexes, report, into: &json)
                if let output, json.byteCount >= pieceSize { json.drain(into: output) }
            }
        }
        json.close("]", empty: first, indent: 3)
        json.key("tool", first: false, indent: 3)
        writeTool(report.rules, into: &json)
        json.close("}", empty: false, indent: 2)
        json.close("]", empty: false, indent: 1)
        json.key("version", first: false, indent: 1)
        json.string("2.1.0")
        json.close("}", empty: false, indent: 0)
        json.append("\n")
        return json
    }

    /// The run's invocation, with a notification for each file that was skipped.
    private static func writeInvocation(notifying skipped: [FileFindings], into json: inout JSONText) {
        json.key("invocations", first: false, indent: 3)
        json.open("[")
        json.separator(first: true, indent: 4)
        json.open("{")
        // A skipped file makes the run exit 2, as a failed one does (SARIF 3.20.14).
        json.key("executionSuccessful", first: true, indent: 5)
        json.boolean(skipped.isEmpty)
        json.key("toolExecutionNotifications", first: false, indent: 5)
        json.open("[")
        for (index, file) in skipped.enumerated() {
            json.separator(first: index == 0, indent: 6)
            json.open("{")
            json.key("level", first: true, indent: 7)
            json.string("error")
            json.key("locations", first: false, indent: 7)
            writeLocation(uri: uri(file.path), region: nil, into: &json, indent: 7)
            json.key("message", first: false, indent: 7)
            writeText("\(file.path): \(file.problem.map { "\($0)" } ?? "")", into: &json, indent: 7)
            json.close("}", empty: false, indent: 6)
        }
        json.close("]", empty: false, indent: 5)
        json.close("}", empty: false, indent: 4)
        json.close("]", empty: false, indent: 3)
    }

    /// One result: fixes (a safe replacement in a text file), level, locations, message,
    /// properties (concept, match, and an office document's place), ruleId, ruleIndex.
    private static func write(
        _ finding: Finding, uri: String, ruleIndexes: [RuleID: Int], _ report: FindingReport, into json: inout JSONText
    ) {
        json.open("{")
        // A fix of an office document is no text edit of the file: `vaktaal lint --fix` makes it.
        let fixed = finding.replacement.flatMap { replacement in
            report.canFix(finding.rule) && finding.documentPlace == nil ? replacement : nil
        }
        if let fixed { writeFix(finding, replacement: fixed, uri: uri, into: &json) }
        json.key("level", first: fixed == nil, indent: 5)
        json.string(level(finding.severity))
        json.key("locations", first: false, indent: 5)
        writeLocation(uri: uri, region: finding.place, into: &json, indent: 5)
        json.key("message", first: false, indent: 5)
        writeText(finding.message, into: &json, indent: 5)
        writeProperties(of: finding, into: &json)
        json.key("ruleId", first: false, indent: 5)
        json.string(finding.rule.rawValue)
        json.key("ruleIndex", first: false, indent: 5)
        json.number(ruleIndexes[finding.rule] ?? 0)
        json.close("}", empty: false, indent: 4)
    }

    /// The fix of a result: one replacement of the finding's region.
    private static func writeFix(_ finding: Finding, replacement: String, uri: String, into json: inout JSONText) {
        json.key("fixes", first: true, indent: 5)
        json.open("[")
        json.separator(first: true, indent: 6)
        json.open("{")
        json.key("artifactChanges", first: true, indent: 7)
        json.open("[")
        json.separator(first: true, indent: 8)
        json.open("{")
        json.key("artifactLocation", first: true, indent: 9)
        writeURI(uri, into: &json, indent: 9)
        json.key("replacements", first: false, indent: 9)
        json.open("[")
        json.separator(first: true, indent: 10)
        json.open("{")
        json.key("deletedRegion", first: true, indent: 11)
        writeRegion(finding.place, into: &json, indent: 11)
        json.key("insertedContent", first: false, indent: 11)
        writeText(replacement, into: &json, indent: 11)
        json.close("}", empty: false, indent: 10)
        json.close("]", empty: false, indent: 9)
        json.close("}", empty: false, indent: 8)
        json.close("]", empty: false, indent: 7)
        json.key("description", first: false, indent: 7)
        writeText("Replace '\(finding.match ?? "")' with '\(replacement)'", into: &json, indent: 7)
        json.close("}", empty: false, indent: 6)
        json.close("]", empty: false, indent: 5)
    }

    /// The properties of a result, when it has any: its concept and match, and for an office
    /// document the place (the region's line is then the paragraph's ordinal in its part,
    /// its columns count code points in the paragraph) and the replacement.
    private static func writeProperties(of finding: Finding, into json: inout JSONText) {
        let office = finding.documentPlace
        guard finding.concept != nil || finding.match != nil || office != nil else { return }
        json.key("properties", first: false, indent: 5)
        json.open("{")
        var first = true
        func key(_ name: String) {
            json.key(name, first: first, indent: 6)
            first = false
        }
        if let area = office?.area {
            key("area")
            json.string(area)
        }
        if let concept = finding.concept {
            key("concept")
            json.string(concept)
        }
        if let match = finding.match {
            key("match")
            json.string(match)
        }
        if let office {
            if let page = office.page {
                key("page")
                json.number(page)
            }
            key("paragraph")
            json.number(office.paragraph)
            key("part")
            json.string(office.part)
            if let replacement = finding.replacement {
                key("replacement")
                json.string(replacement)
            }
            if let slide = office.slide {
                key("slide")
                json.number(slide)
            }
        }
        json.close("}", empty: false, indent: 5)
    }

    /// The tool: its name, home and rules.
    private static func writeTool(_ rules: [RuleDescriptor], into json: inout JSONText) {
        json.open("{")
        json.key("driver", first: true, indent: 4)
        json.open("{")
        json.key("informationUri", first: true, indent: 5)
        json.string("https://begrippen.example.org/vaktaal")
        json.key("name", first: false, indent: 5)
        json.string("vaktaal")
        json.key("rules", first: false, indent: 5)
        json.open("[")
        for (index, rule) in rules.enumerated() {
            json.separator(first: index == 0, indent: 6)
            json.open("{")
            json.key("defaultConfiguration", first: true, indent: 7)
            json.open("{")
            json.key("level", first: true, indent: 8)
            json.string(level(rule.defaultSeverity))
            json.close("}", empty: false, indent: 7)
            json.key("id", first: false, indent: 7)
            json.string(rule.id.rawValue)
            json.key("name", first: false, indent: 7)
            json.string(rule.id.rawValue)
            json.key("shortDescription", first: false, indent: 7)
            writeText(rule.summary, into: &json, indent: 7)
            json.close("}", empty: false, indent: 6)
        }
        json.close("]", empty: rules.isEmpty, indent: 5)
        json.close("}", empty: false, indent: 4)
        json.close("}", empty: false, indent: 3)
    }

    /// `[{"physicalLocation": {"artifactLocation": {"uri": …}, "region": …}}]`, the region when there is one.
    private static func writeLocation(uri: String, region: SourceRange?, into json: inout JSONText, indent: Int) {
        json.open("[")
        json.separator(first: true, indent: indent + 1)
        json.open("{")
        json.key("physicalLocation", first: true, indent: indent + 2)
        json.open("{")
        json.key("artifactLocation", first: true, indent: indent + 3)
        writeURI(uri, into: &json, indent: indent + 3)
        if let region {
            json.key("region", first: false, indent: indent + 3)
            writeRegion(region, into: &json, indent: indent + 3)
        }
        json.close("}", empty: false, indent: indent + 2)
        json.close("}", empty: false, indent: indent + 1)
        json.close("]", empty: false, indent: indent)
    }

    private static func writeRegion(_ place: SourceRange, into json: inout JSONText, indent: Int) {
        json.open("{")
        json.key("endColumn", first: true, indent: indent + 1)
        json.number(place.end.column)
        json.key("endLine", first: false, indent: indent + 1)
        json.number(place.end.line)
        json.key("startColumn", first: false, indent: indent + 1)
        json.number(place.start.column)
        json.key("startLine", first: false, indent: indent + 1)
        json.number(place.start.line)
        json.close("}", empty: false, indent: indent)
    }

    /// `{"uri": …}`.
    private static func writeURI(_ uri: String, into json: inout JSONText, indent: Int) {
        json.open("{")
        json.key("uri", first: true, indent: indent + 1)
        json.string(uri)
        json.close("}", empty: false, indent: indent)
    }

    /// `{"text": …}`, SARIF's message.
    private static func writeText(_ text: String, into json: inout JSONText, indent: Int) {
        json.open("{")
        json.key("text", first: true, indent: indent + 1)
        json.string(text)
        json.close("}", empty: false, indent: indent)
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative URI reference for a path (percent-encoding what a URI cannot hold).
    private static func uri(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }
}
