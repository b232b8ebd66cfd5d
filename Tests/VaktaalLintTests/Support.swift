import Foundation
import VaktaalCore
import VaktaalTestSupport

@testable import VaktaalLint

let shippedSet = try! VocabularyLoader.load(path: fixtureVocabularyFolder).set
let dutchLinter = Linter(set: shippedSet, options: LintOptions(languages: .automatic(default: "nl")))

extension Finding {
    /// Where the finding starts and ends, as the JSON report gives them.
    var line: Int { location?.range.start.line ?? 0 }
    var column: Int { location?.range.start.column ?? 0 }
    var endLine: Int { location?.range.end.line ?? 0 }
    var endColumn: Int { location?.range.end.column ?? 0 }
}

/// Lints `text` with the shipped vocabulary.
func lint(_ text: String, format: DocumentFormat = .text, linter: Linter = dutchLinter) -> [Finding] {
    linter.lint(Array(text.utf8), path: "test", format: format).findings
}

/// A small vocabulary for matcher edge cases.
func fixtureLinter(_ concepts: String, languages: LintOptions.Languages = .automatic(default: "nl"), allowed: [String] = [])
    -> Linter
{
    let xml = """
        <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="t" uri="https://example.org/t/" xml:lang="nl">
        \(concepts)
        </vocabulary>
        """
    let loaded = VocabularyLoader.load(sources: [(path: "t.xml", bytes: Array(xml.utf8))])
    precondition(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    return Linter(set: loaded.set, options: LintOptions(languages: languages, allowed: allowed))
}

/// Removes the `↓` markers of an example and gives the code-point offsets they marked.
func markers(in example: String) -> (text: String, columns: [Int]) {
    var text = ""
    var columns: [Int] = []
    var count = 0
    for scalar in example.unicodeScalars {
        if scalar == "↓" {
            columns.append(count)
        } else {
            text.unicodeScalars.append(scalar)
            count += 1
        }
    }
    return (text, columns)
}
