/// A mapping's `uri` is a full IRI that RDF can carry (``isIRI(_:)``): a relative path
/// (`www.partner.nl/x`), a blank or a sign IRIs may not hold (`{id}`) would come out of the
/// SKOS, Turtle and JSON-LD exports as a different link for each reader, or none. An error,
/// as export refuses it; the file still reads and is served.
struct InvalidMappingURICheck: ConceptCheck {
    let rule: RuleID = "invalid-mapping-uri"
    let severity = Severity.error
    let summary = "a mapping's uri is a full IRI, without blanks or signs IRIs may not hold"

    func check(_ key: ConceptKey, in set: VocabularySet, into findings: inout [Finding]) {
        for mapping in set[key].mappings {
            guard case .uri(let uri) = mapping.target, !isIRI(uri) else { continue }
            let reason =
                isAbsoluteURI(uri)
                ? "holds a sign IRIs may not (one of <>\"{}|\\^`); percent-encode it"
                : "is not a full IRI (it needs a scheme, as in https://…)"
            findings.append(
                diagnostic("\(mapping.kind.rawValue) uri '\(uri)' \(reason)", concept: key, in: set, at: mapping.position))
        }
    }
}
