/// A check that decides on each concept by itself, from its own labels, notes and
/// relations. The checker runs all of them in one pass over the concepts, a range of
/// concepts on each core: a concept is then read from memory once for all of them, not once
/// for each (reading the concepts, not deciding, is what these checks spend their time on).
protocol ConceptCheck: VocabularyCheck {
    /// Adds this check's findings on the concept with `key` to `findings`.
    func check(_ key: ConceptKey, in set: VocabularySet, into findings: inout [Finding])
}

extension ConceptCheck {
    /// The check alone: every concept in turn.
    func check(_ set: VocabularySet) -> [Finding] {
        var findings: [Finding] = []
        for key in set.keys { check(key, in: set, into: &findings) }
        return findings
    }
}
