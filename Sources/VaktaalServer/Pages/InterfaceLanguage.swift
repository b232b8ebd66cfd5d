import Hummingbird

/// The language of the pages' own words: Dutch, or English with `?ui=en` or an
/// `Accept-Language` that prefers English.
enum InterfaceLanguage: String, Sendable {
    case dutch = "nl"
    case english = "en"

    /// The language a request asks for.
    init(_ request: Request) {
        if let ui = request.queryValue("ui") {
            self = ui.lowercased().hasPrefix("en") ? .english : .dutch
            return
        }
        let ranges = MediaRanges.parse(request.headers[.acceptLanguage] ?? "").filter { $0.quality > 0 }
        let best = ranges.sorted { $0.quality > $1.quality }.first { $0.type.hasPrefix("nl") || $0.type.hasPrefix("en") }
        self = best?.type.hasPrefix("en") == true ? .english : .dutch
    }

    /// Whether the request chose it explicitly (then links keep `?ui=`).
    static func isExplicit(_ request: Request) -> Bool { request.queryValue("ui") != nil }

    /// The words of the interface.
    var words: InterfaceWords { self == .english ? .english : .dutch }
}

/// The pages' own words in one language.
struct InterfaceWords: Sendable {
    let skip, title, search, searchLabel, searchPlaceholder, searchButton, noResults, browse, check, changes: String
    let useInstead, outdated, outdatedSince, misspelling, deprecatedConcept, alsoWritten, definition, scopeNote: String
    let example, broader, narrower, related, mappings, uri, copy, copied, formats, preferred, language: String
    let textToCheck, fileToCheck, checkButton, findings, noFindings, fixedText, showFixed, alphabetical, hierarchy: String
    let versions, version, published, added, removed, changed, noChanges, otherLanguage, results, reason, format: String
    let officeFixedByTheCLI: String

    static let dutch = InterfaceWords(
        skip: "Naar de inhoud", title: "Vaktaal", search: "Zoeken", searchLabel: "Zoek een begrip",
        searchPlaceholder: "bijvoorbeeld mentor", searchButton: "Zoek", noResults: "Geen begrip gevonden voor",
        browse: "Bladeren", check: "Tekst controleren", changes: "Wijzigingen", useInstead: "gebruik in plaats daarvan",
        outdated: "verouderde term", outdatedSince: "verouderd sinds", misspelling: "spelfout",
        deprecatedConcept: "verouderd begrip", alsoWritten: "ook", definition: "Definitie", scopeNote: "Toelichting",
        example: "Voorbeeld", broader: "Breder", narrower: "Smaller", related: "Verwant", mappings: "Koppelingen",
        uri: "URI", copy: "Kopieer", copied: "Gekopieerd", formats: "Ook als", preferred: "voorkeursterm",
        language: "Taal", textToCheck: "Tekst", fileToCheck: "Of een bestand (.txt, .md, .html, .docx, .pptx, .odt, .odp)",
        checkButton: "Controleer", findings: "Bevindingen", noFindings: "Geen bevindingen: de tekst gebruikt de gedeelde taal.",
        fixedText: "Verbeterde tekst", showFixed: "Toon de verbeterde tekst", alphabetical: "A–Z", hierarchy: "Hiërarchie",
        versions: "Versies", version: "versie", published: "gepubliceerd", added: "toegevoegd", removed: "verwijderd",
        changed: "gewijzigd", noChanges: "geen wijzigingen", otherLanguage: "English", results: "Resultaten voor",
        reason: "reden", format: "Soort tekst",
        officeFixedByTheCLI: "Een Office-document verbeter je met vaktaal lint --fix op de opdrachtregel: het behoudt de opmaak.")

    static let english = InterfaceWords(
        skip: "Skip to content", title: "Vaktaal", search: "Search", searchLabel: "Search for a term",
        searchPlaceholder: "for example mentor", searchButton: "Search", noResults: "No term found for",
        browse: "Browse", check: "Check a text", changes: "Changes", useInstead: "use instead",
        outdated: "outdated term", outdatedSince: "outdated since", misspelling: "misspelling",
        deprecatedConcept: "deprecated concept", alsoWritten: "also", definition: "Definition", scopeNote: "Scope note",
        example: "Example", broader: "Broader", narrower: "Narrower", related: "Related", mappings: "Mappings",
        uri: "URI", copy: "Copy", copied: "Copied", formats: "Also as", preferred: "preferred term",
        language: "Language", textToCheck: "Text", fileToCheck: "Or a file (.txt, .md, .html, .docx, .pptx, .odt, .odp)",
        checkButton: "Check", findings: "Findings", noFindings: "No findings: the text speaks the shared language.",
        fixedText: "Fixed text", showFixed: "Show the fixed text", alphabetical: "A–Z", hierarchy: "Hierarchy",
        versions: "Versions", version: "version", published: "published", added: "added", removed: "removed",
        changed: "changed", noChanges: "no changes", otherLanguage: "Nederlands", results: "Results for",
        reason: "reason", format: "Kind of text",
        officeFixedByTheCLI:
            "An office document is fixed with vaktaal lint --fix on the command line, which keeps its formatting.")
}
