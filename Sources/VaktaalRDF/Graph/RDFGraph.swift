/// A set of statements (a dataset when some are in named graphs), compared the way the RDF
/// test suites compare: up to a renaming of blank nodes.
public struct RDFGraph: Sendable, Equatable {
    /// The statements, without duplicates, in the order first met.
    public let statements: [RDFStatement]

    /// Collects statements, dropping repeats (a graph is a set). Language tags are compared
    /// without regard to case, as RDF 1.1 says, so they are kept lowercased here.
    public init(_ statements: some Sequence<RDFStatement>) {
        var seen = Set<RDFStatement>()
        var unique: [RDFStatement] = []
        for var statement in statements {
            if case .literal(var literal) = statement.object, let language = literal.language {
                literal.language = language.lowercased()
                statement.object = .literal(literal)
            }
            if seen.insert(statement).inserted { unique.append(statement) }
        }
        self.statements = unique
    }

    /// How many statements the graph has.
    public var count: Int { statements.count }

    /// Whether the two graphs are the same up to a renaming of blank nodes.
    public func isIsomorphic(to other: RDFGraph) -> Bool {
        Isomorphism(self, other).holds()
    }

    /// Graphs are equal when they are isomorphic.
    public static func == (lhs: RDFGraph, rhs: RDFGraph) -> Bool { lhs.isIsomorphic(to: rhs) }
}
