import VaktaalText

/// `related` is symmetric: when A names B as related, B names A too (qSKOS "omitted
/// inverse relations"). Broader and narrower are inverses that either side may write.
struct OneDirectionalRelationCheck: VocabularyCheck {
    let rule: RuleID = "one-directional-relation"
    let severity = Severity.warning
    let summary = "a related concept names the relation back"

    /// A `related` a concept writes, resolved.
    private struct Written {
        let from: ConceptKey
        let to: ConceptKey
        let position: SourcePosition?
    }

    /// Each written `related` is resolved once, and looked up the other way round among them
    /// all (not resolved again for every relation of the concept it names).
    func check(_ set: VocabularySet) -> [Finding] {
        var written: [Written] = []
        var pairs: Set<UInt64> = []
        for key in set.keys {
            let scheme = set.schemeIndex(of: key)
            for relation in set[key].relations where relation.kind == .related {
                guard let other = set.resolve(relation.reference, fromScheme: scheme), other != key else { continue }
                written.append(Written(from: key, to: other, position: relation.position))
                pairs.insert(Self.pair(key, other))
            }
        }
        return written.filter { !pairs.contains(Self.pair($0.to, $0.from)) }.map { relation in
            let (from, to) = (set[relation.from].id, set[relation.to].id)
            return diagnostic(
                "'\(from)' is related to '\(to)', but '\(to)' does not name '\(from)' as related",
                concept: relation.from, in: set, at: relation.position)
        }
    }

    private static func pair(_ from: ConceptKey, _ to: ConceptKey) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: from.rawValue)) << 32 | UInt64(UInt32(truncatingIfNeeded: to.rawValue))
    }
}
