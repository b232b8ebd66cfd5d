/// Decides whether two graphs are equal up to a renaming of blank nodes: the statements
/// without blank nodes must be the same, and a one-to-one map between the blank nodes must
/// turn the other statements of one graph into those of the other.
///
/// Blank nodes are first coloured by what surrounds them (refined until the colours settle,
/// as in the Weisfeiler-Lehman test), so the search for the map only tries nodes of equal
/// colour against each other.
struct Isomorphism {
    private let left: Side
    private let right: Side

    init(_ left: RDFGraph, _ right: RDFGraph) {
        self.left = Side(left)
        self.right = Side(right)
    }

    func holds() -> Bool {
        guard left.ground == right.ground, left.withBlanks.count == right.withBlanks.count,
            left.blanks.count == right.blanks.count
        else { return false }
        if left.blanks.isEmpty { return true }
        guard left.colourCounts == right.colourCounts else { return false }
        var mapping: [String: String] = [:]
        var used = Set<String>()
        let order = left.blanks.sorted { left.classSize($0, in: right) < left.classSize($1, in: right) }
        return search(order[...], &mapping, &used)
    }

    private func search(_ remaining: ArraySlice<String>, _ mapping: inout [String: String], _ used: inout Set<String>) -> Bool {
        guard let next = remaining.first else { return mapped(mapping) == right.withBlanks }
        let colour = left.colours[next]
        for candidate in right.blanks where right.colours[candidate] == colour && !used.contains(candidate) {
            mapping[next] = candidate
            used.insert(candidate)
            if search(remaining.dropFirst(), &mapping, &used) { return true }
            used.remove(candidate)
            mapping[next] = nil
        }
        return false
    }

    private func mapped(_ mapping: [String: String]) -> Set<RDFStatement> {
        Set(
            left.withBlanks.map { statement in
                var result = statement
                result.subject = Self.rename(statement.subject, mapping)
                result.object = Self.rename(statement.object, mapping)
                result.graph = statement.graph.map { Self.rename($0, mapping) }
                return result
            })
    }

    private static func rename(_ node: RDFNode, _ mapping: [String: String]) -> RDFNode {
        if case .blank(let label) = node, let target = mapping[label] { return .blank(target) }
        return node
    }

    /// One graph, split and coloured.
    private struct Side {
        let ground: Set<RDFStatement>
        let withBlanks: Set<RDFStatement>
        let blanks: [String]
        let colours: [String: Int]
        let colourCounts: [Int: Int]

        init(_ graph: RDFGraph) {
            var ground = Set<RDFStatement>()
            var withBlanks = Set<RDFStatement>()
            var blanks: [String] = []
            var seen = Set<String>()
            for statement in graph.statements {
                let labels = Self.blankLabels(statement)
                if labels.isEmpty {
                    ground.insert(statement)
                } else {
                    withBlanks.insert(statement)
                    for label in labels where seen.insert(label).inserted { blanks.append(label) }
                }
            }
            self.ground = ground
            self.withBlanks = withBlanks
            self.blanks = blanks
            colours = Self.refine(blanks, Array(withBlanks))
            colourCounts = colours.values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        }

        func classSize(_ label: String, in other: Side) -> Int {
            let colour = colours[label]
            return other.colours.values.filter { $0 == colour }.count
        }

        private static func blankLabels(_ statement: RDFStatement) -> [String] {
            [statement.subject, statement.object, statement.graph].compactMap { node in
                if case .blank(let label)? = node { return label }
                return nil
            }
        }

        /// Colours every blank node by the statements it is in, with the other blank nodes
        /// of those statements seen only through their colours, until the colours settle.
        private static func refine(_ blanks: [String], _ statements: [RDFStatement]) -> [String: Int] {
            var colours = Dictionary(uniqueKeysWithValues: blanks.map { ($0, 0) })
            var distinct = 1
            for _ in 0..<(blanks.count + 1) {
                var signatures: [String: [Int]] = [:]
                for statement in statements {
                    for (role, node) in [(0, statement.subject), (1, statement.object), (2, statement.graph)] {
                        guard case .blank(let label)? = node else { continue }
                        signatures[label, default: []].append(signature(statement, role: role, colours))
                    }
                }
                var next: [String: Int] = [:]
                for label in blanks {
                    var hasher = Hasher()
                    hasher.combine(colours[label])
                    hasher.combine((signatures[label] ?? []).sorted())
                    next[label] = hasher.finalize()
                }
                colours = next
                let count = Set(next.values).count
                if count == distinct { break }
                distinct = count
            }
            return colours
        }

        private static func signature(_ statement: RDFStatement, role: Int, _ colours: [String: Int]) -> Int {
            var hasher = Hasher()
            hasher.combine(role)
            hasher.combine(statement.predicate)
            for node in [statement.subject, statement.object, statement.graph] {
                switch node {
                case .blank(let label)?: hasher.combine(colours[label])
                case let other: hasher.combine(other)
                }
            }
            return hasher.finalize()
        }
    }
}
