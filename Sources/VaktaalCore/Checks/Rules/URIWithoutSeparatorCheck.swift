import VaktaalText

/// A scheme's `uri` ends where a concept id can follow: a concept's URI is the `uri` and its
/// id run together, so `https://example.org/vocab` makes `https://example.org/vocabc1`. A
/// `uri` that ends in a letter or digit is almost always missing its `/` or `#`.
struct URIWithoutSeparatorCheck: VocabularyCheck {
    let rule: RuleID = "uri-without-separator"
    let severity = Severity.warning
    let summary = "a scheme's uri ends in a separator such as '/' or '#', as concept URIs are the uri and the id"

    func check(_ set: VocabularySet) -> [Finding] {
        set.vocabularies.filter { Self.endsInWordCharacter($0.uri) }.map { vocabulary in
            let example = vocabulary.concepts.first?.id ?? "c1"
            return diagnostic(
                "uri '\(vocabulary.uri)' ends in '\(vocabulary.uri.last.map(String.init) ?? "")': "
                    + "concept URIs run on from it ('\(vocabulary.uri)\(example)'); end it in '/' or '#'",
                scheme: vocabulary)
        }
    }

    /// Whether `uri` ends in a letter or digit, where an id would run on from the last word.
    static func endsInWordCharacter(_ uri: String) -> Bool {
        guard let last = uri.unicodeScalars.last else { return false }
        return last.properties.isAlphabetic || last.properties.numericType != nil
    }
}
