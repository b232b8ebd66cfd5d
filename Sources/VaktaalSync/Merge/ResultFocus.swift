import VaktaalCore

extension MergeState {
    /// Where the checks of a result need to look (``CheckFocus``): the concepts not kept as
    /// ours wrote them, with their labels and the labels of our concepts that the result does
    /// not keep as written. Every other concept is ours, unchanged, so an error about it and
    /// such labels alone was ours too, naming the same concepts: ours' concepts stay in ours'
    /// order. `nil` when the result must be checked whole: concepts were paired by label, two
    /// of our schemes share an id, a concept of ours comes twice or out of ours' order, or
    /// most concepts changed (a focus on nearly everything costs more than none).
    func checkFocus(_ assembly: Assembly) -> CheckFocus? {
        let ours = sides.ours.set
        guard !sides.hasRenames, Set(ours.vocabularies.map(\.id)).count == ours.vocabularies.count else { return nil }
        var concepts: [ConceptKey] = []
        var labels: [Label] = []
        var keptOurs = Array(repeating: false, count: ours.count)
        var lastKept = -1
        var flat = 0
        for vocabulary in assembly.vocabularies {
            for index in vocabulary.concepts.indices {
                if let kept = assembly.keptAsWritten[flat], kept.side == Self.index(of: .ours) {
                    guard kept.key.rawValue > lastKept else { return nil }
                    lastKept = kept.key.rawValue
                    keptOurs[kept.key.rawValue] = true
                } else {
                    concepts.append(ConceptKey(flat))
                    labels += vocabulary.concepts[index].labels
                }
                flat += 1
            }
        }
        guard concepts.count * 2 <= flat else { return nil }
        for key in ours.keys where !keptOurs[key.rawValue] { labels += ours[key].labels }
        return CheckFocus(concepts: concepts, labels: labels)
    }
}
