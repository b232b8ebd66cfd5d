import VaktaalCore

/// Which relations each built concept writes, so that every broader, narrower and related
/// pair its content names is written once on one side (twice for `related`), whether the
/// other concept is built too or kept as written.
struct RelationWriting {
    let sides: [SyncSide]
    /// The contents of the concepts that are built, by identity.
    let built: [String: ConceptContent]
    /// Where every concept of the result is, with its template.
    let places: [String: ResultPlace]
    /// For each built concept: the concepts of the result it writes as `narrower`.
    private var narrowerWritten: [String: Set<String>] = [:]

    init(
        sides: [SyncSide], built: [String: ConceptContent], places: [String: ResultPlace]
    ) {
        self.sides = sides
        self.built = built
        self.places = places
        for (identity, content) in built {
            let written = writtenTargets(of: identity, .narrower)
            narrowerWritten[identity] = Set(
                content.narrower.filter { child in
                    guard places[child] != nil else { return false }
                    if written.contains(child) { return true }
                    if let childContent = built[child] { return !childContent.broader.contains(identity) }
                    return !writtenTargets(of: child, .broader).contains(identity)
                })
        }
    }

    /// The relations a built concept writes, in the order its template wrote them, new ones after.
    func relations(
        of identity: String, _ content: ConceptContent, template: ConceptTemplate?, _ references: ReferenceText
    ) -> [ConceptRelation] {
        var wanted: [(kind: RelationKind, target: String)] = []
        for parent in content.broader.sorted() {
            let parentWrites =
                built[parent] != nil
                ? narrowerWritten[parent]?.contains(identity) == true
                : places[parent] != nil && writtenTargets(of: parent, .narrower).contains(identity)
            if !parentWrites { wanted.append((.broader, parent)) }
        }
        let narrower = narrowerWritten[identity] ?? []
        for child in content.narrower.sorted() where narrower.contains(child) || places[child] == nil {
            wanted.append((.narrower, child))
        }
        for other in content.related.sorted() { wanted.append((.related, other)) }
        var result: [ConceptRelation] = []
        if let template {
            let side = sides[template.side]
            let scheme = side.set.schemeIndex(of: template.key)
            for relation in side.set[template.key].relations {
                let target = side.identity(ofReference: relation.reference, fromScheme: scheme)
                guard let index = wanted.firstIndex(where: { $0.kind == relation.kind && $0.target == target }) else { continue }
                wanted.remove(at: index)
                result.append(
                    ConceptRelation(
                        kind: relation.kind, reference: references.reference(target),
                        extensionAttributes: relation.extensionAttributes))
            }
        }
        return result + wanted.map { ConceptRelation(kind: $0.kind, reference: references.reference($0.target)) }
    }

    /// The concepts that the template of `identity` writes as relations of `kind`, as identities.
    private func writtenTargets(of identity: String, _ kind: RelationKind) -> Set<String> {
        guard let template = places[identity]?.template else { return [] }
        return Self.writtenTargets(template, kind, in: sides)
    }

    /// Whether `template` writes a relation of `kind` to the concept with `identity`.
    static func writes(_ template: ConceptTemplate, _ kind: RelationKind, _ identity: String, in sides: [SyncSide]) -> Bool {
        writtenTargets(template, kind, in: sides).contains(identity)
    }

    /// The concepts `template` writes as relations of `kind`, as identities.
    static func writtenTargets(_ template: ConceptTemplate, _ kind: RelationKind, in sides: [SyncSide]) -> Set<String> {
        let side = sides[template.side]
        let scheme = side.set.schemeIndex(of: template.key)
        return Set(
            side.set[template.key].relations.filter { $0.kind == kind }.map {
                side.identity(ofReference: $0.reference, fromScheme: scheme)
            })
    }
}
