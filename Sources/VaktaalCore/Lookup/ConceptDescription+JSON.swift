extension ConceptDescription {
    /// Descriptions as the JSON of `vaktaal lookup --format json` (an array, best first),
    /// written directly in `JSONEncoder`'s pretty-printed, sorted layout; a test keeps the
    /// two the same. The service answers every lookup with it, so it is made to be cheap.
    public static func json(_ descriptions: [ConceptDescription]) -> String {
        var json = JSONText()
        json.open("[")
        for (index, description) in descriptions.enumerated() {
            json.separator(first: index == 0, indent: 1)
            description.write(into: &json, indent: 1)
        }
        json.close("]", empty: descriptions.isEmpty, indent: 0)
        return json.text
    }

    /// One description as a JSON object, keys in sorted order.
    public var json: String {
        var json = JSONText()
        write(into: &json, indent: 0)
        return json.text
    }

    private func write(into json: inout JSONText, indent: Int) {
        let inner = indent + 1
        json.open("{")
        json.key("altLabels", first: true, indent: inner)
        json.stringListMap(altLabels, indent: inner)
        json.key("broader", first: false, indent: inner)
        json.strings(broader, indent: inner)
        json.key("concept", first: false, indent: inner)
        json.string(concept)
        json.key("definition", first: false, indent: inner)
        json.stringMap(definition, indent: inner)
        json.key("deprecated", first: false, indent: inner)
        json.boolean(deprecated)
        json.key("deprecatedLabels", first: false, indent: inner)
        json.stringListMap(deprecatedLabels, indent: inner)
        json.key("example", first: false, indent: inner)
        json.stringMap(example, indent: inner)
        json.key("id", first: false, indent: inner)
        json.string(id)
        json.key("labelStatus", first: false, indent: inner)
        json.string(labelStatus)
        json.key("mappings", first: false, indent: inner)
        json.open("[")
        for (index, mapping) in mappings.enumerated() {
            json.separator(first: index == 0, indent: inner + 1)
            json.open("{")
            json.key("type", first: true, indent: inner + 2)
            json.string(mapping.type)
            json.key("uri", first: false, indent: inner + 2)
            json.string(mapping.uri)
            json.close("}", empty: false, indent: inner + 1)
        }
        json.close("]", empty: mappings.isEmpty, indent: inner)
        json.optionalString("matchDetail", matchDetail, indent: inner)
        json.key("matchKind", first: false, indent: inner)
        json.string(matchKind)
        json.key("matchedLabel", first: false, indent: inner)
        json.string(matchedLabel)
        json.optionalString("matchedLanguage", matchedLanguage, indent: inner)
        json.key("narrower", first: false, indent: inner)
        json.strings(narrower, indent: inner)
        if let outdated {
            json.key("outdated", first: false, indent: inner)
            json.open("{")
            let hasReason = outdated.reason != nil
            json.optionalString("reason", outdated.reason, first: true, indent: inner + 1)
            json.optionalString("since", outdated.since, first: !hasReason, indent: inner + 1)
            json.close("}", empty: outdated.reason == nil && outdated.since == nil, indent: inner)
        }
        json.key("prefLabels", first: false, indent: inner)
        json.stringMap(prefLabels, indent: inner)
        json.key("related", first: false, indent: inner)
        json.strings(related, indent: inner)
        json.key("scheme", first: false, indent: inner)
        json.string(scheme)
        json.key("schemeURI", first: false, indent: inner)
        json.string(schemeURI)
        json.key("scopeNote", first: false, indent: inner)
        json.stringMap(scopeNote, indent: inner)
        if let useInstead {
            json.key("useInstead", first: false, indent: inner)
            json.stringMap(useInstead, indent: inner)
        }
        json.close("}", empty: false, indent: indent)
    }
}
