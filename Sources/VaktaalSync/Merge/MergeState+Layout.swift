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

/// How a merged scheme is written: in the layout of our file of it where that can be, else
/// in the canonical layout; with our file's line ends either way.
struct SchemeWriting: Sendable {
    let ourLayout: OurLayoutPlan?
    let lineEnding: LineEnding

    /// The scheme written in the canonical layout (with our line ends).
    var canonical: SchemeWriting { SchemeWriting(ourLayout: nil, lineEnding: lineEnding) }
}

extension MergeState {
    /// Per scheme of the assembled result, how to write it: in the layout of our file of it,
    /// but for a scheme we do not have, whose comments after its concepts (or what follows
    /// its root element) the merge changed,
    /// or whose file cannot be cut into its concepts (``OurFileLayout``), which are written in
    /// the canonical layout; with the line ends of our file (of a scheme we do not have, line feeds).
    func schemeWritings(_ assembly: Assembly) -> [SchemeWriting] {
        let ours = sides.ours.set
        let oursByID = Dictionary(ours.vocabularies.enumerated().map { ($1.id, $0) }) { first, _ in first }
        var flat = 0
        var writings: [SchemeWriting] = []
        for vocabulary in assembly.vocabularies {
            let range = flat..<flat + vocabulary.concepts.count
            flat = range.upperBound
            // The versions were loaded as base, ours and theirs: ours is the second.
            guard let schemeIndex = oursByID[vocabulary.id], let path = ours.vocabularies[schemeIndex].path,
                let file = read.file(readAs: path, inVersion: 1)
            else {
                writings.append(SchemeWriting(ourLayout: nil, lineEnding: .lineFeed))
                continue
            }
            let our = ours.vocabularies[schemeIndex]
            let lineEnding = file.bytes.withUnsafeBufferPointer { LineEnding(of: $0) }
            guard vocabulary.trailingComments == our.trailingComments, vocabulary.epilogComments == our.epilogComments,
                vocabulary.epilogInstructions == our.epilogInstructions, let layout = OurFileLayout(file, of: our)
            else {
                writings.append(SchemeWriting(ourLayout: nil, lineEnding: lineEnding))
                continue
            }
            let kept = assembly.keptAsWritten[range].map { template -> Int? in
                guard let template, template.side == Self.index(of: .ours), ours.schemeIndex(of: template.key) == schemeIndex
                else { return nil }
                return ours.indexInScheme(of: template.key)
            }
            let plan = OurLayoutPlan(layout: layout, kept: kept, newHead: !Self.hasSameHead(vocabulary, our))
            writings.append(SchemeWriting(ourLayout: plan, lineEnding: lineEnding))
        }
        return writings
    }

    /// Whether the merged scheme says what ours says of itself, with the same comments: our
    /// file's start then says it.
    private static func hasSameHead(_ merged: Vocabulary, _ our: Vocabulary) -> Bool {
        merged.prologComments == our.prologComments && merged.prologInstructions == our.prologInstructions
            && merged.headerComments == our.headerComments
            && SchemeContent(merged) == SchemeContent(our)
    }
}
