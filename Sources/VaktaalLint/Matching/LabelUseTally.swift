/// The uses of allowed labels that the batches of a document one core matches meet: the first
/// use of each label the core meets is looked at (kept among its batch's matches), every
/// other use only counted. Cores take the batches in order, so the first use of a label in
/// the document is always one that a core meets first: every batch after it on that core
/// only counts the label, and a text of a large vocabulary, which uses thousands of labels
/// in every batch, has the first use of each looked at once a core, not once a batch.
final class LabelUseTally {
    /// Each label this core met: one more than its uses counted since they were last taken.
    /// A repeated use is one look in this table (a large one at 100k concepts).
    private var met = UseCounts()
    /// The labels with uses counted since they were last taken.
    private var counted: [LabelUse] = []

    /// Whether `use` is the first use of its label that this core meets (then it is looked
    /// at); else it is counted.
    func isFirst(_ use: LabelUse) -> Bool {
        let earlier = met.add(use)
        if earlier == 1 { counted.append(use) }
        return earlier == 0
    }

    /// Counts `amount` uses (more than 0) that the scan counted itself, of a label whose
    /// first use this core met (the scan counts only uses of words whose match it was told
    /// were counted, ``TermMatcher/MatchHandling/counted``).
    func count(_ use: LabelUse, _ amount: Int) {
        let earlier = met.add(use, amount)
        precondition(earlier > 0, "only uses of a label met are counted")
        if earlier == 1 { counted.append(use) }
    }

    /// The uses only counted since the last call (for a batch to hand over), and counts again from none.
    func takeCounted() -> UseCounts {
        var taken = UseCounts()
        for use in counted { taken.add(use, met.reset(use, to: 1) - 1) }
        counted.removeAll(keepingCapacity: true)
        return taken
    }
}
