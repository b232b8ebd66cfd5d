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
            let flags = (caseSensitive ? Self.caseSensitive : 0) | (allowed ? Self.allows : 0)
            entries.withForm(id) { form in
                guard !form.isEmpty else { return }
                builder.insert(form, entry: Int32(id), language: language, flags: flags)
                if caseSensitive, allowed, !label.isAbbreviation {
                    // "IOS" and "ipabo" are found too, as another casing of the names "iOS" and "iPabo".
                    builder.insert(form, entry: Int32(id), language: language, flags: Self.nameVariant | Self.allows)
                }
                if form.elementsEqual(label.text.utf8) {
                    for exception in label.exceptions { builder.insert(exception, language: language) }
                }
            }
        }
        self = builder.matcher(entries: entries)
    }

    /// This matcher with more phrases that are simply fine in any language (the allowed
    /// words of a configuration), matched beside it.
    package func adding(allowed phrases: [String]) -> TermMatcher {
        guard !phrases.isEmpty else { return self }
        var builder = Builder(phrases: phrases.count)
        for phrase in phrases { builder.insert(phrase, language: -1) }
        var added = self
        added.allowedPhrases = AllowedPhrases(builder.matcher(entries: entries))
        return added
    }

    /// A matcher being filled, in arrays.
    struct Builder {
        private var transitions: TransitionTable.Builder
        private var firstWords: [UInt64]
        private var firstCandidate: [Int32]
        /// A bit per node: whether some phrase goes on after it.
        private var continuingNodes: [UInt64] = [0]
        /// The last candidate of each node, to add at the end of its chain.
        private var lastCandidate: [Int32]
        private var nextCandidate: [Int32] = []
        private var candidateEntries: [Int32] = []
        private var candidateLanguages: [Int32] = []
        private var candidateFlags: [UInt8] = []
        private var keyBytes: [UInt8] = []
        private var keyStarts: [Int32] = [0]

        /// An empty matcher sized for about `phrases` phrases.
        init(phrases: Int) {
            var words = 1 << 10
            while words < phrases / 4, words < 1 << 18 { words <<= 1 }
            firstWords = [UInt64](repeating: 0, count: words)
            // About two transitions a phrase: sized once instead of grown and rehashed step by step.
            transitions = TransitionTable.Builder(capacity: 2 * phrases)
            firstCandidate = [-1]
            lastCandidate = [-1]
        }

        /// Adds an allowed phrase of `language` (−1: any), folded.
        mutating func insert(_ phrase: String, language: Int32) {
            var phrase = phrase
            phrase.withUTF8 { insert($0, entry: -1, language: language, flags: TermMatcher.allows) }
        }

        /// Adds a phrase for a candidate of `entry` (−1: an allowed phrase) with `flags`.
        mutating func insert(_ phrase: UnsafeBufferPointer<UInt8>, entry: Int32, language: Int32, flags: UInt8) {
            guard let first = phrase.first, !Tokenizer.isSpace(UInt32(first)) else { return }
            let caseSensitive = flags & TermMatcher.caseSensitive != 0
            var node: Int32 = 0
            let keyStart = keyBytes.count
            var valid = true
            Tokenizer.forEachToken(in: phrase, range: 0..<phrase.count) { token in
                guard valid, let hash = TokenKey.hash(token, in: phrase) else {
                    valid = false
                    return
                }
                Self.appendKey(of: token, in: phrase, caseSensitive: caseSensitive, to: &keyBytes)
                if node == 0 {
                    firstWords[Int(truncatingIfNeeded: hash >> 38) & (firstWords.count - 1)] |= TermMatcher.filterBit(hash)
                }
                let slot = TermMatcher.combine(node, hash)
                // Marked at every step, so that the bit says exactly that the walk goes on from here.
                continuingNodes[Int(node) >> 6] |= 1 << (UInt64(node) & 63)
                if let next = transitions.value(slot) {
                    node = next
                } else {
                    node = Int32(firstCandidate.count)
                    if Int(node) >> 6 == continuingNodes.count { continuingNodes.append(0) }
                    transitions.set(slot, node)
                    firstCandidate.append(-1)
                    lastCandidate.append(-1)
                }
            }
            guard valid, node != 0 else {
                keyBytes.removeSubrange(keyStart...)
                return
            }
            let added = Int32(candidateEntries.count)
            candidateEntries.append(entry)
            candidateLanguages.append(language)
            candidateFlags.append(flags)
            keyStarts.append(Int32(keyBytes.count))
            nextCandidate.append(-1)
            // At the end of the node's chain, so that candidates keep the order they were added in.
            if lastCandidate[Int(node)] < 0 {
                firstCandidate[Int(node)] = added
            } else {
                nextCandidate[Int(lastCandidate[Int(node)])] = added
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
                for byte in raw { key.append(byte &- 0x41 < 26 ? byte + 32 : byte) }
            case .word: key.append(contentsOf: TokenKey.text(token, in: bytes, caseSensitive: false).utf8)
            }
        }

        /// The matcher, its candidates naming `entries`.
        func matcher(entries: IndexEntries) -> TermMatcher {
            TermMatcher(
                transitions: transitions.table, firstWords: Column(firstWords), continuingNodes: Column(continuingNodes),
                firstCandidate: Column(firstCandidate), nextCandidate: Column(nextCandidate),
                candidateEntries: Column(candidateEntries),
                candidateLanguages: Column(candidateLanguages), candidateFlags: Column(candidateFlags),
                keyBytes: Column(keyBytes), keyStarts: Column(keyStarts), entries: entries)
        }
    }
}
