import VaktaalCore

/// What a diff applied or a merge decided, before it is written: the schemes of the result
/// in order, each with its concepts' contents in order, and where known the concept or
/// scheme each one comes from (its comments, the way its references and languages were
/// written, and its position in the file are kept).
struct AssemblyPlan: Sendable {
    /// The schemes of the result, in file order.
    var schemes: [SchemePlan]
}

/// One scheme of an ``AssemblyPlan``.
struct SchemePlan: Sendable {
    /// What the scheme says.
    var content: SchemeContent
    /// The scheme it comes from, for comments, the way metadata was written and the file name.
    var template: Vocabulary?
    /// Its concepts, in order.
    var concepts: [ConceptPlan]
}

/// One concept of a ``SchemePlan``.
struct ConceptPlan: Sendable {
    /// The concept's identity: with a template, always the identity of that concept in its
    /// version (the assembler relies on it to find neighbours placed from the same version).
    var identity: String
    /// What the concept says, with its identity as URI and identities for the concepts it
    /// names, its `id` the id it gets in the result; `nil` when it says exactly what its
    /// template says.
    var content: ConceptContent? {
        get { changed?.content }
        set { changed = newValue.map(Changed.init) }
    }
    /// The concept it comes from (always there when `content` is `nil`).
    var template: ConceptTemplate?
    /// The concept whose comments it keeps, when not its template's: a merge keeps the
    /// comments of the side that changed them, whichever side the rest comes from.
    var comments: ConceptTemplate?
    /// ``content``, boxed: most concepts of a plan say what their template says, and the
    /// plan of each then takes a few words, not a whole content.
    private var changed: Changed?

    private final class Changed: Sendable {
        let content: ConceptContent
        init(_ content: ConceptContent) { self.content = content }
    }

    /// A concept that says what `content` says.
    init(_ content: ConceptContent, template: ConceptTemplate? = nil) {
        identity = content.uri
        changed = Changed(content)
        self.template = template
    }

    /// A concept that says exactly what `template` says.
    init(identity: String, unchanged template: ConceptTemplate) {
        self.identity = identity
        changed = nil
        self.template = template
    }
}

/// A concept of one of the versions given to the ``Assembler``.
struct ConceptTemplate: Hashable, Sendable {
    /// The index of its version in ``Assembler/sides``.
    var side: Int
    /// The concept in that version.
    var key: ConceptKey
}

/// What an ``Assembler`` made of a plan.
struct Assembly: Sendable {
    /// The vocabularies of the plan.
    let vocabularies: [Vocabulary]
    /// Per concept of the vocabularies, in order: the concept of a version it is, as that
    /// version wrote it (`nil` for a concept built from its content, or given the comments of
    /// another).
    let keptAsWritten: [ConceptTemplate?]
}
