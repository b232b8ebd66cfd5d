import VaktaalCore

/// A merged scheme to write in the layout of our file of it.
struct OurLayoutPlan: Sendable {
    let layout: OurFileLayout
    /// Per concept of the merged scheme, the index of our concept it is as we wrote it, or `nil`.
    let kept: [Int?]
    /// Whether the merge changed what the scheme says of itself: the file's head is written anew.
    let newHead: Bool

    /// The merged scheme's bytes, or `nil` when our layout cannot carry them.
    func bytes(of vocabulary: Vocabulary) -> [UInt8]? {
        layout.bytes(of: vocabulary, keeping: kept, newHead: newHead)
    }
}

extension MergeState {
    /// Per scheme of the assembled result, how to write it in the layout of our file of it:
    /// `nil` for a scheme we do not have, whose comments after its concepts the merge changed,
    /// or whose file cannot be cut into its concepts (``OurFileLayout``). Those are written in
    /// the canonical layout.
    func ourLayouts(_ assembly: Assembly) -> [OurLayoutPlan?] {
        let ours = sides.ours.set
        let oursByID = Dictionary(ours.vocabularies.enumerated().map { ($1.id, $0) }) { first, _ in first }
        var flat = 0
        var plans: [OurLayoutPlan?] = []
        for vocabulary in assembly.vocabularies {
            let range = flat..<flat + vocabulary.concepts.count
            flat = range.upperBound
            guard let schemeIndex = oursByID[vocabulary.id] else {
                plans.append(nil)
                continue
            }
            let our = ours.vocabularies[schemeIndex]
            // The versions were loaded as base, ours and theirs: ours is the second.
            guard vocabulary.trailingComments == our.trailingComments, let path = our.path,
                let file = read.file(readAs: path, inVersion: 1),
                let layout = OurFileLayout(file, of: our)
            else {
                plans.append(nil)
                continue
            }
            let kept = assembly.keptAsWritten[range].map { template -> Int? in
                guard let template, template.side == Self.index(of: .ours), ours.schemeIndex(of: template.key) == schemeIndex
                else { return nil }
                return ours.indexInScheme(of: template.key)
            }
            plans.append(OurLayoutPlan(layout: layout, kept: kept, newHead: !Self.hasSameHead(vocabulary, our)))
        }
        return plans
    }

    /// Whether the merged scheme says what ours says of itself, with the same comments: our
    /// file's start then says it.
    private static func hasSameHead(_ merged: Vocabulary, _ our: Vocabulary) -> Bool {
        merged.prologComments == our.prologComments && merged.headerComments == our.headerComments
            && SchemeContent(merged) == SchemeContent(our)
    }
}
