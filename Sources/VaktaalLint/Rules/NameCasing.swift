import VaktaalCore

/// Names with their own capitals, part of `misspelling`: a preferred or alternative label
/// that is case-sensitive or has a capital after its first letter (iPabo, iOS, JavaScript,
/// Hogeschool van Amsterdam) is a name, and another casing of it (IPABO, ipabo, Ios,
/// Hogeschool Van Amsterdam) is a misspelling whose fix is the name as written.
///
/// Left alone: abbreviations (a lower-case "dt" is usually another word), a name at the
/// start of a sentence with only its first letter changed ("IOS werkt"), and a name in
/// capitals in an all-capitals heading.
enum NameCasing {
    /// Triggering and non-triggering examples, run with those of `misspelling`.
    static let examples = RuleExamples(
        triggering: ["Studenten van ↓inholland en de ↓Amsterdamse onderwijsregio.", "Samen met ↓IPabo en ↓INHOLLAND."],
        nonTriggering: [
            "IPabo en Inholland werken samen in de Amsterdamse Onderwijsregio.", "Wij zijn van de HvA.",
            "Zie ipabo.nl voor meer.",
        ])

    /// The finding for a term that writes a name in another casing, or `nil`.
    static func finding(_ term: FoundTerm, set: VocabularySet) -> RuleFinding? {
        guard let context = term.context, !term.entry.conceptIsDeprecated, term.entry.kind.isAllowed,
            let index = term.entry.labelIndex
        else { return nil }
        let label = set[term.entry.concept].labels[index]
        guard label.isName else { return nil }
        let written = words(term.text)
        let name = words(term.entry.form)
        guard written != name, written.map({ $0.lowercased() }) == name.map({ $0.lowercased() }) else { return nil }
        if context.startsSentence, written == capitalizedFirst(name) { return nil }
        if context.inCapitals, written == name.map({ $0.uppercased() }) { return nil }
        return RuleFinding(
            term: term, message: "'\(term.quotedText)' is misspelled: the name is written '\(term.entry.form)'",
            replacement: term.entry.form, labelSeverity: label.severity)
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// The name with its first letter in capitals ("iPabo" → "IPabo").
    private static func capitalizedFirst(_ name: [String]) -> [String] {
        guard let first = name.first, let head = first.first else { return name }
        return [head.uppercased() + first.dropFirst()] + name.dropFirst()
    }
}
