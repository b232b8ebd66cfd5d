import Foundation
import Testing
import VaktaalConfig
import VaktaalCore
import VaktaalTestSupport

@testable import VaktaalLint

/// Lint from a compiled snapshot: with an excerpt of the concepts the documents name, it
/// reports exactly what lint with the whole vocabulary reports.
@Suite struct CompiledTermsLintTests {
    /// The vocabulary at `folder` (the fixture vocabulary by default) compiled into a
    /// snapshot, and read back from it.
    static func storedTerms(_ folder: String = fixtureVocabularyFolder) throws -> CompiledTerms {
        let cache = CompiledIndexCache(folder: try scratchFolder("terms") + "/cache", program: "test")
        #expect(try cache.loadTerms(path: folder).outcome == .stored)
        let (terms, outcome) = try cache.loadTerms(path: folder)
        #expect(outcome == .reused)
        return terms
    }

    /// Outdated terms, a deprecated concept and its replacement, a misspelling, names in
    /// another casing, an abbreviation before its full form, mixed synonyms, English labels.
    static let documents = [
        try! String(contentsOfFile: fixturesFolder + "/presentation.txt", encoding: .utf8),
        "De stagementor en de stagebegeleider. De mentor van de klas en de MENTOR.\nIPABO, ipabo en Hva.",
        "De wpb is er. De werkplekbegeleider en de wpb; feedbackgeletterheid en feedback geletterdheid.",
        "The mentor teacher and the student teacher meet the AUAS trainee.",
    ]

    @Test(arguments: [LintOptions.Languages.automatic(default: "nl"), .all, .fixed(["en"])])
    func anExcerptLintsAsTheWholeSet(languages: LintOptions.Languages) throws {
        let terms = try Self.storedTerms()
        let options = LintOptions(languages: languages, allowed: ["mentor van het team"])
        let whole = Linter(set: shippedSet, options: options)
        var reported = 0
        for document in Self.documents {
            let bytes = Array(document.utf8)
            let matched = Linter.matched(
                SourceBytes(bytes), reader: PlainTextReader(), options: options,
                matcher: terms.matchIndex.matcher(allowing: options.allowed))
            let (set, matchIndex) = terms.excerpt(naming: matched.namedConcepts)
            #expect(set.count < shippedSet.count)
            let excerpt = Linter(set: set, options: options, matchIndex: matchIndex)
            let expected = whole.lint(bytes, path: "t.txt", format: .text).findings
            // Linted from the terms the whole set's matcher found, and matched again by the excerpt's.
            #expect(excerpt.lint(matched, path: "t.txt", quotingText: true).findings == expected)
            #expect(excerpt.lint(bytes, path: "t.txt", format: .text).findings == expected)
            reported += expected.count
        }
        #expect(reported >= 5)
    }

    /// Every form of every label, deprecated concepts replaced across schemes and by a
    /// repeated id among them, lints with an excerpt of the concepts it names as with the
    /// whole vocabulary.
    @Test(arguments: [fixtureVocabularyFolder, fixturesFolder + "/EveryFeature", fixturesFolder + "/RepeatedNames"])
    func everyFormLintsWithItsExcerptAsWithTheWholeSet(folder: String) throws {
        let terms = try Self.storedTerms(folder)
        let set = try VocabularyLoader.load(path: folder).set
        let options = LintOptions(languages: .all)
        let whole = Linter(set: set, options: options)
        var replaced = 0
        let entries = LookupIndex.entries(of: set)
        var judged = 0
        for entry in entries {
            // With another label of its concept, so that rules judge an allowed label too.
            let sibling = entries.first { $0.concept == entry.concept && $0.labelIndex != entry.labelIndex }
            let bytes = Array("Eerst \(entry.form), dan \(entry.form). Ook \(sibling?.form ?? "niets").".utf8)
            let matched = Linter.matched(
                SourceBytes(bytes), reader: PlainTextReader(), options: options, matcher: terms.matchIndex.matcher)
            if matched.namedConcepts.contains(entry.concept) { judged += 1 }
            let (excerpt, matchIndex) = terms.excerpt(naming: matched.namedConcepts)
            let expected = whole.lint(bytes, path: "t.txt", format: .text).findings
            #expect(
                Linter(set: excerpt, options: options, matchIndex: matchIndex).lint(bytes, path: "t.txt", format: .text).findings
                    == expected, "linting '\(entry.form)'")
            replaced += expected.filter { $0.replacement != nil }.count
        }
        #expect(replaced > 0, "some finding names a replacement")
        #expect(judged > 0, "some forms are terms the rules judge")
    }

    /// An excerpt for lint holds the concepts named and what a finding on them reads, their
    /// replacements, but not the concepts their relations name (a finding never shows those).
    @Test(arguments: [("enn", ["enn"]), ("oude ix", ["oude ix", "eerste ix"]), ("tweede ix", ["eerste ix", "tweede ix"])])
    func anExcerptHoldsReplacementsButNoRelations(term: String, preferredLabels: [String]) throws {
        let terms = try Self.storedTerms(fixturesFolder + "/RepeatedNames")
        // The concept the term names (an allowed label alone is no term the rules judge).
        let matcher = terms.matchIndex.matcher
        let matches = Array(term.utf8).withUnsafeBufferPointer {
            matcher.matches(in: $0, range: 0..<$0.count, languages: matcher.languages(nil))
        }
        let named = Set(
            matches.compactMap { match -> ConceptKey? in
                guard case .label(let form) = match.target else { return nil }
                return form.concept
            })
        #expect(named.count == 1)
        let (set, _) = terms.excerpt(naming: named)
        #expect(Set(set.keys.compactMap { set[$0].preferredLabel(in: "nl")?.text }) == Set(preferredLabels))
    }

    /// Of each concept an excerpt decodes what a finding reads, as the whole set has it, and
    /// leaves out its notes, relations, mappings, extensions and comments.
    @Test func anExcerptDecodesOnlyWhatFindingsRead() throws {
        let folder = fixturesFolder + "/EveryFeature"
        let terms = try Self.storedTerms(folder)
        let whole = try VocabularyLoader.load(path: folder).set
        let (excerpt, _) = terms.excerpt(naming: Set(whole.keys))
        #expect(excerpt.count == whole.count)
        #expect(whole.keys.contains { !whole[$0].notes.isEmpty && !whole[$0].relations.isEmpty })
        // An excerpt of every concept keeps them in their order, under the same keys.
        for key in excerpt.keys {
            let (kept, concept) = (excerpt[key], whole[key])
            #expect(
                kept
                    == Concept(
                        id: concept.id, isTopConcept: concept.isTopConcept, isDeprecated: concept.isDeprecated,
                        replacedBy: concept.replacedBy, modified: concept.modified, labels: concept.labels,
                        notations: concept.notations), "concept \(concept.id)")
        }
    }

    /// A document matched by the whole set's matcher names the concepts of its judged terms,
    /// and is linted with those terms renamed into the excerpt: the same
    /// terms, numbered anew, naming the same concepts, with the uses of the excerpt's concepts.
    @Test func theJudgedTermsAreRenamedIntoTheExcerpt() throws {
        let terms = try Self.storedTerms()
        let matched = Linter.matched(
            SourceBytes(Array((JudgedTermsTests.text + "\nDe mentor gaat weer.").utf8)), reader: PlainTextReader(),
            options: LintOptions(languages: .automatic(default: "nl")), matcher: terms.matchIndex.matcher)
        let judged = matched.terms.judged
        #expect(judged.terms.count < matched.terms.terms.count)
        #expect(matched.namedConcepts == Set(judged.terms.map(\.entry.concept)))
        let (set, matchIndex) = terms.excerpt(naming: matched.namedConcepts)
        let renamed = matched.terms.judged(renamedBy: matchIndex.matcher)
        #expect(renamed.terms.map(\.text) == judged.terms.map(\.text))
        #expect(renamed.terms.map(\.index) == Array(renamed.terms.indices))
        #expect(renamed.terms.map(\.variant) == judged.terms.map(\.variant))
        #expect(
            renamed.terms.map { set.uri(of: $0.entry.concept) } == judged.terms.map { shippedSet.uri(of: $0.entry.concept) })
        // The uses, by concept URI and label: those of the concepts the excerpt holds.
        func byURI(_ uses: [LabelUse: Int], in set: VocabularySet) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: uses.map { ("\(set.uri(of: $0.key.concept)) \($0.key.label)", $0.value) })
        }
        let held = Set(set.keys.map { set.uri(of: $0) })
        let expected = byURI(matched.terms.uses, in: shippedSet).filter { held.contains(String($0.key.split(separator: " ")[0])) }
        #expect(!expected.isEmpty)
        #expect(byURI(renamed.uses, in: set) == expected)
        // An excerpt without the concept of a judged variant used twice (the outdated "mentor")
        // drops both its terms and keeps the others.
        let twice = try #require(judged.terms.first { $0.text == "mentor" })
        #expect(judged.terms.count { $0.variant == twice.variant } == 2)
        let (fewer, fewerIndex) = terms.excerpt(naming: matched.namedConcepts.subtracting([twice.entry.concept]))
        let heldByFewer = Set(fewer.keys.map { fewer.uri(of: $0) })
        let left = matched.terms.judged(renamedBy: fewerIndex.matcher)
        #expect(!left.terms.contains { $0.text == "mentor" })
        #expect(left.terms.count < judged.terms.count - 1)
        #expect(
            left.terms.map(\.text)
                == judged.terms.filter { heldByFewer.contains(shippedSet.uri(of: $0.entry.concept)) }.map(\.text))
    }

    /// A document with many judged terms has them copied on all cores: the same terms, in the
    /// same order, as the judged terms of the whole set, numbered anew (a sentence of two
    /// judged terms repeated: 20,000 of them; repeated once, one core). The first use of
    /// "werkplekbegeleider", the only label of its concept here, is no judged term: left out,
    /// it moves every later term one place.
    @Test(arguments: [1, 10_000])
    func manyJudgedTermsAreRenamedInOrder(repeats: Int) throws {
        let terms = try Self.storedTerms()
        let text = "De werkplekbegeleider. " + String(repeating: "De mentor en de inholland. ", count: repeats)
        let matched = Linter.matched(
            SourceBytes(Array(text.utf8)),
            reader: PlainTextReader(), options: LintOptions(languages: .automatic(default: "nl")),
            matcher: terms.matchIndex.matcher)
        let judged = matched.terms.judged
        #expect(matched.terms.terms.count == 2 * repeats + 1)
        #expect(judged.terms.count == 2 * repeats)
        // "mentor" and "inholland" of each sentence, after the 23 bytes of the first.
        let sentenceStarts = (0..<repeats).map { 23 + 27 * $0 }
        #expect(judged.terms.map(\.range) == sentenceStarts.flatMap { [$0 + 3..<$0 + 9, $0 + 16..<$0 + 25] })
        let (set, matchIndex) = terms.excerpt(naming: matched.namedConcepts)
        let renamed = matched.terms.judged(renamedBy: matchIndex.matcher)
        #expect(renamed.terms.map(\.range) == judged.terms.map(\.range))
        #expect(renamed.terms.map(\.index) == Array(0..<2 * repeats))
        #expect(renamed.terms.map(\.variant) == judged.terms.map(\.variant))
        #expect(
            renamed.terms.map { set.uri(of: $0.entry.concept) } == judged.terms.map { shippedSet.uri(of: $0.entry.concept) })
    }

    /// Terms of concepts an excerpt leaves out are passed over with it, as phrases that are simply fine.
    @Test func anExcerptFindsOnlyTheConceptsItNames() throws {
        let terms = try Self.storedTerms()
        let options = LintOptions(languages: .automatic(default: "nl"))
        let mentor = Linter.matched(
            SourceBytes(Array("de mentor".utf8)), reader: PlainTextReader(), options: options, matcher: terms.matchIndex.matcher
        ).namedConcepts
        #expect(mentor.count == 1)
        let (set, matchIndex) = terms.excerpt(naming: mentor)
        let findings = Linter(set: set, options: options, matchIndex: matchIndex)
            .lint(Array("De mentor en de feedbackgeletterheid.".utf8), path: "t.txt", format: .text).findings
        #expect(findings.map(\.match) == ["mentor"])
        #expect(findings.map(\.concept) == [shippedSet.uri(of: try #require(mentor.first))])
    }

    /// A run from a snapshot, over a folder of documents with a configuration (office
    /// documents among them), and over a
    /// document that is no file, reports what a run from the set reports, with an excerpt or
    /// the whole set; so does a run that fixes (which decodes the whole vocabulary), and one
    /// whose first pass keeps fewer terms than the documents have (the others are linted
    /// with the whole set), and one that leaves what it no longer needs to the end of the process.
    @Test(arguments: [
        (false, LintRun.ConceptDecoding.excerpt, LintRun.keptTermsByDefault, false),
        (false, .whole, LintRun.keptTermsByDefault, false), (false, .bySize, LintRun.keptTermsByDefault, false),
        (true, .excerpt, LintRun.keptTermsByDefault, false), (false, .excerpt, 3, false),
        (false, .excerpt, LintRun.keptTermsByDefault, true),
    ])
    func aRunFromASnapshotLintsAsARunFromTheSet(
        fix: Bool, decoding: LintRun.ConceptDecoding, keptTermsAtMost: Int, leavesMemoryToExit: Bool
    ) throws {
        let terms = try Self.storedTerms()
        var files: [String: String] = [
            ".vaktaal.toml": "allow = [\"mentor van het team\"]\n[rules]\nmisspelling = \"info\"\n",
            "page.html": "<html lang=\"en\"><body><p>The mentor teacher.</p><p>De <em>ment</em>or.</p></body></html>",
            "notes.md": "# Mentor\n\nDe **stagementor** en de mentor van het team. `mentor`\n",
            "nothing.txt": "Geen enkele term.",
        ]
        for (index, document) in Self.documents.enumerated() { files["doc\(index).txt"] = document }
        let fromSet = try LintRunTests().folder(files)
        let fromSnapshot = try LintRunTests().folder(files)
        for folder in [fromSet, fromSnapshot] {
            try Data([0x61, 0x00]).write(to: URL(fileURLWithPath: folder + "/binary.txt"))
            // Office documents: findings placed by paragraph, with the paragraphs' texts.
            for office in ["report.docx", "presentation.pptx"] {
                try Data(try officeFixture(office)).write(to: URL(fileURLWithPath: folder + "/" + office))
            }
            try FileManager.default.createSymbolicLink(atPath: folder + "/gone.txt", withDestinationPath: folder + "/nowhere")
        }
        let expected = try LintRun(set: shippedSet, options: .init(fix: fix)).lint([fromSet])
        let found = try LintRun(
            terms, options: .init(fix: fix, leavesMemoryToExit: leavesMemoryToExit), decoding: decoding,
            keptTermsAtMost: keptTermsAtMost
        ).lint([fromSnapshot])
        #expect(found.map { ($0.path as NSString).lastPathComponent } == expected.map { ($0.path as NSString).lastPathComponent })
        #expect(found.map(\.problem) == expected.map(\.problem))
        for (result, wanted) in zip(found, expected) {
            #expect(
                result.findings.map(\.description)
                    == wanted.findings.map(\.description).map { $0.replacingOccurrences(of: fromSet, with: fromSnapshot) })
            #expect(result.lineTexts == wanted.lineTexts && result.placeTexts == wanted.placeTexts, "\(result.path)")
        }
        #expect(expected.contains { !$0.placeTexts.isEmpty } || fix, "an office document has findings")
        #expect(expected.reduce(0) { $0 + $1.findings.count } > (fix ? 0 : 10))
        for name in files.keys where !name.hasPrefix(".") {
            #expect(
                try String(contentsOfFile: fromSnapshot + "/" + name, encoding: .utf8)
                    == String(contentsOfFile: fromSet + "/" + name, encoding: .utf8))
        }

        let document = Array(Self.documents[1].utf8)
        let (result, resultFixed) = try LintRun(terms, options: .init(fix: fix), decoding: decoding)
            .lint(document: document, named: "-", configurationFolder: fromSnapshot)
        let (wanted, wantedFixed) = try LintRun(set: shippedSet, options: .init(fix: fix))
            .lint(document: document, named: "-", configurationFolder: fromSet)
        #expect(result.findings == wanted.findings && resultFixed == wantedFixed)
        // Fixed, the document changed (and its findings are those left); else it has findings.
        #expect(fix ? wantedFixed != document : !wanted.findings.isEmpty)
    }

    /// A named pipe is read once, whether its terms choose the excerpt or not: its findings
    /// are those of the same text in a file.
    @Test(.timeLimit(.minutes(1)), arguments: [LintRun.ConceptDecoding.excerpt, .whole])
    func aNamedPipeIsLintedFromWhatItGaveOnce(decoding: LintRun.ConceptDecoding) throws {
        let terms = try Self.storedTerms()
        let folder = try scratchFolder("pipe")
        let text = Array(Self.documents[1].utf8)
        try Data(text).write(to: URL(fileURLWithPath: folder + "/file.txt"))
        let pipe = folder + "/pipe.txt"
        try #require(mkfifo(pipe, 0o600) == 0)
        let writer = Thread {
            let descriptor = open(pipe, O_WRONLY)
            guard descriptor >= 0 else { return }
            _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        writer.start()
        let run = LintRun(terms, options: .init(), decoding: decoding)
        let fromPipe = try run.lint([pipe])
        let fromFile = try run.lint([folder + "/file.txt"])
        #expect(fromPipe.map(\.findings.count) == fromFile.map(\.findings.count))
        #expect(fromPipe.first?.findings.map(\.match) == fromFile.first?.findings.map(\.match))
        #expect(fromFile.first?.findings.isEmpty == false)
    }

    /// A broken configuration stops a run from a snapshot as it stops a run from the set, excerpt or not.
    @Test(arguments: [LintRun.ConceptDecoding.excerpt, .whole])
    func aBrokenConfigurationStopsARunFromASnapshot(decoding: LintRun.ConceptDecoding) throws {
        let root = try LintRunTests().folder([".vaktaal.toml": "language = 3\n", "t.txt": "mentor"])
        #expect(throws: ConfigurationError.self) {
            try LintRun(try Self.storedTerms(), options: .init(), decoding: decoding).lint([root])
        }
    }
}
