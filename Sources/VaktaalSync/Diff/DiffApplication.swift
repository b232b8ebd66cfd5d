import Foundation
import VaktaalCore

/// Why a diff could not be applied: the vocabulary is not the one the diff was made from.
public enum DiffApplicationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A concept the diff changes or removes is not there.
    case conceptMissing(uri: String)
    /// A concept the diff adds is already there.
    case conceptExists(uri: String)
    /// A field does not have the value the diff changes.
    case valueMismatch(uri: String, field: String)
    /// A scheme the diff changes, removes or adds concepts to is not there.
    case schemeMissing(id: String)
    /// A scheme the diff adds is already there.
    case schemeExists(id: String)

    public var description: String {
        let problem =
            switch self {
            case .conceptMissing(let uri): "concept '\(uri)' is not in the vocabulary"
            case .conceptExists(let uri): "concept '\(uri)' is already in the vocabulary"
            case .valueMismatch(let uri, let field): "\(field) of '\(uri)' is not what the diff changes"
            case .schemeMissing(let id): "scheme '\(id)' is not in the vocabulary"
            case .schemeExists(let id): "scheme '\(id)' is already in the vocabulary"
            }
        return "error: cannot apply the diff: \(problem)"
    }
}

extension DiffApplicationError: LocalizedError {
    /// The same text as `description`.
    public var errorDescription: String? { description }
}

extension VocabularyDiff {
    /// The vocabulary the diff leads to from `set`: the schemes of `set` with every change
    /// made, concepts in their order (added ones at the end of their scheme), comments and
    /// the way unchanged concepts were written kept.
    ///
    /// - Throws: ``DiffApplicationError`` when `set` does not have what the diff changes
    ///   (a concept or scheme is missing or already there, or a field has another value).
    public func apply(to set: VocabularySet) throws(DiffApplicationError) -> [Vocabulary] {
        var renames: [String: String] = [:]
        for change in concepts where change.change == .changed {
            if let oldURI = change.oldURI { renames[oldURI] = change.uri }
        }
        let side = SyncSide(set, renames: renames)
        var schemes = try appliedSchemes(to: set)
        var entries: [String: ConceptPlan] = [:]
        var order: [String: [String]] = [:]
        for key in set.keys {
            let identity = side.identities[key.rawValue]
            guard entries[identity] == nil else { continue }
            entries[identity] = ConceptPlan(identity: identity, unchanged: ConceptTemplate(side: 0, key: key))
            order[side.schemeID(of: key), default: []].append(identity)
        }
        for change in concepts {
            switch change.change {
            case .removed:
                guard entries.removeValue(forKey: change.uri) != nil else { throw .conceptMissing(uri: change.uri) }
            case .added:
                guard entries[change.uri] == nil else { throw .conceptExists(uri: change.uri) }
                guard schemes.contains(where: { $0.content.id == change.scheme }) else { throw .schemeMissing(id: change.scheme) }
                let content = change.concept ?? ConceptContent(uri: change.uri, id: change.id)
                entries[change.uri] = ConceptPlan(content.with(uri: change.uri))
                order[change.scheme, default: []].append(change.uri)
            case .changed:
                guard var entry = entries[change.uri] else { throw .conceptMissing(uri: change.oldURI ?? change.uri) }
                let current = entry.content ?? entry.template.map { side.content(at: $0.key) }
                var fields = FieldSet(current ?? ConceptContent(uri: change.uri, id: change.id))
                for fieldChange in change.changes where !fields.apply(fieldChange) {
                    throw .valueMismatch(uri: change.uri, field: fieldChange.field.title)
                }
                entry.content = fields.concept(uri: change.uri)
                entries[change.uri] = entry
            }
        }
        for index in schemes.indices {
            let identities = order[schemes[index].content.id] ?? []
            schemes[index].concepts = identities.compactMap { entries[$0] }
        }
        return Assembler(sides: [side], verbatimSides: [0]).assemble(AssemblyPlan(schemes: schemes))
    }

    /// The schemes of `set` with the scheme changes made, without concepts yet.
    private func appliedSchemes(to set: VocabularySet) throws(DiffApplicationError) -> [SchemePlan] {
        var schemes: [SchemePlan] = []
        for vocabulary in set.vocabularies where !schemes.contains(where: { $0.content.id == vocabulary.id }) {
            schemes.append(SchemePlan(content: SchemeContent(vocabulary), template: vocabulary, concepts: []))
        }
        for change in self.schemes {
            let index = schemes.firstIndex { $0.content.id == change.id }
            switch (change.change, index) {
            case (.removed, let index?):
                schemes.remove(at: index)
            case (.added, nil):
                schemes.append(SchemePlan(content: change.scheme ?? SchemeContent(id: change.id, uri: ""), concepts: []))
            case (.changed, let index?):
                var fields = FieldSet(schemes[index].content)
                for fieldChange in change.changes where !fields.apply(fieldChange) {
                    throw .valueMismatch(uri: change.id, field: fieldChange.field.title)
                }
                schemes[index].content = fields.scheme(id: change.id)
            case (.added, _):
                throw .schemeExists(id: change.id)
            case (_, nil):
                throw .schemeMissing(id: change.id)
            }
        }
        return schemes
    }
}

extension FieldSet {
    /// Makes one change; `false` when the field does not have the value the change starts from.
    mutating func apply(_ change: FieldChange) -> Bool {
        if change.field.isSet {
            var members = members(change.field)
            for member in change.removed where members.remove(member) == nil { return false }
            for member in change.added where !members.insert(member).inserted { return false }
            setMembers(members, for: change.field)
        } else {
            guard values[change.field] == change.old else { return false }
            values[change.field] = change.new
        }
        return true
    }
}
