/// The uses of allowed labels that the batches of a document one core matches meet: the first
/// use of each label the core meets is looked at (kept among its batch's matches), every
/// other use only counted. Cores take the batches in order, so the first use of a label in
/// the document is always one that a core meets first: every batch after it on that core
/// only counts the label, and a text of a large vocabulary, which uses thousands of labels
/// in every batch, has the first use of each looked at once a core, not once a batch.
final class LabelUseTally {
    /// The labels whose first use (for this core) was looked at.
    private var lookedAt = UseCounts()
    /// The uses only counted since they were last taken.
    private var counted = UseCounts()

    /// Whether `use` is the first use of its label that this core meets (then it is looked
    /// at); else it is counted.
    func isFirst(_ use: LabelUse) -> Bool {
        guard lookedAt.add(use) == 0 else {
            counted.add(use)
            return false
        }
        return true
    }

    /// Counts `amount` uses (more than 0) that the scan counted itself.
    func count(_ use: LabelUse, _ amount: Int) {
        counted.add(use, amount)
    }

    /// The uses only counted since the last call (for a batch to hand over), and counts again from none.
    func takeCounted() -> UseCounts {
        defer { counted = UseCounts() }
        return counted
    }
}
