import Synchronization

/// The term matcher of a vocabulary set, what `vaktaal lint` finds terms with: read from a
/// compiled snapshot the first time it is asked for, or built then from the set, and shared
/// by every linter of the set after that.
public final class MatchIndex: Sendable {
    private enum Source: Sendable {
        /// Built from the set (and its forms, when they are listed already).
        case set(VocabularySet, IndexEntries?)
        /// Read from a snapshot's section; built from the set when that cannot be read.
        case stored(SnapshotSection, IndexEntries, VocabularySet)
        /// Made already.
        case made(TermMatcher)
        /// Another index's matchers, renamed into an excerpt of its set (``TermMatcher/renaming(_:)``).
        case renamed(MatchIndex, [Int32])
    }

    private let source: Source
    private let made = Mutex<TermMatcher?>(nil)
    /// The matcher with a configuration's allowed phrases beside it, by those phrases:
    /// linters of one configuration share it.
    private let withAllowed = Mutex<[[String]: TermMatcher]>([:])

    /// The match index of `set`, built when it is first used.
    public convenience init(_ set: VocabularySet) { self.init(set: set, entries: nil) }

    /// The match index of `set`, whose forms `entries` are when they are known.
    init(set: VocabularySet, entries: IndexEntries?) { source = .set(set, entries) }

    /// The match index of `set`, whose lookup index is `index`.
    package convenience init(set: VocabularySet, index: LookupIndex) { self.init(set: set, entries: index.indexEntries) }

    /// The match index of a matcher made already.
    package init(_ matcher: TermMatcher) { source = .made(matcher) }

    /// The match index of an excerpt of `parent`'s set, `table` giving each concept's key in
    /// the excerpt: it shares the parent's matchers (with allowed phrases too).
    init(renaming parent: MatchIndex, table: [Int32]) { source = .renamed(parent, table) }

    /// The match index kept in `section` of a snapshot, for `set` and its forms `entries`.
    init(stored section: SnapshotSection, entries: IndexEntries, set: VocabularySet) {
        source = .stored(section, entries, set)
    }

    /// The matcher, made by the first thread that asks for it (others wait for it).
    package var matcher: TermMatcher {
        made.withLock { matcher in
            if let matcher { return matcher }
            let fresh = make()
            matcher = fresh
            return fresh
        }
    }

    /// The matcher with `phrases` beside it as phrases that are simply fine, made once for
    /// each list of phrases (the linters of one configuration share it).
    package func matcher(allowing phrases: [String]) -> TermMatcher {
        if case .renamed(let parent, let table) = source { return parent.matcher(allowing: phrases).renaming(table) }
        guard !phrases.isEmpty else { return matcher }
        return withAllowed.withLock { matchers in
            if let known = matchers[phrases] { return known }
            let made = matcher.adding(allowed: phrases)
            matchers[phrases] = made
            return made
        }
    }

    private func make() -> TermMatcher {
        switch source {
        case .set(let set, let entries):
            return TermMatcher(set: set, entries: entries ?? IndexEntries(set))
        case .stored(let section, let entries, let set):
            // A section that cannot be read removes its snapshot (``SnapshotSection/read(_:)``): built here instead.
            let stored = try? section.read { reader throws(SnapshotError) in
                try TermMatcher(reading: &reader, entries: entries, checkingStructure: !section.checked)
            }
            return stored ?? TermMatcher(set: set, entries: entries)
        case .made(let matcher):
            return matcher
        case .renamed(let parent, let table):
            return parent.matcher.renaming(table)
        }
    }
}
