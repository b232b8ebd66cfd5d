/// The broader hierarchy has no cycle (a concept is never its own ancestor).
struct BroaderCycleCheck: VocabularyCheck {
    let rule: RuleID = "broader-cycle"
    let severity = Severity.error
    let summary = "no concept is broader than itself, directly or through others"

    func check(_ set: VocabularySet) -> [Finding] {
        StronglyConnected.components(count: set.count) { set.graph.broader(of: ConceptKey($0)).map(\.rawValue) }
            .filter { $0.count > 1 || set.graph.broader(of: ConceptKey($0[0])).contains(ConceptKey($0[0])) }
            .map { component in
                let keys = component.sorted().map(ConceptKey.init)
                let ids = keys.map { set[$0].id }
                let path = (ids + [ids[0]]).map { "'\($0)'" }.joined(separator: " → ")
                return diagnostic("broader relations form a cycle: \(path)", concept: keys[0], in: set)
            }
    }
}

/// Tarjan's strongly connected components, iterative so deep hierarchies cannot overflow
/// the stack.
enum StronglyConnected {
    static func components(count: Int, successors: (Int) -> [Int]) -> [[Int]] {
        var index = Array(repeating: -1, count: count)
        var low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var result: [[Int]] = []
        var next = 0
        for root in 0..<count where index[root] < 0 {
            var work: [(node: Int, successors: [Int], position: Int)] = [(root, successors(root), 0)]
            index[root] = next
            low[root] = next
            next += 1
            stack.append(root)
            onStack[root] = true
            while !work.isEmpty {
                let top = work.count - 1
                let node = work[top].node
                if work[top].position < work[top].successors.count {
                    let successor = work[top].successors[work[top].position]
                    work[top].position += 1
                    if index[successor] < 0 {
                        index[successor] = next
                        low[successor] = next
                        next += 1
                        stack.append(successor)
                        onStack[successor] = true
                        work.append((successor, successors(successor), 0))
                    } else if onStack[successor] {
                        low[node] = min(low[node], index[successor])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { low[parent] = min(low[parent], low[node]) }
                if low[node] == index[node] {
                    var component: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component.append(member)
                        if member == node { break }
                    }
                    result.append(component)
                }
            }
        }
        return result
    }
}
