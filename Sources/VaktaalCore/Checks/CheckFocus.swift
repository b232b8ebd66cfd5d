/// What a focused run of the checks looks at, when a set differs a little from one whose
/// findings are known (a merge result and our version): the concepts that differ, and the
/// labels they have or had.
///
/// A focused run finds every finding of the full run that is about one of these concepts
/// (the ``ConceptCheck``s look at them only) or that concerns a label whose text or case fold
/// one of these labels shares (the label rules that compare concepts with each other look
/// only at those texts); the other rules run whole. A finding it does not look for is about
/// unchanged concepts and labels only: the set it was made from had it too, provided its
/// unchanged concepts keep their order. (Exact for concept checks that read their own
/// concept only, as the error rules do; `reflexive-relation`, a warning, also resolves the
/// concept's references in the set.)
package struct CheckFocus: Sendable {
    /// The concepts that differ, in key order.
    package let concepts: [ConceptKey]
    /// The texts of the labels the differing concepts have or had.
    let labelTexts: Set<String>
    /// The hashes of the case folds of those labels' forms (``FoldedForm``).
    let foldedForms: Set<UInt64>
    /// A bit per folded-form hash (a Bloom filter of one function), so that most forms of a
    /// large set are turned away without hashing their hash again.
    private let formBits: [UInt64]

    /// A focus on `concepts` of the set checked, whose labels, together with those the same
    /// concepts had before and those of concepts that are gone, are `labels`.
    package init(concepts: [ConceptKey], labels: [Label]) {
        self.concepts = concepts.sorted { $0.rawValue < $1.rawValue }
        labelTexts = Set(labels.map(\.text))
        var forms = Set<UInt64>()
        for label in labels { label.forEachForm { forms.insert(FoldedForm.hash(of: $0)) } }
        foldedForms = forms
        var bits = [UInt64](repeating: 0, count: Self.formWords)
        for hash in forms { bits[Self.word(hash)] |= Self.bit(hash) }
        formBits = bits
    }

    /// Whether a form whose case fold has this hash folds like one of the focus's forms.
    func hasForm(_ hash: UInt64) -> Bool {
        formBits[Self.word(hash)] & Self.bit(hash) != 0 && foldedForms.contains(hash)
    }

    private static let formWords = 1 << 12
    private static func word(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 40) & (formWords - 1) }
    private static func bit(_ hash: UInt64) -> UInt64 { 1 << (hash >> 58) }
}

/// A rule comparing concepts with each other that can look at only part of a set.
protocol FocusableCheck: VocabularyCheck {
    /// Every finding of ``VocabularyCheck/check(_:)`` that concerns the focus (and maybe others).
    func check(_ set: VocabularySet, focus: CheckFocus) -> [Finding]
}
