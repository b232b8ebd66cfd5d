import VaktaalCore

extension InnerComment {
    /// This comment of `template`, standing before the same child in `concept`, a concept
    /// built from it whose children may be others or in another order: the same label or
    /// note (by content), relation, mapping, notation or extension element; else the child
    /// in the same place among those of its kind (and language) when only their content
    /// changed, as a definition whose text changed; before the end tag when `concept` has no
    /// such child.
    func reanchored(from template: Concept, to concept: Concept) -> InnerComment {
        guard let child = before else { return self }
        let moved: ConceptChild? =
            switch child {
            case .label(let index):
                placeOfTheSameChild(
                    index, of: template.labels, in: concept.labels, same: { LabelContent($0) == LabelContent($1) },
                    slot: { [$0.kind.rawValue, $0.language] }
                ).map { .label($0) }
            case .note(let index):
                placeOfTheSameChild(
                    index, of: template.notes, in: concept.notes, same: { NoteContent($0) == NoteContent($1) },
                    slot: { [$0.kind.rawValue, $0.language] }
                ).map { .note($0) }
            case .notation(let index):
                placeOfTheSameChild(index, of: template.notations, in: concept.notations, same: ==, slot: { _ in [] }).map {
                    .notation($0)
                }
            case .relation(let index):
                placeOfTheSameChild(
                    index, of: template.relations, in: concept.relations,
                    same: { $0.kind == $1.kind && $0.reference == $1.reference }, slot: { [$0.kind.rawValue] }
                ).map { .relation($0) }
            case .mapping(let index):
                placeOfTheSameChild(
                    index, of: template.mappings, in: concept.mappings, same: { $0.kind == $1.kind && $0.target == $1.target },
                    slot: { [$0.kind.rawValue] }
                ).map { .mapping($0) }
            case .extensionElement(let index):
                placeOfTheSameChild(
                    index, of: template.extensions, in: concept.extensions, same: ==,
                    slot: { [$0.namespaceURI, $0.localName] }
                ).map { .extensionElement($0) }
            }
        return InnerComment(text, before: moved)
    }
}

extension HeaderComment {
    /// This comment of `template`, standing before the same field in `scheme`, a scheme
    /// built from it: the same metadata entry (by content) or extension element, else the
    /// one in the same place among those of its kind (and language) when only their content
    /// changed; before them all when `scheme` has no such field.
    func reanchored(from template: Vocabulary, to scheme: Vocabulary) -> HeaderComment {
        let moved: SchemeField? =
            switch before {
            case nil: nil
            case .metadata(let index):
                placeOfTheSameChild(
                    index, of: template.metadata, in: scheme.metadata,
                    same: { $0.kind == $1.kind && $0.language == $1.language && $0.text == $1.text },
                    slot: { [$0.kind.rawValue, $0.language] }
                ).map { .metadata($0) }
            case .extensionElement(let index):
                placeOfTheSameChild(
                    index, of: template.extensions, in: scheme.extensions, same: ==, slot: { [$0.namespaceURI, $0.localName] }
                ).map { .extensionElement($0) }
            }
        return HeaderComment(text, before: moved)
    }
}

/// The place in `new` of the child `old[index]`: the same one (`same`), else, where `new`
/// has as many children of its slot (`slot`: its kind, language) as `old` (one was changed,
/// none added or removed), the one in its place among them; `nil` for a child that is gone.
private func placeOfTheSameChild<Child>(
    _ index: Int, of old: [Child], in new: [Child], same: (Child, Child) -> Bool, slot: (Child) -> [String]
) -> Int? {
    guard old.indices.contains(index) else { return nil }
    if let same = new.firstIndex(where: { same(old[index], $0) }) { return same }
    let ownSlot = slot(old[index])
    let sameSlot = new.indices.filter { slot(new[$0]) == ownSlot }
    guard sameSlot.count == old.count(where: { slot($0) == ownSlot }) else { return nil }
    return sameSlot[old[..<index].count { slot($0) == ownSlot }]
}
