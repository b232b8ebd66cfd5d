import VaktaalCore

/// A terms file for textlint-rule-terminology (`"terms": "textlint/terms.json"`): a
/// `[pattern, replacement]` pair for every outdated term and misspelling whose replacement
/// is in its grammatical form (textlint's `--fix` writes it; a form the preferred label does
/// not give is left to vaktaal's linter, which names it without fixing), and the
/// case-sensitive names as plain strings, which the rule enforces as written (a name with
/// signs a regular expression reads, `C++`, as an escaped pattern and itself: the rule joins
/// plain strings into one expression unescaped).
///
/// The rule matches every pattern ignoring case, so an outdated form written in one casing
/// (`HVA`) whose other casing is a term to use (`HvA`) is left out: textlint would rewrite
/// the right term. vaktaal's linter and the Vale style keep it.
struct TextlintExporter: Exporter {
    let format = ExportFormat.textlint

    func export(_ input: ExportInput, to sink: any ExportSink) {
        let substitutions = input.substitutions
        var terms = substitutions.accepted.filter(\.isCaseSensitive).map { name in
            let pattern = Substitutions.regexEscaped(name.term)
            return pattern == name.term
                ? JSONText.quoted(name.term) : "[\(JSONText.quoted(pattern)), \(JSONText.quoted(name.term))]"
        }
        let acceptedIgnoringCase = Set(substitutions.accepted.map { $0.term.lowercased() })
        func rewritesAnAcceptedTerm(_ substitution: Substitutions.Substitution) -> Bool {
            let outdated = substitution.outdated.lowercased()
            return substitution.isCaseSensitive && acceptedIgnoringCase.contains(outdated)
                && outdated != substitution.replacement.lowercased()
        }
        terms += substitutions.substitutions.filter { $0.isSameForm && !rewritesAnAcceptedTerm($0) }.map {
            "[\(JSONText.quoted(Substitutions.regexEscaped($0.outdated))), \(JSONText.quoted($0.replacement))]"
        }
        sink.file("textlint/terms.json", Array(("[\n  " + terms.joined(separator: ",\n  ") + "\n]\n").utf8))
    }
}
