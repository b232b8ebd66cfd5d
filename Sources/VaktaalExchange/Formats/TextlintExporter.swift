import VaktaalCore

/// A terms file for textlint-rule-terminology (`"terms": "textlint/terms.json"`): a
/// `[pattern, replacement]` pair for every outdated term and misspelling whose replacement
/// is in its grammatical form (textlint's `--fix` writes it; a form the preferred label does
/// not give is left to vaktaal's linter, which names it without fixing), and the
/// case-sensitive names as plain strings, which the rule enforces as written.
struct TextlintExporter: Exporter {
    let format = ExportFormat.textlint

    func export(_ input: ExportInput, to sink: any ExportSink) {
        let substitutions = input.substitutions
        var terms = substitutions.accepted.filter(\.isCaseSensitive).map { JSONText.quoted($0.term) }
        terms += substitutions.substitutions.filter(\.isSameForm).map {
            "[\(JSONText.quoted(Substitutions.regexEscaped($0.outdated))), \(JSONText.quoted($0.replacement))]"
        }
        sink.file("textlint/terms.json", Array(("[\n  " + terms.joined(separator: ",\n  ") + "\n]\n").utf8))
    }
}
