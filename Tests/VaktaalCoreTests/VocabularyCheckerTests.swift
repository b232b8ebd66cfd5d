import Testing

@testable import VaktaalCore

/// The checker runs the checks of whole sets one each and the concept checks together over
/// ranges of concepts, gathering the label forms there for the checks of label forms: what
/// each check finds is what it finds alone, in the same order.
@Suite struct VocabularyCheckerTests {
    /// Concepts spread over several ranges, every so often with a problem for a concept check
    /// (an empty or irregular label, two preferred labels, a label of two kinds, no definition)
    /// or for a check of the whole set (a dangling reference, a label shared as an alternative,
    /// an outdated label allowed elsewhere, a shared preferred label).
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
            case 7: extra = "<hiddenLabel>c1</hiddenLabel>"
            case 8: extra = "<prefLabel>c0</prefLabel>"
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
        #expect(checks.filter { $0 is any LabelFormCheck }.count == 3)
        #expect(Self.set.count > 2 * VocabularyChecker.rangeSize, "the forms are gathered in several ranges")
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

    @Test func aFocusOnEverythingFindsWhatTheFullRunFinds() {
        let labels = Self.set.keys.flatMap { Self.set[$0].labels }
        let focus = CheckFocus(concepts: Self.set.keys.reversed(), labels: labels)
        let checks = VocabularyChecker.checks
        let focused = VocabularyChecker.run(checks, on: Self.set, focus: focus)
        // Each rule's findings as a set: the label rules report from a dictionary.
        #expect(focused.map { $0.sorted() } == VocabularyChecker.run(checks, on: Self.set).map { $0.sorted() })
        for rule in ["duplicate-preferred-label", "outdated-label-is-allowed"] {
            #expect(zip(checks, focused).contains { $0.rule.rawValue == rule && !$1.isEmpty }, "\(rule) has findings to agree on")
        }
    }

    /// `b` changed: the findings about it, and those its labels take part in on other concepts,
    /// are found; those about other concepts and labels alone are left out.
    @Test func aFocusFindsWhatItsConceptsAndLabelsTakePartIn() throws {
        let set = load(
            vocabularyXML(
                """
                <concept id="a"><prefLabel>alpha</prefLabel><deprecatedLabel>gamma</deprecatedLabel></concept>
                <concept id="b"><prefLabel>beta</prefLabel><altLabel>Gamma</altLabel><altLabel>beta</altLabel></concept>
                <concept id="c"><prefLabel>beta</prefLabel></concept>
                <concept id="d"><prefLabel>delta</prefLabel><prefLabel>delta2</prefLabel></concept>
                <concept id="e"><prefLabel>eps</prefLabel><hiddenLabel>zeta</hiddenLabel></concept>
                <concept id="f"><prefLabel>zeta</prefLabel></concept>
                """)
        ).set
        let b = try #require(set.key(forURI: set.vocabularies[0].uri + "b"))
        let errors = VocabularyChecker.checks.filter { $0.severity == .error }
        func found(_ focus: CheckFocus?) -> [String] {
            VocabularyChecker.run(errors, on: set, focus: focus).joined().map {
                "\($0.rule) \($0.concept?.split(separator: "/").last ?? "")"
            }.sorted()
        }
        let all = [
            "duplicate-preferred-label c", "label-kind-clash b", "multiple-preferred-labels d", "outdated-label-is-allowed a",
            "outdated-label-is-allowed e",
        ]
        #expect(found(nil) == all)
        #expect(
            found(CheckFocus(concepts: [b], labels: set[b].labels))
                == ["duplicate-preferred-label c", "label-kind-clash b", "outdated-label-is-allowed a"])
        #expect(found(CheckFocus(concepts: [], labels: [])) == [])
    }

    /// An outdated label found through one form of the focus is still reported with the first
    /// allowed label it clashes with by any form, as the full run reports it.
    @Test func aFocusReportsAnOutdatedLabelAsTheFullRunDoes() throws {
        let set = load(
            vocabularyXML(
                """
                <concept id="a"><prefLabel>alpha</prefLabel><deprecatedLabel plural="gammas">gamma</deprecatedLabel></concept>
                <concept id="x"><prefLabel>xi</prefLabel><altLabel>gammas</altLabel></concept>
                <concept id="b"><prefLabel>beta</prefLabel><altLabel>gamma</altLabel></concept>
                """)
        ).set
        let b = try #require(set.key(forURI: set.vocabularies[0].uri + "b"))
        let rule = [OutdatedLabelIsAllowedCheck() as any VocabularyCheck]
        let full = VocabularyChecker.run(rule, on: set).joined().map(\.message)
        #expect(full.count == 1 && full[0].contains("'x'"))
        #expect(
            VocabularyChecker.run(rule, on: set, focus: CheckFocus(concepts: [b], labels: set[b].labels)).joined().map(\.message)
                == full)
    }
}
