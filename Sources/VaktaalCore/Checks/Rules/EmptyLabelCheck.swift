/// No label (or form of one) is empty or only white space (qSKOS "empty labels").
struct EmptyLabelCheck: VocabularyCheck {
    let rule: RuleID = "empty-label"
    let severity = Severity.warning
    let summary = "labels are not empty"

    func check(_ set: VocabularySet) -> [Finding] {
        var diagnostics: [Finding] = []
        for key in set.keys {
            for label in set[key].labels where label.text.allSatisfy(\.isWhitespace) {
                diagnostics.append(
                    diagnostic(
                        "an empty \(label.kind.rawValue) in '\(label.language)'", concept: key, in: set, at: label.position))
            }
        }
        return diagnostics
    }
}
