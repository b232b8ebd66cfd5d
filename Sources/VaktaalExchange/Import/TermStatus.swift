import VaktaalCore

/// The label kind of a term's status as glossaries write it: TBX administrative statuses
/// (`preferredTerm-admn-sts`, `supersededTerm`), the words terminology tools and our own
/// exports use (`preferred`, `admitted`, `forbidden`), in any case, with or without spaces
/// (`Preferred term`), and in Dutch (`voorkeursterm`, `verouderd`, `verboden`). One table for
/// every importer: a forbidden term is an outdated one wherever it comes from.
enum TermStatus {
    /// The kind `status` stands for; `nil` for a status there is no kind for.
    static func labelKind(_ status: String) -> LabelKind? {
        let word = status.lowercased().replacingOccurrences(of: "-admn-sts", with: "").filter {
            !$0.isWhitespace && $0 != "_" && $0 != "-"
        }
        return kinds[word]
    }

    private static let kinds: [String: LabelKind] = {
        var kinds: [String: LabelKind] = [:]
        let words: [(LabelKind, [String])] = [
            (
                .preferred,
                ["preferred", "preferredterm", "standardizedterm", "legalterm", "regulatedterm", "voorkeur", "voorkeursterm"]
            ),
            (.alternative, ["alternative", "alternatief", "admitted", "admittedterm", "synonym", "synoniem", "toegestaan"]),
            (.hidden, ["hidden", "verborgen"]),
            (
                .deprecated,
                [
                    "deprecated", "deprecatedterm", "superseded", "supersededterm", "obsolete", "outdated", "forbidden",
                    "notrecommended", "verouderd", "verboden", "afgeraden",
                ]
            ),
        ]
        for (kind, names) in words { for name in names { kinds[name] = kind } }
        return kinds
    }()
}
