import Foundation
import Synchronization
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
    private let linters = Mutex<[String: Linter]>([:])

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

    /// How many linters a snapshot keeps: requests choose among a few languages, but each
    /// valid tag (`nl-x-…`) is another choice, and a client must not fill the memory with them.
    static let keptLinterCount = 32

    /// The linter for a language choice (`nl`, `nl,en`, `all`, or `nil` for the document's
    /// own), made once per snapshot for the first ``keptLinterCount`` choices asked for, and
    /// for the document's own and `all` in any case (other choices cannot crowd them out).
    func linter(language: String?) -> Linter {
        let key = language ?? ""
        if let known = linters.withLock({ $0[key] }) { return known }
        let languages = LintOptions.Languages(choice: language, default: set.vocabularies.first?.defaultLanguage)
        let made = Linter(set: set, options: LintOptions(languages: languages), matchIndex: matchIndex)
        linters.withLock { if $0.count < Self.keptLinterCount || key == "" || key == "all" { $0[key] = made } }
        return made
    }

    /// How many linters the snapshot keeps now (for tests).
    var keptLinters: Int { linters.withLock(\.count) }
}
