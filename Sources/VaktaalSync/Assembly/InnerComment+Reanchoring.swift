import VaktaalCore

extension InnerComment {
    /// This comment of `template`, standing before the same child in `concept`, a concept
    /// built from it whose children may be others or in another order: the same label or
    /// note (by content), relation, mapping, notation or extension element; before the end
    /// tag when `concept` has no such child.
    func reanchored(from template: Concept, to concept: Concept) -> InnerComment {
        guard let child = before else { return self }
        func place<Child>(_ index: Int, of old: [Child], in new: [Child], same: (Child, Child) -> Bool) -> Int? {
            guard old.indices.contains(index) else { return nil }
            return new.firstIndex { same(old[index], $0) }
        }
        let moved: ConceptChild? =
            switch child {
            case .label(let index):
                place(index, of: template.labels, in: concept.labels) { LabelContent($0) == LabelContent($1) }.map { .label($0) }
            case .note(let index):
                place(index, of: template.notes, in: concept.notes) { NoteContent($0) == NoteContent($1) }.map { .note($0) }
            case .notation(let index):
                place(index, of: template.notations, in: concept.notations, same: ==).map { .notation($0) }
            case .relation(let index):
                place(index, of: template.relations, in: concept.relations) {
                    $0.kind == $1.kind && $0.reference == $1.reference
                }.map { .relation($0) }
            case .mapping(let index):
                place(index, of: template.mappings, in: concept.mappings) { $0.kind == $1.kind && $0.target == $1.target }.map {
                    .mapping($0)
                }
            case .extensionElement(let index):
                place(index, of: template.extensions, in: concept.extensions, same: ==).map { .extensionElement($0) }
            }
        return InnerComment(text, before: moved)
    }
}
