import VaktaalCore

/// Turns an ``AssemblyPlan`` into vocabularies that say exactly what the plan says.
///
/// A concept whose content is that of its template, in a version whose references still
/// name the same concepts in the result, is kept as written. Any other concept is built
/// from its content, taking from its template what it can (comments, labels, notes and
/// mappings written the same way, the way its references were written).
///
/// Relations are a property of pairs: `broader` on the child and `narrower` on the parent
/// say the same. A built concept writes each broader concept as `broader`, unless the
/// parent already writes it as `narrower`; it writes a narrower concept as `narrower` only
/// when its template did or the child does not write the `broader`. Related concepts are
/// written on both sides. References that name no concept of the result are written as
/// they were, so that `vaktaal check` reports them.
struct Assembler: Sendable {
    /// The versions that templates come from.
    let sides: [SyncSide]
    /// The versions whose concepts may be kept as written.
    let verbatimSides: Set<Int>

    /// The vocabularies of the plan.
    func assemble(_ plan: AssemblyPlan) -> [Vocabulary] { assembled(plan).vocabularies }

    /// The vocabularies of the plan, and which of their concepts are kept as written.
    func assembled(_ plan: AssemblyPlan) -> Assembly {
        // The versions' sets, taken out once for the reads of every concept below: read
        // through `sides` on every core at once, each read retained the same objects from both.
        let sets = sides.map(\.set)
        var places: [String: ResultPlace] = [:]
        places.reserveCapacity(plan.schemes.reduce(0) { $0 + $1.concepts.count })
        for (schemeIndex, scheme) in plan.schemes.enumerated() {
            let ids = Parallel.map(scheme.concepts.count) { Self.outputID(of: scheme.concepts[$0], in: sets) }
            for (concept, id) in zip(scheme.concepts, ids) {
                places[concept.identity] = ResultPlace(scheme: schemeIndex, id: id, template: concept.template)
            }
        }
        let matches = plan.schemes.map { SchemeMatch($0, sides: sides) }
        let moved = movedIdentities(plan, matches)
        var changed: [String: ConceptContent] = [:]
        for (scheme, match) in zip(plan.schemes, matches) {
            let contents = Parallel.map(scheme.concepts.count) { contentToBuild(scheme.concepts[$0], match, moved) }
            for (concept, content) in zip(scheme.concepts, contents) where content != nil {
                changed[concept.identity] = content
            }
        }
        let built = changed.merging(uncovered(plan, built: changed, places: places)) { first, _ in first }
        let schemeIDs = plan.schemes.map(\.content.id)
        let relations = RelationWriting(sides: sides, built: built, places: places)
        var keptAsWritten: [ConceptTemplate?] = []
        let vocabularies = plan.schemes.enumerated().map { schemeIndex, scheme in
            let references = ReferenceText(schemeIndex: schemeIndex, schemeIDs: schemeIDs, places: places)
            let defaultLanguage = scheme.content.defaultLanguage
            // How each planned concept is made is decided first (`nil`: it has neither content
            // nor template, and is not in the result); then each concept is made in its place.
            let making = Parallel.map(scheme.concepts.count) { index -> ConceptMaking? in
                let plan = scheme.concepts[index]
                if let content = built[plan.identity] { return .built(content) }
                return plan.template.map(ConceptMaking.kept)
            }
            let included = making.indices.compactMap { index in making[index].map { (index: index, making: $0) } }
            let concepts = Parallel.map(included.count) { position -> Concept in
                let plan = scheme.concepts[included[position].index]
                var concept: Concept
                switch included[position].making {
                case .kept(let template): concept = sets[template.side][template.key]
                case .built(let content):
                    let written = relations.relations(of: plan.identity, content, template: plan.template, references)
                    concept = build(content, template: plan.template, relations: written, references, defaultLanguage)
                }
                if let source = plan.comments.map({ sets[$0.side][$0.key] }) {
                    concept.leadingComments = source.leadingComments
                    concept.innerComments = source.innerComments.map { $0.reanchored(from: source, to: concept) }
                }
                return concept
            }
            // A concept kept with another's comments is not as its template wrote it.
            keptAsWritten += included.map { scheme.concepts[$0.index].comments == nil ? $0.making.keptTemplate : nil }
            return SchemeBuilder.vocabulary(scheme, concepts: concepts)
        }
        return Assembly(vocabularies: vocabularies, keptAsWritten: keptAsWritten)
    }

    /// Concepts kept as written whose relations their version wrote on the other concept,
    /// when that concept comes from another version and does not write them: to be built
    /// instead, so that no relation is lost between two concepts kept from different versions.
    /// (Looked for in parallel: every kept concept's neighbours are looked at.)
    private func uncovered(
        _ plan: AssemblyPlan, built: [String: ConceptContent], places: [String: ResultPlace]
    ) -> [String: ConceptContent] {
        // Per version, per concept: whether the result places its identity from that version,
        // so that most neighbours are settled without looking their identity up.
        var placed = sides.map { Array(repeating: false, count: $0.set.count) }
        for case let template? in places.values.lazy.map(\.template) { placed[template.side][template.key.rawValue] = true }
        let placedFromOwnSide = placed
        // Read out of each version once: a graph read out of its set per concept is copied,
        // retaining its storage from every core at once.
        let graphs = sides.map(\.set.graph)
        var demoted: [String: ConceptContent] = [:]
        for scheme in plan.schemes {
            let found = Parallel.map(scheme.concepts.count) { index -> (String, ConceptContent)? in
                let concept = scheme.concepts[index]
                guard let template = concept.template, built[concept.identity] == nil else { return nil }
                return isUncovered(
                    concept.identity, template, graph: graphs[template.side], built: built, places: places,
                    placedFromOwnSide[template.side])
                    ? (concept.identity, sides[template.side].content(at: template.key)) : nil
            }
            for case (let identity, let content)? in found { demoted[identity] = content }
        }
        return demoted
    }

    /// Each kind of relation with its inverse.
    private static let relationPairs: [(RelationKind, RelationKind)] = [
        (.broader, .narrower), (.narrower, .broader), (.related, .related),
    ]

    /// Whether the kept concept `identity` relies on a relation that its neighbour from
    /// another version, also kept, does not write.
    private func isUncovered(
        _ identity: String, _ template: ConceptTemplate, graph: ConceptGraph, built: [String: ConceptContent],
        places: [String: ResultPlace], _ placedFromOwnSide: [Bool]
    ) -> Bool {
        var written: [(RelationKind, String)]?
        for (kind, inverse) in Self.relationPairs {
            let keys =
                switch kind {
                case .broader: graph.broader(of: template.key)
                case .narrower: graph.narrower(of: template.key)
                case .related: graph.related(of: template.key)
                }
            for key in keys where !placedFromOwnSide[key.rawValue] {
                let side = sides[template.side]
                let partner = side.identities[key.rawValue]
                guard let other = places[partner]?.template, other.side != template.side, built[partner] == nil else {
                    continue
                }
                let own =
                    written
                    ?? side.set[template.key].relations.map {
                        (
                            $0.kind,
                            side.identity(ofReference: $0.reference, fromScheme: side.set.schemeIndex(of: template.key))
                        )
                    }
                written = own
                if own.contains(where: { $0.0 == kind && $0.1 == partner }) { continue }
                if RelationWriting.writes(other, inverse, identity, in: sides) { continue }
                return true
            }
        }
        return false
    }

    /// The id a concept gets in the result.
    private static func outputID(of concept: ConceptPlan, in sets: [VocabularySet]) -> String {
        if let content = concept.content { return content.id }
        return concept.template.map { sets[$0.side][$0.key].id } ?? ""
    }

    /// Identities whose id or scheme in the result differs from their template's: written
    /// references to them must be written anew.
    private func movedIdentities(_ plan: AssemblyPlan, _ matches: [SchemeMatch]) -> Set<String> {
        var moved = Set<String>()
        for (scheme, match) in zip(plan.schemes, matches) {
            let found = Parallel.map(scheme.concepts.count) { index -> Bool in
                let concept = scheme.concepts[index]
                guard let template = concept.template, verbatimSides.contains(template.side) else { return false }
                if let content = concept.content, sides[template.side].set[template.key].id != content.id { return true }
                return !match.hasSameID(template, sides)
            }
            for (concept, isMoved) in zip(scheme.concepts, found) where isMoved { moved.insert(concept.identity) }
        }
        return moved
    }

    /// The content to build a concept from, or `nil` when it is kept as its template wrote it.
    private func contentToBuild(_ concept: ConceptPlan, _ match: SchemeMatch, _ moved: Set<String>) -> ConceptContent? {
        guard let template = concept.template else { return concept.content }
        let side = sides[template.side]
        var keep =
            verbatimSides.contains(template.side) && (moved.isEmpty || !moved.contains(concept.identity))
            && match.hasSameIDAndLanguage(template, sides)
        if keep, !moved.isEmpty {
            let written = side.set[template.key]
            let from = side.set.schemeIndex(of: template.key)
            var references = written.relations.map(\.reference) + (written.replacedBy.map { [$0] } ?? [])
            for mapping in written.mappings {
                if case .reference(let reference) = mapping.target { references.append(reference) }
            }
            keep = references.allSatisfy { !moved.contains(side.identity(ofReference: $0, fromScheme: from)) }
        }
        guard let content = concept.content else { return keep ? nil : side.content(at: template.key) }
        return keep && side.content(at: template.key) == content ? nil : content
    }

    /// A concept built from its content, its template supplying what it can.
    private func build(
        _ content: ConceptContent, template source: ConceptTemplate?, relations: [ConceptRelation],
        _ references: ReferenceText, _ defaultLanguage: String?
    ) -> Concept {
        let template = source.map { sides[$0.side].set[$0.key] }
        let templateSide = source.map { sides[$0.side] }
        let sameLanguage = source.map { sides[$0.side].set.schemeLanguage(of: $0.key) == defaultLanguage }
        let reusable = sameLanguage == true ? template : nil
        let labels = Reuse.ordered(
            content.labels, written: reusable?.labels ?? [], content: LabelContent.init,
            make: { Label($0, declaredLanguage: Self.declared($0.language, defaultLanguage)) })
        let notes = Reuse.ordered(
            content.notes, written: reusable?.notes ?? [], content: NoteContent.init,
            make: { Note($0, declaredLanguage: Self.declared($0.language, defaultLanguage)) })
        var mappings: [Mapping] = []
        var remaining = content.mappings
        if let template, let templateSide, let key = source?.key {
            let scheme = templateSide.set.schemeIndex(of: key)
            for mapping in template.mappings {
                let target = MappingContent(
                    kind: mapping.kind, target: templateSide.identity(of: mapping.target, fromScheme: scheme))
                guard remaining.remove(target) != nil else { continue }
                var kept = mapping
                if case .reference = mapping.target { kept.target = .reference(references.reference(target.target)) }
                kept.position = nil
                mappings.append(kept)
            }
        }
        mappings += remaining.sorted().map { Mapping(kind: $0.kind, target: references.mappingTarget($0.target)) }
        var concept = Concept(
            id: content.id, isTopConcept: content.isTopConcept, isDeprecated: content.isDeprecated,
            replacedBy: content.replacedBy.map(references.reference), modified: content.modified, labels: labels,
            notes: notes, relations: relations, mappings: mappings,
            notations: Reuse.keptOrder(content.notations, written: template?.notations ?? []) { $0 },
            extensions: Reuse.keptOrder(
                content.extensions, written: template?.extensions ?? [], sortKey: String.init(describing:)),
            extensionAttributes: Reuse.keptOrder(
                content.extensionAttributes, written: template?.extensionAttributes ?? [], sortKey: String.init(describing:)),
            leadingComments: template?.leadingComments ?? [])
        if let template {
            concept.innerComments = template.innerComments.map { $0.reanchored(from: template, to: concept) }
        }
        return concept
    }

    /// The `xml:lang` to write: none when the language is the scheme's default.
    static func declared(_ language: String, _ defaultLanguage: String?) -> String? {
        language == (defaultLanguage ?? "") ? nil : language
    }
}

/// How a planned concept of the result is made.
private enum ConceptMaking: Sendable {
    /// Kept as this template wrote it.
    case kept(ConceptTemplate)
    /// Built from this content.
    case built(ConceptContent)

    /// The template a concept kept as written comes from.
    var keptTemplate: ConceptTemplate? {
        if case .kept(let template) = self { template } else { nil }
    }
}

/// Where a concept ends up in the result: the index of its scheme in the plan and its id,
/// and the concept of a version it comes from, if any.
struct ResultPlace: Hashable, Sendable {
    let scheme: Int
    let id: String
    let template: ConceptTemplate?
}

/// How references are written from the concepts of one scheme: the id for a concept of the
/// same scheme, `scheme:id` for another scheme's, and as they were for concepts that are not
/// in the result.
struct ReferenceText {
    let schemeIndex: Int
    let schemeIDs: [String]
    let places: [String: ResultPlace]

    /// The reference to the concept with `identity`.
    func reference(_ identity: String) -> String {
        guard let place = places[identity] else { return identity }
        return place.scheme == schemeIndex ? place.id : "\(schemeIDs[place.scheme]):\(place.id)"
    }

    /// A mapping target: a reference for a concept of the result, else the URI.
    func mappingTarget(_ identity: String) -> MappingTarget {
        places[identity] == nil ? .uri(identity) : .reference(reference(identity))
    }
}

/// Which schemes of each version stand for one scheme of a plan: those of its id, and of its
/// default language too (a concept kept as written inherits its file's). Found once per
/// scheme, not once per concept: a scheme read out of its set is copied whole.
private struct SchemeMatch: Sendable {
    /// Per version, per scheme: whether it has the plan scheme's id.
    private let sameID: [[Bool]]
    /// Per version, per scheme: whether it has the plan scheme's id and default language.
    private let sameIDAndLanguage: [[Bool]]

    init(_ scheme: SchemePlan, sides: [SyncSide]) {
        let content = scheme.content
        sameID = sides.map { side in side.set.vocabularies.map { $0.id == content.id } }
        sameIDAndLanguage = sides.map { side in
            side.set.vocabularies.map { $0.id == content.id && $0.defaultLanguage == content.defaultLanguage }
        }
    }

    /// Whether the scheme of `template` has the plan scheme's id.
    func hasSameID(_ template: ConceptTemplate, _ sides: [SyncSide]) -> Bool {
        sameID[template.side][sides[template.side].set.schemeIndex(of: template.key)]
    }

    /// Whether the scheme of `template` has the plan scheme's id and default language.
    func hasSameIDAndLanguage(_ template: ConceptTemplate, _ sides: [SyncSide]) -> Bool {
        sameIDAndLanguage[template.side][sides[template.side].set.schemeIndex(of: template.key)]
    }
}
