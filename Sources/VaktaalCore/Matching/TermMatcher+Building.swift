extension TermMatcher {
    /// The matcher of every label form of `set` in every language (`entries` being the
    /// set's forms), with the exception phrases of the labels.
    init(set: VocabularySet, entries: IndexEntries) {
        var builder = Builder(phrases: entries.count)
        // Entries come in concept order: each concept's labels are taken once.
        var concept: (key: ConceptKey, labels: [Label])?
        for id in entries.indices {
            guard let index = entries.labelIndex(id) else { continue }
            let key = entries.concept(id)
            if concept?.key != key { concept = (key, set[key].labels) }
            guard let label = concept?.labels[index] else { continue }
            let language = entries.languageIndex(id)
            let caseSensitive = entries.isCaseSensitive(id)
            let allowed = entries.isAllowedUse(id)
            var flags: MatchCandidate.Flags = []
            if caseSensitive { flags.insert(.caseSensitive) }
            if allowed { flags.insert(.allows) }
            entries.withForm(id) { form in
                guard !form.isEmpty else { return }
                builder.insert(form, entry: Int32(id), language: language, flags: flags)
                if caseSensitive, allowed, !label.isAbbreviation {
                    // "IOS" and "ipabo" are found too, as another casing of the names "iOS" and "iPabo".
                    builder.insert(form, entry: Int32(id), language: language, flags: [.nameVariant, .allows])
                }
                if form.elementsEqual(label.text.utf8) {
                    for exception in label.exceptionsInEveryForm { builder.insert(exception, language: language) }
                }
            }
        }
        self = builder.matcher(entries: entries)
    }

    /// This matcher with more phrases that are simply fine in any language (the allowed
    /// words of a configuration), matched beside it.
    package func adding(allowed phrases: [String]) -> TermMatcher {
        guard !phrases.isEmpty else { return self }
        let phrases = inEveryForm(phrases)
        var builder = Builder(phrases: phrases.count)
        for phrase in phrases { builder.insert(phrase, language: -1) }
        var added = self
        added.allowedPhrases = AllowedPhrases(builder.matcher(entries: entries))
        return added
    }

    /// `phrases` and every form of each that is one of this matcher's label forms, whole:
    /// allowing "stagiair" allows "stagiairs" and "stagiaire" too, as the label gives them.
    func inEveryForm(_ phrases: [String]) -> [String] {
        var result = phrases
        var known = Set(phrases)
        let all = languages(nil)
        for phrase in phrases {
            let bytes = Array(phrase.utf8)
            let found = bytes.withUnsafeBufferPointer { matches(in: $0, range: 0..<$0.count, languages: all) }
            guard found.count == 1, found[0].range == 0..<bytes.count, case .label(let form) = found[0].target else { continue }
            // A label's forms are entries side by side.
            func sameLabel(_ id: Int) -> Bool {
                entries.concept(id) == entries.concept(form.id) && entries.labelIndex(id) == entries.labelIndex(form.id)
            }
            var id = form.id
            while id > entries.startIndex, sameLabel(id - 1) { id -= 1 }
            while id < entries.endIndex, sameLabel(id) {
                let text = entries.withForm(id) { String(decoding: $0, as: UTF8.self) }
                if known.insert(text).inserted { result.append(text) }
                id += 1
            }
        }
        return result
    }

    /// A matcher being filled, in arrays.
    struct Builder {
        private var transitions: TransitionTable.Builder
        /// The key hash of each phrase's first word, each once: the first-word filter is
        /// sized for them when the matcher is made.
        private var firstHashes: [UInt64] = []
        /// The key hash of each token that white space follows in a phrase, each once.
        private var hashesBeforeSpace: Set<UInt64> = []
        /// The key of each transition after a phrase's first token, each once.
        private var laterKeys: [UInt64] = []
        /// The first and the last candidate of each node (−1 for none): the last, to add at
        /// the end of its chain.
        private var firstCandidate: [Int32]
        private var lastCandidate: [Int32]
        /// Whether some phrase goes on after each node.
        private var continues: [Bool] = [false]
        private var candidates: [MatchCandidate] = []
        private var keyBytes: [UInt8] = []

        /// An empty matcher sized for about `phrases` phrases.
        init(phrases: Int) {
            // About two transitions a phrase: sized once instead of grown and rehashed step by step.
            transitions = TransitionTable.Builder(capacity: 2 * phrases)
            firstCandidate = [-1]
            lastCandidate = [-1]
        }

        /// Adds an allowed phrase of `language` (−1: any), folded.
        mutating func insert(_ phrase: String, language: Int32) {
            var phrase = phrase
            phrase.withUTF8 { insert($0, entry: -1, language: language, flags: .allows) }
        }

        /// Adds a phrase for a candidate of `entry` (−1: an allowed phrase) with `flags`.
        mutating func insert(_ phrase: UnsafeBufferPointer<UInt8>, entry: Int32, language: Int32, flags: MatchCandidate.Flags) {
            guard let first = phrase.first, !Tokenizer.isSpace(UInt32(first)) else { return }
            let caseSensitive = flags.contains(.caseSensitive)
            var node: Int32 = 0
            let keyStart = keyBytes.count
            var valid = true
            var previousHash: UInt64?
            Tokenizer.forEachToken(in: phrase, range: 0..<phrase.count) { token in
                guard valid, let hash = TokenKey.hash(token, in: phrase) else {
                    valid = false
                    return
                }
                if case .space = token.kind {
                    if let previousHash { hashesBeforeSpace.insert(previousHash) }
                    previousHash = nil
                } else {
                    previousHash = hash
                }
                Self.appendKey(of: token, in: phrase, caseSensitive: caseSensitive, to: &keyBytes)
                let slot = TermMatcher.combine(node, hash)
                // Marked at every step, so that it says exactly that the walk goes on from here.
                continues[Int(node)] = true
                if let next = transitions.value(slot) {
                    node = next
                } else {
                    if node == 0 { firstHashes.append(hash) } else { laterKeys.append(slot) }
                    node = Int32(firstCandidate.count)
                    transitions.set(slot, node)
                    firstCandidate.append(-1)
                    lastCandidate.append(-1)
                    continues.append(false)
                }
            }
            guard valid, node != 0 else {
                keyBytes.removeSubrange(keyStart...)
                return
            }
            let added = Int32(candidates.count)
            candidates.append(
                MatchCandidate(
                    entry: entry, keyStart: Int32(keyStart), keyEnd: Int32(keyBytes.count), language: language, flags: flags))
            // At the end of the node's chain, so that candidates keep the order they were added in.
            if lastCandidate[Int(node)] < 0 {
                firstCandidate[Int(node)] = added
            } else {
                candidates[Int(lastCandidate[Int(node)])].next = added
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
            case .punctuation: key.append(contentsOf: TokenKey.punctuationVariant(token, in: bytes).map { [$0] } ?? Array(raw))
            case .word where caseSensitive:
                if raw.allSatisfy({ $0 < 0x80 }) {
                    key.append(contentsOf: raw)
                } else {
                    key.append(contentsOf: TokenKey.text(token, in: bytes, caseSensitive: true).utf8)
                }
            case .word where raw.allSatisfy({ $0 < 0x80 }):
                for byte in raw { key.append(byte &- 0x41 < 26 ? byte + 32 : byte) }
            case .word: key.append(contentsOf: TokenKey.text(token, in: bytes, caseSensitive: false).utf8)
            }
        }

        /// A filter of `hashes` (the first words, the tokens before white space, the later
        /// steps' keys): about 16 bits for each (at most 2²⁰ words), so that it stays small
        /// enough for the cache and turns away all but a few percent of other hashes.
        private static func filter(of hashes: some Collection<UInt64>) -> [UInt64] {
            var count = 1 << 10
            while count < hashes.count / 4, count < 1 << 20 { count <<= 1 }
            var words = [UInt64](repeating: 0, count: count)
            for hash in hashes { words[TermMatcher.filterWord(hash, among: count)] |= TermMatcher.filterBits(hash) }
            return words
        }

        /// The matcher, its candidates naming `entries`: each learns its entry's concept,
        /// label, whether the label is a name and whether the form is its key here, so that a match reads them from its candidate.
        func matcher(entries: IndexEntries) -> TermMatcher {
            var named = candidates
            for index in named.indices where named[index].entry >= 0 {
                let entry = Int(named[index].entry)
                named[index].concept = Int32(entries.concept(entry).rawValue)
                named[index].labelIndex = Int32(entries.labelIndex(entry) ?? -1)
                if entries.isName(entry) { named[index].flags.insert(.name) }
                let key = keyBytes[named[index].key]
                if entries.withForm(entry, { $0.elementsEqual(key) }) { named[index].flags.insert(.formIsKey) }
            }
            let (laidOut, places) = MatchCandidates.laidOut(
                named, keyBytes: keyBytes, bounds: MatchCandidates.RecordBounds(entries))
            return TermMatcher(
                transitions: transitions.table(
                    firstCandidates: firstCandidate.map { $0 < 0 ? -1 : places[Int($0)] }, continues: continues),
                firstWords: Column(Self.filter(of: firstHashes)), tokensBeforeSpace: Column(Self.filter(of: hashesBeforeSpace)),
                laterSteps: Column(Self.filter(of: laterKeys)),
                nodeCount: firstCandidate.count, candidates: laidOut, entries: entries)
        }
    }
}
