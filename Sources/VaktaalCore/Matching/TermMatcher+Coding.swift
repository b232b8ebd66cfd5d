extension TermMatcher {
    /// The compiled form: the number of nodes, the candidates, the transitions, the
    /// first-word filter, the filter of tokens before white space, then the filter of later steps.
    func write(to writer: inout BinaryWriter) {
        precondition(conceptRenames == nil && allowedPhrases == nil, "only a set's own matcher is kept")
        writer.write(nodeCount)
        candidates.write(to: &writer)
        transitions.write(to: &writer)
        writer.writeRaw(firstWords)
        writer.writeRaw(tokensBeforeSpace)
        writer.writeRaw(laterSteps)
    }

    /// Reads what ``write(to:)`` wrote for `entries`, checking that the candidates' records
    /// fill their column, that every node, candidate, entry and language it names is there,
    /// that every chain of candidates ends, and that the filters are a power of two words long.
    ///
    /// Without `checkingStructure` (a snapshot vouched for, ``SnapshotSection/checked``),
    /// only the shape of each part is checked, not its millions of records and steps: a walk
    /// still never reads outside the columns nor goes on forever.
    init(reading reader: inout BinaryReader, entries: IndexEntries, checkingStructure: Bool = true) throws(SnapshotError) {
        let nodeCount = try reader.readCount()
        let (candidates, places) = try MatchCandidates.read(from: &reader, entries: entries, checkingStructure: checkingStructure)
        let transitions = try TransitionTable(reading: &reader, nodeCount: Int32(clamping: nodeCount), candidatePlaces: places)
        let firstWords: Column<UInt64> = try reader.readColumn()
        let tokensBeforeSpace: Column<UInt64> = try reader.readColumn()
        let laterSteps: Column<UInt64> = try reader.readColumn()
        func isFilter(_ words: Column<UInt64>) -> Bool { !words.isEmpty && words.count & (words.count - 1) == 0 }
        guard nodeCount > 0, isFilter(firstWords), isFilter(tokensBeforeSpace), isFilter(laterSteps) else {
            throw .malformed("the term matcher does not fit together")
        }
        self.init(
            transitions: transitions, firstWords: firstWords, tokensBeforeSpace: tokensBeforeSpace, laterSteps: laterSteps,
            nodeCount: nodeCount, candidates: candidates, entries: entries)
    }
}
