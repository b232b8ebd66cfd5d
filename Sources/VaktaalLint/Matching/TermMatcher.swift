import VaktaalCore

/// What a matched phrase is: a label form of the vocabulary, or a phrase that is simply
/// fine (an exception phrase of a deprecated label, or an allowed word of the configuration).
package enum MatchTarget: Sendable, Hashable {
    case label(IndexEntry)
    case allowed
}

/// A phrase found in a text.
package struct TermMatch: Sendable, Hashable {
    /// Byte range in the text that was scanned.
    package let range: Range<Int>
    /// What matched.
    package let target: MatchTarget
}

/// One automaton for all labels: a trie over token keys (folded words, single spaces,
/// punctuation), walked from every word of the text. The work grows with the length of
/// the text, not with the number of labels: a word that starts no label costs one lookup.
package struct TermMatcher: Sendable {
    private struct Candidate: Sendable {
        let target: MatchTarget
        /// The key text (folded unless case-sensitive) the matched tokens must give.
        let key: String
        let isCaseSensitive: Bool
        /// A case-sensitive name matched in any casing: chosen only when nothing else matches,
        /// so that rules can report the casing.
        var isNameVariant = false
    }

    private var transitions: TransitionTable
    /// A bit per first-word hash (a Bloom filter of one function), about 16 bits a phrase so
    /// that it stays nearly empty yet in the cache: most words of a text start no label and
    /// are turned away here.
    private var firstWords: [UInt64]
    /// The word index mask of ``firstWords`` (its count less one; the count is a power of two).
    private let firstWordMask: Int
    /// The candidates of all nodes in one list: those of a node are chained through
    /// ``nextCandidate`` from ``firstCandidate``, in the order they were added (no list per node).
    private var candidates: [Candidate] = []
    private var nextCandidate: [Int32] = []
    /// The first candidate of each node, by node id; -1 for nodes that end no phrase.
    private var firstCandidate: [Int32] = [-1]
    /// The last candidate of each node while the matcher is built, to add at the end of its chain.
    private var lastCandidate: [Int32] = [-1]
    private var nodeCount: Int32 = 1

    /// Builds the matcher from the label forms of `entries` in `languages` (all when `nil`),
    /// the exception phrases of the labels, and extra allowed phrases.
    package init(set: VocabularySet, entries: [IndexEntry], languages: Set<String>?, allowed: [String] = []) {
        var words = 1 << 10
        while words < (entries.count + allowed.count) / 4, words < 1 << 18 { words <<= 1 }
        firstWords = [UInt64](repeating: 0, count: words)
        firstWordMask = words - 1
        // About two transitions a form: sized once instead of grown and rehashed step by step.
        transitions = TransitionTable(capacity: 2 * (entries.count + allowed.count))
        // Entries come in runs of one language: the set is asked once per run.
        var language: (name: String, isWanted: Bool)?
        for entry in entries where !entry.form.isEmpty {
            guard let index = entry.labelIndex else { continue }
            if language?.name != entry.language {
                language = (entry.language, languages?.contains(entry.language) ?? true)
            }
            guard language?.isWanted == true else { continue }
            insert(entry.form, target: .label(entry), caseSensitive: entry.isCaseSensitive)
            let label = set[entry.concept].labels[index]
            if entry.isCaseSensitive, entry.kind.isAllowed, !entry.conceptIsDeprecated, !label.isAbbreviation {
                // "IOS" and "ipabo" are found too, as another casing of the names "iOS" and "iPabo".
                insert(entry.form, target: .label(entry), caseSensitive: false, nameVariant: true)
            }
            if entry.form == label.text {
                for exception in label.exceptions { insert(exception, target: .allowed, caseSensitive: false) }
            }
        }
        for phrase in allowed { insert(phrase, target: .allowed, caseSensitive: false) }
        lastCandidate = []
    }

    @inline(__always)
    private func filterWord(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 38) & firstWordMask }

    @inline(__always)
    private static func filterBit(_ hash: UInt64) -> UInt64 { 1 << (hash >> 58) }

    private static func combine(_ node: Int32, _ key: UInt64) -> UInt64 {
        var value = key ^ (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15)
        value ^= value >> 29
        return value
    }

    private mutating func insert(_ phrase: String, target: MatchTarget, caseSensitive: Bool, nameVariant: Bool = false) {
        var phrase = phrase
        var node: Int32 = 0
        // The key as bytes, made into a string once: ASCII words are folded here, others by
        // `TokenKey.text` (the same key, token by token).
        var key: [UInt8] = []
        var valid = true
        var startsWithSpace = true
        phrase.withUTF8 { buffer in
            startsWithSpace = buffer.first.map { Tokenizer.isSpace(UInt32($0)) } ?? true
            Tokenizer.forEachToken(in: buffer, range: 0..<buffer.count) { token in
                guard valid, let hash = TokenKey.hash(token, in: buffer) else {
                    valid = false
                    return
                }
                Self.appendKey(of: token, in: buffer, caseSensitive: caseSensitive, to: &key)
                if node == 0 { firstWords[filterWord(hash)] |= Self.filterBit(hash) }
                let slot = Self.combine(node, hash)
                if let next = transitions.value(slot) {
                    node = next
                } else {
                    transitions.set(slot, nodeCount)
                    firstCandidate.append(-1)
                    lastCandidate.append(-1)
                    node = nodeCount
                    nodeCount += 1
                }
            }
        }
        guard valid, node != 0, !startsWithSpace else { return }
        let added = Int32(candidates.count)
        candidates.append(
            Candidate(
                target: target, key: String(decoding: key, as: UTF8.self), isCaseSensitive: caseSensitive,
                isNameVariant: nameVariant))
        nextCandidate.append(-1)
        if lastCandidate[Int(node)] >= 0 {
            nextCandidate[Int(lastCandidate[Int(node)])] = added
        } else {
            firstCandidate[Int(node)] = added
        }
        lastCandidate[Int(node)] = added
    }

    /// Appends the key text of `token` (``TokenKey/text(_:in:caseSensitive:)``) to `key`.
    private static func appendKey(
        of token: Tokenizer.Token, in bytes: UnsafeBufferPointer<UInt8>, caseSensitive: Bool, to key: inout [UInt8]
    ) {
        let raw = UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
        switch token.kind {
        case .space: key.append(0x20)
        case .punctuation: key.append(contentsOf: raw)
        case .word where caseSensitive: key.append(contentsOf: raw)
        case .word where raw.allSatisfy({ $0 < 0x80 }):
            key.reserveCapacity(key.count + raw.count)
            for byte in raw { key.append(byte &- 0x41 < 26 ? byte + 32 : byte) }
        case .word: key.append(contentsOf: TokenKey.text(token, in: bytes, caseSensitive: false).utf8)
        }
    }

    /// Every match in `bytes[range]`, left to right, longest first at each word, never
    /// overlapping. A phrase covered by an allowed label or phrase is never reported as a
    /// shorter outdated label inside it.
    package func matches(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [TermMatch] {
        var result: [TermMatch] = []
        var index = range.lowerBound
        while index < range.upperBound {
            // Most words are ASCII: scan and hash them in one pass, and let the first-word
            // filter turn most of them away before any token is made.
            if Tokenizer.isASCIIWordByte(bytes[index]), let (end, hash) = asciiWord(in: bytes, at: index, end: range.upperBound) {
                if firstWords[filterWord(hash)] & Self.filterBit(hash) == 0 {
                    index = end
                    continue
                }
                let token = Tokenizer.Token(kind: .word, start: index, end: end)
                if let match = longestMatch(startingWith: token, firstHash: hash, in: bytes, end: range.upperBound) {
                    result.append(match)
                    index = match.range.upperBound
                } else {
                    index = end
                }
                continue
            }
            // Word tokens are maximal runs of letters, marks and digits, so every word starts
            // at a word boundary: "mentor" is never found inside "mentorschap".
            let token = Tokenizer.token(in: bytes, at: index, end: range.upperBound)
            if token.kind == .word, let match = longestMatch(startingWith: token, in: bytes, end: range.upperBound) {
                result.append(match)
                index = match.range.upperBound
            } else {
                index = token.end
            }
        }
        return result
    }

    /// The end and key hash of the ASCII word at `start`, or `nil` when the word goes on
    /// with non-ASCII letters (then the general tokenizer takes it).
    @inline(__always)
    private func asciiWord(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (end: Int, hash: UInt64)? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = start
        while index < end {
            var byte = bytes[index]
            if byte >= 0x80 { return nil }
            guard Tokenizer.isASCIIWordByte(byte) else { break }
            if byte &- 0x41 < 26 { byte += 32 }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            index += 1
        }
        return (index, hash)
    }

    /// The longest verified match starting with `first` (whose key hash may be known).
    private func longestMatch(
        startingWith first: Tokenizer.Token, firstHash known: UInt64? = nil, in bytes: UnsafeBufferPointer<UInt8>, end: Int
    ) -> TermMatch? {
        guard let firstHash = known ?? TokenKey.hash(first, in: bytes),
            firstWords[filterWord(firstHash)] & Self.filterBit(firstHash) != 0,
            var node = transitions.value(Self.combine(0, firstHash))
        else { return nil }
        // The longest end apart, so that a walk with one end (the usual case) allocates nothing.
        var longest: (node: Int32, end: Int)?
        var shorter: [(node: Int32, end: Int)] = []
        var token = first
        while true {
            if firstCandidate[Int(node)] >= 0 {
                if let known = longest { shorter.append(known) }
                longest = (node, token.end)
            }
            guard token.end < end else { break }
            let next = Tokenizer.token(in: bytes, at: token.end, end: end)
            guard let hash = TokenKey.hash(next, in: bytes), let child = transitions.value(Self.combine(node, hash)) else {
                break
            }
            node = child
            token = next
        }
        func match(_ node: Int32, endingAt matchEnd: Int) -> TermMatch? {
            // A term ends at a word boundary: the next character is no letter, mark or digit.
            if matchEnd < end, Tokenizer.isWordScalar(Tokenizer.decode(bytes, matchEnd).0) { return nil }
            return verifiedTarget(node, bytes, first.start..<matchEnd).map {
                TermMatch(range: first.start..<matchEnd, target: $0)
            }
        }
        guard let longest else { return nil }
        if let found = match(longest.node, endingAt: longest.end) { return found }
        for (node, matchEnd) in shorter.reversed() {
            if let found = match(node, endingAt: matchEnd) { return found }
        }
        return nil
    }

    /// The candidate of `node` whose key the source text really gives (hashes can collide;
    /// case-sensitive labels must match as written). Allowed phrases win over outdated ones.
    private func verifiedTarget(_ node: Int32, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> MatchTarget? {
        guard firstCandidate[Int(node)] >= 0 else { return nil }
        var folded: String?
        var exact: String?
        func key(caseSensitive: Bool) -> String {
            var text = ""
            Tokenizer.forEachToken(in: bytes, range: range) { text += TokenKey.text($0, in: bytes, caseSensitive: caseSensitive) }
            return text
        }
        var best: MatchTarget?
        var nameVariant: MatchTarget?
        var index = firstCandidate[Int(node)]
        while index >= 0 {
            let candidate = candidates[Int(index)]
            index = nextCandidate[Int(index)]
            if let same = Self.asciiKey(of: range, in: bytes, equals: candidate.key, caseSensitive: candidate.isCaseSensitive) {
                guard same else { continue }
            } else {
                let source: String
                if candidate.isCaseSensitive {
                    source = exact ?? key(caseSensitive: true)
                    exact = source
                } else {
                    source = folded ?? key(caseSensitive: false)
                    folded = source
                }
                guard source == candidate.key else { continue }
            }
            if candidate.isNameVariant {
                nameVariant = nameVariant ?? candidate.target
                continue
            }
            if best == nil || Self.isAllowed(candidate.target) { best = candidate.target }
            if Self.isAllowed(candidate.target) { break }
        }
        return best ?? nameVariant
    }

    /// Whether the key of the ASCII text `bytes[range]` is `key`, compared byte by byte without
    /// making it (runs of spaces are one space, words folded unless case-sensitive); `nil`
    /// when the text is not ASCII.
    private static func asciiKey(
        of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, equals key: String, caseSensitive: Bool
    ) -> Bool? {
        var key = key
        return key.withUTF8 { expected -> Bool? in
            var position = 0
            var index = range.lowerBound
            while index < range.upperBound {
                var byte = bytes[index]
                if byte >= 0x80 { return nil }
                if Tokenizer.isSpace(UInt32(byte)) {
                    while index < range.upperBound, bytes[index] < 0x80, Tokenizer.isSpace(UInt32(bytes[index])) { index += 1 }
                    byte = 0x20
                } else {
                    if !caseSensitive, byte &- 0x41 < 26 { byte += 32 }
                    index += 1
                }
                guard position < expected.count, expected[position] == byte else { return false }
                position += 1
            }
            return position == expected.count
        }
    }

    private static func isAllowed(_ target: MatchTarget) -> Bool {
        switch target {
        case .allowed: true
        case .label(let entry): entry.kind.isAllowed && !entry.conceptIsDeprecated
        }
    }
}
