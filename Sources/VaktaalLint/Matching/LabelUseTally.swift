/// The uses of allowed labels that the batches of a document one core matches meet: the first
/// use of each label the core meets is looked at (kept among its batch's matches), every
/// other use only counted. Cores take the batches in order, so the first use of a label in
/// the document is always one that a core meets first: every batch after it on that core
/// only counts the label, and a text of a large vocabulary, which uses thousands of labels
/// in every batch, has the first use of each looked at once a core, not once a batch. The
/// counts are taken once, when the core has matched its last batch (``repeatedUses``): a
/// document's rules need only their sums.
final class LabelUseTally {
    /// Each label this core met: one more than its uses only counted.
    /// A repeated use is one look in this table (a large one at 100k concepts). A tally
    /// serves one core (each makes its own, and never hands it to another thread) and its
    /// calls never overlap, so access to it is not checked at run time (a check cost as much
    /// as the look itself).
    @exclusivity(unchecked) private var met = UseCounts()

    /// Whether `use` is the first use of its label that this core meets (then it is looked
    /// at); else it is counted.
    func isFirst(_ use: LabelUse) -> Bool {
        met.add(use) == 0
    }

    /// Counts `amount` uses (more than 0) that the scan counted itself, of a label whose
    /// first use this core met (the scan counts only uses of words whose match it was told
    /// were counted, ``TermMatcher/MatchHandling/counted``).
    func count(_ use: LabelUse, _ amount: Int) {
        let earlier = met.add(use, amount)
        precondition(earlier > 0, "only uses of a label met are counted")
    }

    /// The uses only counted, by label: all but the first of each label met.
    var repeatedUses: UseCounts { met.lessOneEach }
}

/// A tally is one core's: it is never handed to another thread (its table is not checked
/// for overlapping access).
@available(*, unavailable)
extension LabelUseTally: Sendable {}
