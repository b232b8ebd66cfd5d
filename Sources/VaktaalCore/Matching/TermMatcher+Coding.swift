extension TermMatcher {
    /// The compiled form: the nodes' first candidates, the transitions, the first-word
    /// filter, the continuing nodes, then the candidates' columns.
    func write(to writer: inout BinaryWriter) {
        precondition(conceptRenames == nil && allowedPhrases == nil, "only a set's own matcher is kept")
        writer.writeRaw(firstCandidate)
        transitions.write(to: &writer)
        writer.writeRaw(firstWords)
        writer.writeRaw(continuingNodes)
        writer.writeRaw(nextCandidate)
        writer.writeRaw(candidateEntries)
        writer.writeRaw(candidateLanguages)
        writer.writeRaw(candidateFlags)
        writer.writeRaw(keyBytes)
        writer.writeRaw(keyStarts)
    }

    /// Reads what ``write(to:)`` wrote for `entries`, checking that every node, candidate,
    /// entry and language it names is there and that every chain of candidates ends.
    init(reading reader: inout BinaryReader, entries: IndexEntries) throws(SnapshotError) {
        let firstCandidate: Column<Int32> = try reader.readColumn()
        let transitions = try TransitionTable(reading: &reader, nodeCount: Int32(clamping: firstCandidate.count))
        let firstWords: Column<UInt64> = try reader.readColumn()
        let continuingNodes: Column<UInt64> = try reader.readColumn()
        let nextCandidate: Column<Int32> = try reader.readColumn()
        let candidateEntries: Column<Int32> = try reader.readColumn()
        let candidateLanguages: Column<Int32> = try reader.readColumn()
        let candidateFlags: Column<UInt8> = try reader.readColumn()
        let keyBytes: Column<UInt8> = try reader.readColumn()
        let keyStarts: Column<Int32> = try reader.readColumn()
        let count = nextCandidate.count
        // A candidate's chain goes on only to candidates added after it, so every walk ends.
        let chainsGoForward = nextCandidate.withUnsafeBufferPointer { next in
            next.indices.allSatisfy { next[$0] < 0 || Int(next[$0]) > $0 }
        }
        guard !firstCandidate.isEmpty, firstCandidate.allLie(in: -1..<Int32(clamping: count)),
            !firstWords.isEmpty, firstWords.count & (firstWords.count - 1) == 0,
            continuingNodes.count == (firstCandidate.count + 63) / 64,
            [candidateEntries.count, candidateLanguages.count, candidateFlags.count].allSatisfy({ $0 == count }),
            keyStarts.count == count + 1, keyStarts.areStarts(ending: keyBytes.count),
            nextCandidate.allLie(in: -1..<Int32(clamping: count)), chainsGoForward,
            candidateEntries.allLie(in: -1..<Int32(clamping: entries.count)),
            candidateLanguages.allLie(in: -1..<Int32(clamping: entries.languages.count))
        else { throw .malformed("the term matcher does not fit together") }
        self.init(
            transitions: transitions, firstWords: firstWords, continuingNodes: continuingNodes, firstCandidate: firstCandidate,
            nextCandidate: nextCandidate,
            candidateEntries: candidateEntries, candidateLanguages: candidateLanguages, candidateFlags: candidateFlags,
            keyBytes: keyBytes, keyStarts: keyStarts, entries: entries)
    }
}
