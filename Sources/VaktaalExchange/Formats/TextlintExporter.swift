import VaktaalCore

/// A terms file for textlint-rule-terminology (`"terms": "textlint/terms.json"`): a
/// `[pattern, replacement]` pair for every outdated term and misspelling, and the
/// case-sensitive names as plain strings, which the rule enforces as written.
struct TextlintExporter: Exporter {
    let format = ExportFormat.textlint

    func export(_ input: ExportInput, to sink: any ExportSink) {
        let substitutions = input.substitutions
        var terms = substitutions.accepted.filter(\.isCaseSensitive).map { JSONText.quoted($0.term) }
        terms += substitutions.substitutions.map {
            "[\(JSONText.quoted(Substitutions.regexEscaped($0.outdated))), \(JSONText.quoted($0.replacement))]"
        }
        sink.file("textlint/terms.json", Array(("[\n  " + terms.joined(separator: ",\n  ") + "\n]\n").utf8))
    }
}
