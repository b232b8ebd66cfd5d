import Foundation
import VaktaalCore

/// SARIF 2.1.0 with `columnKind` `unicodeCodePoints`, the rules in the driver, and every
/// safe replacement as a SARIF fix.
struct SARIFReporter: FindingReporter {
    let format = ReportFormat.sarif

    func render(_ report: FindingReport, colored: Bool) -> String {
        let results = report.files
        let rules: [[String: Any]] = report.rules.map { rule in
            [
                "id": rule.id.rawValue, "name": rule.id.rawValue, "shortDescription": ["text": rule.summary],
                "defaultConfiguration": ["level": level(rule.defaultSeverity)],
            ]
        }
        var sarifResults: [[String: Any]] = []
        var notifications: [[String: Any]] = []
        for result in results {
            if let problem = result.problem {
                notifications.append([
                    "level": "error", "message": ["text": "\(result.path): \(problem)"],
                    "locations": [["physicalLocation": ["artifactLocation": ["uri": uri(result.path)]]]],
                ])
            }
            for finding in result.findings {
                let place = finding.place
                let region: [String: Any] = [
                    "startLine": place.start.line, "startColumn": place.start.column, "endLine": place.end.line,
                    "endColumn": place.end.column,
                ]
                let artifact: [String: Any] = ["uri": uri(result.path)]
                var entry: [String: Any] = [
                    "ruleId": finding.rule.rawValue, "ruleIndex": report.rules.firstIndex { $0.id == finding.rule } ?? 0,
                    "level": level(finding.severity), "message": ["text": finding.message],
                    "locations": [["physicalLocation": ["artifactLocation": artifact, "region": region]]],
                ]
                var properties: [String: Any] = [:]
                if let concept = finding.concept { properties["concept"] = concept }
                if let match = finding.match { properties["match"] = match }
                if let place = finding.documentPlace {
                    // The region's line is the paragraph's ordinal in its part, its columns count
                    // code points in the paragraph.
                    properties["part"] = place.part
                    properties["paragraph"] = place.paragraph
                    if let area = place.area { properties["area"] = area }
                    if let slide = place.slide { properties["slide"] = slide }
                    if let page = place.page { properties["page"] = page }
                    if let replacement = finding.replacement { properties["replacement"] = replacement }
                }
                if !properties.isEmpty { entry["properties"] = properties }
                // A fix of an office document is no text edit of the file: `vaktaal lint --fix` makes it.
                if let replacement = finding.replacement, report.canFix(finding.rule), finding.documentPlace == nil {
                    entry["fixes"] = [
                        [
                            "description": ["text": "Replace '\(finding.match ?? "")' with '\(replacement)'"],
                            "artifactChanges": [
                                [
                                    "artifactLocation": artifact,
                                    "replacements": [["deletedRegion": region, "insertedContent": ["text": replacement]]],
                                ]
                            ],
                        ]
                    ]
                }
                sarifResults.append(entry)
            }
        }
        var run: [String: Any] = [
            "tool": ["driver": ["name": "vaktaal", "informationUri": "https://begrippen.example.org/vaktaal", "rules": rules]],
            "columnKind": "unicodeCodePoints", "results": sarifResults,
        ]
        if !notifications.isEmpty {
            run["invocations"] = [["executionSuccessful": true, "toolExecutionNotifications": notifications]]
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run],
        ]
        return JSONOutput.encode(object: document) + "\n"
    }

    private func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative URI reference for a path (percent-encoding what a URI cannot hold).
    private func uri(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }
}
