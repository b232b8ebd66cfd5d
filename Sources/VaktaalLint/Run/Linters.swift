import Synchronization
import VaktaalCore

/// The linters of one run against one set, shared between files with the same options.
final class Linters: Sendable {
    let set: VocabularySet
    /// The matcher of `set`'s labels, made once for every linter.
    let matchIndex: MatchIndex
    /// By their options: files with the same options share a linter.
    private let made = Mutex<[LintOptions: Linter]>([:])

    init(set: VocabularySet, matchIndex: MatchIndex) {
        self.set = set
        self.matchIndex = matchIndex
    }

    /// The linter with `options`.
    func linter(_ options: LintOptions) -> Linter {
        made.withLock { linters in
            if let linter = linters[options] { return linter }
            let linter = Linter(set: set, options: options, matchIndex: matchIndex)
            linters[options] = linter
            return linter
        }
    }
}
