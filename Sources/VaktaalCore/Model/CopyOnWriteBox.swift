/// The shared box behind the model's larger value types (``Concept``, ``Label``): their
/// fields live in one box, so copying a value costs one reference count instead of one per
/// field, and a change copies the box first when another value still shares it.
@usableFromInline
package final class CopyOnWriteBox<Fields: Sendable>: @unchecked Sendable {
    // Mutated only through `unique(_:)`, after a uniqueness check, so value semantics hold;
    // the static exclusivity checks on the owning value make dynamic ones redundant.
    @usableFromInline @exclusivity(unchecked) package var fields: Fields

    @usableFromInline
    package init(_ fields: Fields) { self.fields = fields }

    /// The box to change in place: `box` itself when nothing else shares it, else a copy
    /// that replaces it.
    @inlinable
    package static func unique(_ box: inout CopyOnWriteBox) -> CopyOnWriteBox {
        if !isKnownUniquelyReferenced(&box) { box = CopyOnWriteBox(box.fields) }
        return box
    }
}

extension CopyOnWriteBox: Equatable where Fields: Equatable {
    @inlinable
    package static func == (lhs: CopyOnWriteBox, rhs: CopyOnWriteBox) -> Bool { lhs === rhs || lhs.fields == rhs.fields }
}

extension CopyOnWriteBox: Hashable where Fields: Hashable {
    @inlinable
    package func hash(into hasher: inout Hasher) { hasher.combine(fields) }
}
