/// Every label form of a set in one flat table, each with the hash of its case fold and of
/// its language: what the checks that compare labels across concepts look up
/// (``LabelFormCheck``). The checker gathers it in its one pass over the concepts: a
/// concept's labels are objects of their own, scattered through memory, so they are read
/// once for all these checks instead of once for each. A check reads a label's text again
/// only when another form shares its hash.
struct LabelForms: Sendable {
    /// One form of a label.
    struct Form: Sendable {
        let key: ConceptKey
        /// The label's place among its concept's labels.
        let label: Int32
        /// The form's place among the label's forms (``Label/forEachForm(_:)``): 0 is the
        /// label's text.
        let ordinal: Int32
        let kind: LabelKind
        /// Whether the form has no characters.
        let isEmpty: Bool
        /// ``FoldedForm/hash(of:)`` of the form.
        let fold: UInt64
        /// The hash of the label's language tag (equal for tags that are `==`).
        let language: UInt64
    }

    /// The forms as they were gathered, range by range of concepts.
    private let ranges: [[Form]]

    /// The forms, concept by concept, label by label, in their order.
    var forms: FlattenSequence<[[Form]]> { ranges.joined() }

    /// The forms of every concept of `set`.
    init(_ set: VocabularySet) {
        var forms: [Form] = []
        for key in set.keys { Self.gather(key, in: set, into: &forms) }
        ranges = [forms]
    }

    /// The forms gathered range by range (``gather(_:in:into:)``), the ranges in key order:
    /// kept as they are, not copied into one array.
    init(gathered ranges: [[Form]]) {
        self.ranges = ranges
    }

    /// Appends the forms of the concept `key` to `forms`.
    static func gather(_ key: ConceptKey, in set: VocabularySet, into forms: inout [Form]) {
        let labels = set[key].labels
        for index in labels.indices { gather(labels[index], index, of: key, into: &forms) }
    }

    /// Appends the forms of `label`, the label at `index` of the concept `key`, to `forms`.
    static func gather(_ label: Label, _ index: Int, of key: ConceptKey, into forms: inout [Form]) {
        let language = languageHash(label.language)
        var ordinal: Int32 = 0
        label.forEachForm { text in
            forms.append(form(text, ordinal, of: label, index, key, language: language))
            ordinal += 1
        }
    }

    /// The form of `label`'s text, the label at `index` of the concept `key`.
    static func textForm(of label: Label, _ index: Int, key: ConceptKey) -> Form {
        form(label.text, 0, of: label, index, key, language: languageHash(label.language))
    }

    private static func form(
        _ text: String, _ ordinal: Int32, of label: Label, _ index: Int, _ key: ConceptKey, language: UInt64
    ) -> Form {
        Form(
            key: key, label: Int32(index), ordinal: ordinal, kind: label.kind, isEmpty: text.isEmpty,
            fold: FoldedForm.hash(of: text), language: language)
    }

    /// The hash of a language tag, as `==` compares tags (canonically equivalent tags hash
    /// alike): a tag is compared again when two hashes meet.
    private static func languageHash(_ tag: String) -> UInt64 {
        UInt64(bitPattern: Int64(tag.hashValue))
    }
}

/// A check that compares labels across concepts by their forms (``LabelForms``), which the
/// checker gathers once for all such checks.
protocol LabelFormCheck: VocabularyCheck {
    /// Every violation in `set`, whose label forms are `forms`.
    func check(_ set: VocabularySet, forms: LabelForms) -> [Finding]
}

extension LabelFormCheck {
    /// The check alone: the forms gathered for it.
    func check(_ set: VocabularySet) -> [Finding] { check(set, forms: LabelForms(set)) }
}
