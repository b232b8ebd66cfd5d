import VaktaalRDF

/// The statements of a document, kept compactly for the importer: every IRI and blank node
/// once (blank nodes as `_:label`, which no IRI can be), every literal once per statement,
/// and each statement as three numbers, grouped by subject once reading is done.
final class StatementTable {
    /// IRIs and blank nodes, by number.
    private(set) var terms: [String] = []
    /// Which terms are blank nodes.
    private var blanks: [Bool] = []
    /// The first statement about each term (`Int32.max` for none), once grouped.
    private(set) var firstStatement: [Int32] = []
    private var numbers: [String: Int32] = [:]
    /// Literal objects, by number.
    private(set) var literals: [RDFLiteral] = []
    private(set) var subjects: [Int32] = []
    private(set) var predicates: [Int32] = []
    /// A term number, or `~n` (negative) for literal `n`.
    private(set) var objects: [Int32] = []
    /// How many statements came from named graphs (merged into one graph).
    private(set) var namedGraphStatements = 0
    /// Statements by subject, once ``group()`` has run: those of term `t` are
    /// `order[start[t]..<start[t + 1]]`.
    private(set) var order: [Int32] = []
    private(set) var start: [Int32] = []
    private var last: (subject: RDFNode, number: Int32)?
    /// Predicates by the address of their text: parsers hand the same few predicate
    /// strings over and over, and their address is found faster than their hash.
    private var predicateCache = PredicateCache()

    /// An empty table with room for about `expectedStatements`.
    init(expectedStatements: Int = 0) {
        subjects.reserveCapacity(expectedStatements)
        predicates.reserveCapacity(expectedStatements)
        objects.reserveCapacity(expectedStatements)
    }

    var count: Int { subjects.count }

    /// Adds a statement.
    func add(_ statement: RDFStatement) {
        let subject: Int32
        if let last, last.subject == statement.subject {
            subject = last.number
        } else {
            subject = number(statement.subject)
            last = (statement.subject, subject)
        }
        subjects.append(subject)
        predicates.append(predicateCache.number(statement.predicate) { number($0) })
        switch statement.object {
        case .literal(let literal):
            objects.append(~Int32(literals.count))
            literals.append(literal)
        case let node: objects.append(number(node))
        }
        if statement.graph != nil { namedGraphStatements += 1 }
    }

    /// The number of an IRI, made on first use.
    func number(_ iri: String) -> Int32 { number(iri, isBlank: false) }

    private func number(_ key: String, isBlank: Bool) -> Int32 {
        if let known = numbers[key] { return known }
        let made = Int32(terms.count)
        terms.append(key)
        blanks.append(isBlank)
        numbers[key] = made
        return made
    }

    private func number(_ node: RDFNode) -> Int32 {
        switch node {
        case .iri(let iri): number(iri, isBlank: false)
        case .blank(let label): number("_:" + label, isBlank: true)
        case .literal: -1
        }
    }

    /// The number of an IRI if the document has it.
    func existingNumber(_ iri: String) -> Int32? { numbers[iri] }

    /// Whether term `t` is a blank node.
    func isBlank(_ term: Int32) -> Bool { blanks[Int(term)] }

    /// Sorts the statements by subject (a counting sort: stable, in document order).
    func group() {
        var counts = [Int32](repeating: 0, count: terms.count + 1)
        for subject in subjects { counts[Int(subject) + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        start = counts
        firstStatement = [Int32](repeating: Int32.max, count: terms.count)
        var next = counts
        order = [Int32](repeating: 0, count: subjects.count)
        for (index, subject) in subjects.enumerated() {
            order[Int(next[Int(subject)])] = Int32(index)
            next[Int(subject)] += 1
            if firstStatement[Int(subject)] == Int32.max { firstStatement[Int(subject)] = Int32(index) }
        }
    }

    /// The statements whose subject is term `t`, in document order.
    func statements(about term: Int32) -> ArraySlice<Int32> {
        guard Int(term) + 1 < start.count else { return [] }
        return order[Int(start[Int(term)])..<Int(start[Int(term) + 1])]
    }

    /// The literal of statement `s`, if its object is one.
    func literal(_ statement: Int32) -> RDFLiteral? {
        let object = objects[Int(statement)]
        return object < 0 ? literals[Int(~object)] : nil
    }

    /// The term of statement `s`'s object, if it is not a literal.
    func objectTerm(_ statement: Int32) -> Int32? {
        let object = objects[Int(statement)]
        return object >= 0 ? object : nil
    }

    /// The object of statement `s` as text: the IRI, `_:label` or the literal's lexical form.
    func objectText(_ statement: Int32) -> String {
        let object = objects[Int(statement)]
        return object >= 0 ? terms[Int(object)] : literals[Int(~object)].lexicalForm
    }

    /// Statement `s` in N-Triples, for reports.
    func describe(_ statement: Int32) -> String {
        func node(_ term: Int32) -> RDFNode {
            let text = terms[Int(term)]
            return text.hasPrefix("_:") ? .blank(String(text.dropFirst(2))) : .iri(text)
        }
        let object = objects[Int(statement)]
        let objectNode: RDFNode = object >= 0 ? node(object) : .literal(literals[Int(~object)])
        return RDFStatement(
            subject: node(subjects[Int(statement)]), predicate: terms[Int(predicates[Int(statement)])], object: objectNode
        ).description
    }
}
