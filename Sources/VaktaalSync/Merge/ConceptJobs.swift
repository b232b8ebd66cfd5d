import VaktaalCore

/// Every concept of the three versions of a merge, one job each, in the order the result
/// is planned: ours in our order (job `i` is our concept `i`), then those only they have,
/// then those only the base has. Found in parallel, without a dictionary of identities.
struct ConceptJobs: Sendable {
    let sides: MergeSides
    /// The jobs, in order.
    let list: [ConceptDecider.Job]
    /// Per concept of theirs: its job (ours' job when ours has the concept too).
    let ofTheirs: [Int]
    /// Per concept of the base: its job.
    private let ofBase: [Int]
    /// For an identity that more than one concept of a version has (a repeated id): the jobs
    /// after the first, by the first. What the merge decides for the identity goes to them all.
    private let repeats: [Int: [Int]]

    init(_ sides: MergeSides) {
        self.sides = sides
        let (base, ours, theirs) = (sides.base, sides.ours, sides.theirs)
        var repeats: [Int: [Int]] = [:]
        if ours.keyByIdentity.count < ours.set.count {
            for (index, identity) in ours.identities.enumerated() {
                if let first = ours.keyByIdentity[identity]?.rawValue, first != index {
                    repeats[first, default: []].append(index)
                }
            }
        }
        var list = Parallel.map(ours.set.count) { index in
            let identity = ours.identities[index]
            return ConceptDecider.Job(
                identity: identity, ours: ConceptKey(index), theirs: theirs.keyByIdentity[identity],
                base: base.keyByIdentity[identity])
        }
        var ofTheirs = Parallel.map(theirs.set.count) { ours.keyByIdentity[theirs.identities[$0]]?.rawValue ?? -1 }
        for index in ofTheirs.indices where ofTheirs[index] < 0 {
            ofTheirs[index] = list.count
            let identity = theirs.identities[index]
            if let first = theirs.keyByIdentity[identity]?.rawValue, first != index {
                repeats[ofTheirs[first], default: []].append(list.count)
            }
            list.append(.init(identity: identity, ours: nil, theirs: ConceptKey(index), base: base.keyByIdentity[identity]))
        }
        let theirsJobs = ofTheirs
        var ofBase = Parallel.map(base.set.count) { index -> Int in
            let identity = base.identities[index]
            if let key = ours.keyByIdentity[identity] { return key.rawValue }
            return theirs.keyByIdentity[identity].map { theirsJobs[$0.rawValue] } ?? -1
        }
        for index in ofBase.indices where ofBase[index] < 0 {
            ofBase[index] = list.count
            if let first = base.keyByIdentity[base.identities[index]]?.rawValue, first != index {
                repeats[ofBase[first], default: []].append(list.count)
            }
            list.append(.init(identity: base.identities[index], ours: nil, theirs: nil, base: ConceptKey(index)))
        }
        self.list = list
        self.ofTheirs = ofTheirs
        self.ofBase = ofBase
        self.repeats = repeats
    }

    /// How many jobs there are.
    var count: Int { list.count }

    /// The job of the first concept with `identity` in ours, else theirs, else the base.
    func first(of identity: String) -> Int? {
        if let key = sides.ours.keyByIdentity[identity] { return key.rawValue }
        if let key = sides.theirs.keyByIdentity[identity] { return ofTheirs[key.rawValue] }
        return sides.base.keyByIdentity[identity].map { ofBase[$0.rawValue] }
    }

    /// Every job of `identity`: the first, and those of the concepts that repeat it.
    func all(of identity: String) -> [Int] {
        guard let first = first(of: identity) else { return [] }
        return [first] + (repeats[first] ?? [])
    }
}
