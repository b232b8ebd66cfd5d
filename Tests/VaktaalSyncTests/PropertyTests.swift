import PropertyBased
import Testing
import VaktaalCore

@testable import VaktaalSync

/// The laws diff and merge keep, on generated vocabularies written in generated layouts.
@Suite struct PropertyTests {
    @Test func aVocabularyHasNoChangesAgainstItself() async throws {
        await propertyCheck(count: 40, input: Generated.vocabulary) { vocabulary in
            let set = try Generated.set(vocabulary)
            #expect(VocabularyDiff(from: set, to: set).isEmpty)
        }
    }

    @Test func reformattingAndReorderingIsNoChange() async throws {
        await propertyCheck(count: 60, input: Generated.vocabulary, Generated.style) { vocabulary, style in
            let plain = try Generated.set(vocabulary)
            let other = try Generated.set(vocabulary, style)
            let diff = VocabularyDiff(from: plain, to: other)
            #expect(diff.isEmpty, "\(DiffRenderer.text(diff))")
        }
    }

    @Test func applyingTheDiffGivesTheOtherVersion() async throws {
        await propertyCheck(count: 60, input: Generated.vocabulary, Generated.edits, Generated.style) {
            vocabulary, edits, style in
            let old = try Generated.set(vocabulary)
            let new = try Generated.set(Generated.edited(vocabulary, edits), style)
            let diff = VocabularyDiff(from: old, to: new)
            let applied = VocabularySet(try diff.apply(to: old))
            #expect(applied.isSemanticallyEqual(to: new), "\(DiffRenderer.text(VocabularyDiff(from: new, to: applied)))")
        }
    }

    @Test func mergingWithAnUnchangedSideGivesTheChangedSide() async throws {
        await propertyCheck(count: 60, input: Generated.vocabulary, Generated.edits, Generated.style) {
            vocabulary, edits, style in
            let base = try Generated.set(vocabulary)
            let changed = try Generated.set(Generated.edited(vocabulary, edits), style)
            let ours = try VocabularyMerge.merge(base: base, ours: changed, theirs: base)
            #expect(ours.conflicts.isEmpty)
            #expect(
                resultSet(ours).isSemanticallyEqual(to: changed),
                "\(DiffRenderer.text(VocabularyDiff(from: changed, to: resultSet(ours))))")
            let theirs = try VocabularyMerge.merge(base: base, ours: base, theirs: changed)
            #expect(theirs.conflicts.isEmpty)
            #expect(
                resultSet(theirs).isSemanticallyEqual(to: changed),
                "\(DiffRenderer.text(VocabularyDiff(from: changed, to: resultSet(theirs))))")
        }
    }

    @Test func mergingTheSameChangeTwiceGivesIt() async throws {
        await propertyCheck(count: 60, input: Generated.vocabulary, Generated.edits, Generated.style) {
            vocabulary, edits, style in
            let base = try Generated.set(vocabulary)
            let changed = Generated.edited(vocabulary, edits)
            let result = try VocabularyMerge.merge(
                base: base, ours: try Generated.set(changed), theirs: try Generated.set(changed, style))
            #expect(resultSet(result).isSemanticallyEqual(to: try Generated.set(changed)) && result.conflicts.isEmpty)
        }
    }

    @Test func anyTwoEditsMergeIntoAResultThatReadsBack() async throws {
        await propertyCheck(count: 60, input: Generated.vocabulary, Generated.edits, Generated.edits) { vocabulary, mine, yours in
            let base = try Generated.set(vocabulary)
            let ours = try Generated.set(Generated.edited(vocabulary, mine))
            let theirs = try Generated.set(Generated.edited(vocabulary, yours))
            let result = try VocabularyMerge.merge(base: base, ours: ours, theirs: theirs)
            // Every change only one side made is in the result: what ours changed and theirs
            // did not is as in ours, and the other way round.
            let merged = resultSet(result)
            let conflicting = Set(result.conflicts.compactMap(\.concept))
            for change in VocabularyDiff(from: base, to: ours).concepts where !conflicting.contains(change.uri) {
                let fromTheirs = VocabularyDiff(from: base, to: theirs).concepts.contains { $0.uri == change.uri }
                guard !fromTheirs else { continue }
                let inResult = merged.key(forURI: change.uri).map { ConceptContent($0, in: merged) }
                let inOurs = ours.key(forURI: change.uri).map { ConceptContent($0, in: ours) }
                #expect(inResult == inOurs, "\(change.id) as ours changed it")
            }
        }
    }
}
