/// Labels and their forms have no leading, trailing or repeated white space and no line
/// breaks: the linter matches words, and stray spaces make labels that never match.
struct IrregularWhitespaceCheck: VocabularyCheck {
    let rule = "irregular-whitespace"
    let severity = Severity.warning
    let summary = "labels have no leading, trailing or repeated white space"

    func check(_ set: VocabularySet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for key in set.keys {
            for label in set[key].labels {
                guard let form = label.allForms.first(where: Self.isIrregular) else { continue }
                diagnostics.append(
                    diagnostic(
                        "\(label.kind.rawValue) \(form.debugDescription) has leading, trailing or repeated white space",
                        concept: key, in: set, at: label.location))
            }
        }
        return diagnostics
    }

    static func isIrregular(_ text: String) -> Bool {
        guard !text.allSatisfy(\.isWhitespace) else { return false }
        if text.first?.isWhitespace == true || text.last?.isWhitespace == true { return true }
        var previousWasSpace = false
        for character in text {
            if character.isNewline || character == "\t" { return true }
            if character.isWhitespace, previousWasSpace { return true }
            previousWasSpace = character.isWhitespace
        }
        return false
    }
}
