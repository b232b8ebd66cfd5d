import Foundation
import VaktaalCore

/// A terms file for textlint-rule-terminology (`"terms": "textlint/terms.json"`): a
/// `[pattern, replacement]` pair for every outdated term and misspelling, and the
/// case-sensitive names as plain strings, which the rule enforces as written.
struct TextlintExporter: Exporter {
    let format = ExportFormat.textlint

    func export(_ set: VocabularySet, baseName: String) -> [ExportFile] {
        let substitutions = Substitutions(set)
        var terms: [Any] = substitutions.accepted.filter(\.isCaseSensitive).map(\.term)
        terms += substitutions.substitutions.map { [Substitutions.regexEscaped($0.outdated), $0.replacement] }
        let data = try! JSONSerialization.data(withJSONObject: terms, options: [.prettyPrinted, .withoutEscapingSlashes])
        return [ExportFile(path: "textlint/terms.json", text: String(decoding: data, as: UTF8.self) + "\n")]
    }
}
