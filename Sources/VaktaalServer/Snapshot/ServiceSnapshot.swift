import Foundation
import VaktaalCore
import VaktaalLint

/// Everything the service answers from, at one moment: the published schemes, the whole
/// folder as one set for lookup and lint, and its indexes. Immutable: a publish or reload
/// builds a new snapshot and swaps it in; requests in flight keep the one they started with.
public final class ServiceSnapshot: Sendable {
    /// The schemes, in id order.
    public let schemes: [SchemeSnapshot]
    /// Every scheme together, as lookup and lint see them.
    public let set: VocabularySet
    /// The lookup index of ``set``.
    public let index: LookupIndex
    /// A number that grows with every swap, for metrics and logs.
    public let generation: Int
    /// The term matcher of ``set``, shared by its linters.
    private let matchIndex: MatchIndex

    /// A snapshot of `schemes`.
    init(schemes: [SchemeSnapshot], generation: Int) {
        self.schemes = schemes.sorted { $0.id < $1.id }
        set = VocabularySet(self.schemes.map(\.vocabulary))
        index = LookupIndex(set)
        matchIndex = MatchIndex(set: set, index: index)
        self.generation = generation
    }

    /// The scheme with this id.
    public func scheme(_ id: String) -> SchemeSnapshot? { schemes.first { $0.id == id } }

    /// The linter for a language choice (`nl`, `nl,en`, `all`, or `nil` for the document's
    /// own), made for the request: linters of a snapshot share its matcher, so one costs
    /// little, and no choice a client makes up is kept.
    func linter(language: String?) -> Linter {
        let languages = LintOptions.Languages(choice: language, default: set.vocabularies.first?.defaultLanguage)
        return Linter(set: set, options: LintOptions(languages: languages), matchIndex: matchIndex)
    }
}
