import Testing

@testable import VaktaalCore

/// The checker runs the checks of whole sets one each and the concept checks together over
/// ranges of concepts: what each check finds is what it finds alone, in the same order.
@Suite struct VocabularyCheckerTests {
    /// Concepts spread over several ranges, every so often with a problem for a concept check
    /// (an empty or irregular label, two preferred labels, a label of two kinds, no definition)
    /// or for a check of the whole set (a dangling reference, a shared preferred label).
    static let set: VocabularySet = {
        let body = (0..<9_500).map { index -> String in
            var extra = ""
            switch index % 997 {
            case 1: extra = "<altLabel> </altLabel>"
            case 2: extra = "<altLabel>two  spaces</altLabel>"
            case 3: extra = "<prefLabel>second \(index)</prefLabel>"
            case 4: extra = "<hiddenLabel>C\(index)</hiddenLabel>"
            case 5: extra = "<related ref=\"nowhere\"/>"
            case 6: extra = "<altLabel>c0</altLabel>"
            default: break
            }
            let definition = index % 1_499 == 7 ? "" : "<definition>d</definition>"
            return "<concept id=\"c\(index)\"><prefLabel>c\(index)</prefLabel>\(extra)\(definition)</concept>"
        }
        return load(vocabularyXML(body.joined(separator: "\n"))).set
    }()

    @Test func everyCheckFindsWhatItFindsAlone() {
        let checks = VocabularyChecker.checks
        let together = VocabularyChecker.run(checks, on: Self.set)
        #expect(together.count == checks.count)
        for (check, found) in zip(checks, together) {
            #expect(found == check.check(Self.set), "\(check.rule)")
        }
        #expect(together.joined().count > 40, "the vocabulary has findings for the checks to agree on")
        #expect(checks.contains { $0 is any ConceptCheck } && checks.contains { !($0 is any ConceptCheck) })
    }

    @Test func anEmptySetAndNoConceptChecksAreRunToo() {
        let empty = VocabularySet([])
        #expect(VocabularyChecker.run(VocabularyChecker.checks, on: empty).allSatisfy { $0.isEmpty })
        let wholeSetOnly = VocabularyChecker.checks.filter { !($0 is any ConceptCheck) }
        #expect(zip(wholeSetOnly, VocabularyChecker.run(wholeSetOnly, on: Self.set)).allSatisfy { $0.check(Self.set) == $1 })
    }

    @Test func aSubsetOfChecksKeepsItsOrder() {
        let checks = VocabularyChecker.checks.filter { $0.severity == .error }.reversed().map { $0 }
        let together = VocabularyChecker.run(checks, on: Self.set)
        #expect(zip(checks, together).allSatisfy { $0.check(Self.set) == $1 })
    }
}
