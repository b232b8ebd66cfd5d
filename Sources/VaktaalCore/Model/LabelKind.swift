/// The kinds of label a concept can carry, named as the XML elements are.
public enum LabelKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// `prefLabel`: the term to use; at most one per language.
    case preferred = "prefLabel"
    /// `altLabel`: an admitted synonym or abbreviation.
    case alternative = "altLabel"
    /// `deprecatedLabel`: an outdated or forbidden term.
    case deprecated = "deprecatedLabel"
    /// `hiddenLabel`: a misspelling or search-only variant.
    case hidden = "hiddenLabel"

    /// The status word used in JSON output and messages: `preferred`, `alternative`,
    /// `deprecated` or `hidden`.
    public var status: String {
        switch self {
        case .preferred: "preferred"
        case .alternative: "alternative"
        case .deprecated: "deprecated"
        case .hidden: "hidden"
        }
    }

    /// Whether a text may use a label of this kind.
    public var isAllowed: Bool { self == .preferred || self == .alternative }
}
