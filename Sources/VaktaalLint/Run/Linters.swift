import Synchronization
import VaktaalCore

/// The linters of one run against one set, shared between files with the same options.
final class Linters: Sendable {
    let set: VocabularySet
    /// The matcher of `set`'s labels, made once for every linter.
    let matchIndex: MatchIndex
    private let made = Mutex<[String: Linter]>([:])

    init(set: VocabularySet, matchIndex: MatchIndex) {
        self.set = set
        self.matchIndex = matchIndex
    }

    /// The linter with `options`, whose ``LintConfigurationResolver/options(for:)`` key is `key`.
    func linter(_ options: LintOptions, key: String) -> Linter {
        made.withLock { linters in
            if let linter = linters[key] { return linter }
            let linter = Linter(set: set, options: options, matchIndex: matchIndex)
            linters[key] = linter
            return linter
        }
    }
}
