/// Following `replacedBy` never leads back to where it started.
struct ReplacementCycleCheck: VocabularyCheck {
    let rule: RuleID = "replacement-cycle"
    let severity = Severity.error
    let summary = "replacedBy chains do not cycle"

    func check(_ set: VocabularySet) -> [Finding] {
        Self.cycles(replacements: set.keys.map { set.replacement(of: $0)?.rawValue ?? -1 }).map { cycle in
            let keys = cycle.sorted().map(ConceptKey.init)
            let ids = keys.map { "'\(set[$0].id)'" }.joined(separator: ", ")
            return diagnostic("replacedBy goes round in a circle through \(ids)", concept: keys[0], in: set)
        }
    }

    /// The cycles of a graph where each node leads to at most one other (`-1`: to none), in
    /// the order of the first node whose chain runs into each. Each chain is followed once:
    /// a node is left behind for good once a chain through it has been followed to its end.
    static func cycles(replacements next: [Int]) -> [[Int]] {
        enum Visit { case unseen, onChain, done }
        var visit = Array(repeating: Visit.unseen, count: next.count)
        var cycles: [[Int]] = []
        var chain: [Int] = []
        for start in next.indices where visit[start] == .unseen {
            var node = start
            while node >= 0, visit[node] == .unseen {
                visit[node] = .onChain
                chain.append(node)
                node = next[node]
            }
            if node >= 0, visit[node] == .onChain, let entry = chain.firstIndex(of: node) {
                cycles.append(Array(chain[entry...]))
            }
            for member in chain { visit[member] = .done }
            chain.removeAll(keepingCapacity: true)
        }
        return cycles
    }
}
