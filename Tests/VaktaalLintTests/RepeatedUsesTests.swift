import Testing
import VaktaalCore
import VaktaalTestSupport

@testable import VaktaalLint

/// A text uses the allowed labels of its vocabulary far more often than it misuses one: the
/// repeated uses (but of names in another casing) are counted where they are matched, and the
/// terms and counts the rules get are those of taking every match in turn.
@Suite struct RepeatedUsesTests {
    /// Uses of 700 labels (notations among them, the one that packs to 0, concepts with the
    /// largest keys), in an order that repeats some often and others once.
    static let uses: [LabelUse] =
        (0..<5_000).map { step in
            let label = (step * step * 7 + step) % 700
            return LabelUse(concept: ConceptKey(label % 7 == 0 ? Int(UInt32.max) - label : label / 3), label: label % 5 - 1)
        } + Array(repeating: LabelUse(concept: ConceptKey(0), label: -1), count: 3)

    /// Labels of a concept that ``uses`` does not name, each used once.
    static let usedOnce = (0..<3).map { LabelUse(concept: ConceptKey(1_000_000), label: $0) }

    @Test func useCountsCountAsADictionaryDoes() {
        var counts = UseCounts()
        var expected: [LabelUse: Int] = [:]
        for use in Self.uses {
            #expect(counts.add(use) == expected[use, default: 0], "\(use)")
            expected[use, default: 0] += 1
        }
        #expect(counts.count == expected.count)
        #expect(counts.count > 100, "the table grew")
        #expect(counts.dictionary == expected)
        #expect(expected[LabelUse(concept: ConceptKey(0), label: -1)] != nil)
    }

    @Test func addingATableAddsItsCounts() {
        var total = UseCounts()
        for use in Self.uses.prefix(2_000) { total.add(use) }
        var other = UseCounts()
        for use in Self.uses.suffix(3_003) { other.add(use) }
        total.add(other)
        var expected: [LabelUse: Int] = [:]
        for use in Self.uses { expected[use, default: 0] += 1 }
        #expect(total.dictionary == expected)
    }

    /// A core looks at the first use of each label it meets and counts the others, over all
    /// the batches it takes: the first in the document is among them, whichever core meets it.
    @Test func aTallyLooksAtTheFirstUseOfEachLabelAndCountsTheOthers() {
        let tally = LabelUseTally()
        let uses = Self.uses + Self.usedOnce
        var firsts: [LabelUse] = []
        for use in uses where tally.isFirst(use) { firsts.append(use) }
        tally.count(uses[0], 5)
        var all = tally.repeatedUses
        #expect(Self.usedOnce.allSatisfy { !all.dictionary.keys.contains($0) }, "labels used once have no repeated uses")
        for use in firsts { all.add(use) }
        var expected: [LabelUse: Int] = [:]
        for use in uses { expected[use, default: 0] += 1 }
        expected[uses[0], default: 0] += 5
        #expect(firsts.count == Set(uses).count)
        #expect(Set(firsts) == Set(uses))
        #expect(all.dictionary == expected)
    }

    @Test func countsLessOneEachLeaveOutLabelsCountedOnce() {
        var counts = UseCounts()
        for use in Self.uses + Self.usedOnce { counts.add(use) }
        var expected: [LabelUse: Int] = [:]
        for (use, count) in counts.dictionary where count > 1 { expected[use] = count - 1 }
        #expect(counts.lessOneEach.dictionary == expected)
        #expect(!expected.isEmpty && expected.count < counts.count)
    }

    /// Segments matched with one tally (the batches one core takes) keep the first use of
    /// each label once: the second keeps none of the labels the first kept, but every use of
    /// a name in another casing and every outdated term, and counts the rest.
    @Test func segmentsMatchedWithOneTallyKeepEachLabelsFirstUseOnce() throws {
        let matcher = dutchLinter.matcher
        let text = Array("De werkplekbegeleider en de mentor. IPABO en Ipabo.\n".utf8)
        try text.withUnsafeBufferPointer { bytes in
            let tally = LabelUseTally()
            let segment = ProseSegment(0..<bytes.count)
            let first = Linter.matches(in: segment, bytes, matcher, matcher.languages(["nl"]), tally: tally)
            let second = Linter.matches(in: segment, bytes, matcher, matcher.languages(["nl"]), tally: tally)
            let written = { (matches: [Linter.SegmentMatch]) in matches.map { String(decoding: bytes[$0.range], as: UTF8.self) } }
            #expect(written(first) == ["werkplekbegeleider", "mentor", "IPABO", "Ipabo"])
            #expect(written(second) == ["mentor", "IPABO", "Ipabo"])
            let werkplekbegeleider = try #require(first.first?.form)
            #expect(tally.repeatedUses.dictionary == [LabelUse(werkplekbegeleider): 1])
        }
    }

    /// A document of several batches with repeated labels, names in capitals, outdated and
    /// misspelled terms, and labels in file names gives the terms and counts of taking every
    /// match in turn.
    @Test func theTermsAndCountsAreThoseOfEveryMatchInTurn() throws {
        let linter = dutchLinter
        let matcher = linter.matcher
        let languages = matcher.languages(["nl"])
        let paragraph =
            MatchBatchesTests.paragraph
            + "De werkplekbegeleider en de aankomend leraar. De werkplekbegeleider helpt de aankomend leraar.\n"
            + "Werkplekbegeleider Jansen helpt de Aankomend Leraar van de Amsterdamse onderwijsregio.\n"
            // Words joined by a slash are terms, a file name or path is none: the scan hands
            // each use next to a slash or dot over, not counting it itself, but for one whose
            // dot only ends its sentence ("de leraar.").
            + "Een leraar/docent, de leraar. En docs/leraar.md of ~/leraar is geen leraar.\n\n"
        let text = String(repeating: paragraph, count: 3 * MatchBatches.batchSize / paragraph.utf8.count + 40)
        let document = try DocumentReaders.reader(for: .text).read(Array(text.utf8), options: linter.options.reading)
        try document.text.withUnsafeBufferPointer { bytes in
            let found = Linter.foundTerms(in: document, bytes, matcher, languages: languages)
            var uses: [LabelUse: Int] = [:]
            var expected: [Range<Int>] = []
            var batches = 0
            _ = Linter.forEachBatchOfMatches(in: document.segments, bytes, matcher, languages) { batch in
                batches += 1
                for match in batch.matches {
                    if match.form.isAllowedUse {
                        let use = LabelUse(concept: match.form.concept, label: match.form.labelIndex ?? -1)
                        let earlier = uses[use, default: 0]
                        uses[use] = earlier + 1
                        let isName = use.label >= 0 && linter.set[use.concept].labels[use.label].isName
                        guard earlier == 0 || (match.context != nil && isName) else { continue }
                    }
                    expected.append(match.range)
                }
            }
            #expect(batches >= 3)
            #expect(found.terms.map(\.range) == expected)
            #expect(found.uses == uses)
            let werkplekbegeleider = try #require(uses.first { linter.set[$0.key.concept].id == "werkplekbegeleider" })
            #expect(werkplekbegeleider.value > 2 * batches, "repeated in every batch")
        }
    }

    /// More labels met than the memo keeps: the words it drops to keep others hand the uses
    /// it counted of them over as they go, in one batch and in many, and every use of every
    /// label is counted once.
    @Test(arguments: [MatchBatches.batchSize, 40_000])
    func usesOfWordsTheMemoDropsAreCountedOnce(batchSize: Int) throws {
        // 6,000 one-word labels (the memo of this text keeps at most 4,096 words), each used
        // one to twenty times in a random order, some at the end of a sentence.
        let words = (0..<6_000).map(Self.word)
        let linter = fixtureLinter(
            words.enumerated().map { "<concept id=\"c\($0)\"><prefLabel>\($1)</prefLabel></concept>" }.joined(separator: "\n"))
        var generator = SeededGenerator(seed: 48)
        let usesOfWord = words.map { _ in Int.random(in: 1...20, using: &generator) }
        var order = words.indices.flatMap { Array(repeating: $0, count: usesOfWord[$0]) }
        order.shuffle(using: &generator)
        // Paragraphs of a hundred words: the segments that batches are made of.
        let text = order.enumerated().map { place, word in
            words[word] + (place % 100 == 99 ? ".\n\n" : place % 7 == 6 ? ". " : " ")
        }.joined()
        // A memo keeps a word for every 128 bytes of the text it is made for, rounded up to a power of two.
        #expect(text.utf8.count <= 4_096 * 128, "a memo of fewer words than there are labels")
        let matcher = linter.matcher
        let document = try DocumentReaders.reader(for: .text).read(Array(text.utf8), options: linter.options.reading)
        try document.text.withUnsafeBufferPointer { bytes in
            var counted = UseCounts()
            var batches = 0
            let repeated = Linter.forEachBatchOfMatches(
                in: document.segments, bytes, matcher, matcher.languages(["nl"]), batchSize: batchSize, countingRepeats: true
            ) { batch in
                batches += 1
                for match in batch.matches { counted.add(LabelUse(match.form)) }
            }
            counted.add(repeated)
            if batchSize < MatchBatches.batchSize { #expect(batches > 2, "batches taken by cores one after another") }
            // Every match taken in turn, with no memo and no tally.
            var everyUse = UseCounts()
            for segment in document.segments {
                for match in Linter.matches(in: segment, bytes, matcher, matcher.languages(["nl"])) {
                    everyUse.add(LabelUse(match.form))
                }
            }
            #expect(everyUse.count > 5_900, "nearly every label is met")
            #expect(counted.dictionary == everyUse.dictionary)
        }
    }

    /// The `index`th word of small letters after a `w`: "wa", "wb", … "wz", "wab", …
    static func word(_ index: Int) -> String {
        var letters = ""
        var rest = index
        repeat {
            letters.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "a") + UInt8(rest % 26)))
            rest /= 26
        } while rest > 0
        return "w" + letters
    }

    /// In a batch, an allowed label written in another form than the vocabulary's (at the
    /// start of a sentence, in title case) is kept once and then only counted, as one written
    /// as is; a name in another casing is kept each time, for the rules to judge its casing.
    @Test func repeatedUsesInAnotherFormAreOnlyCounted() throws {
        let linter = dutchLinter
        let text =
            "Werkplekbegeleider A. De Werkplekbegeleider B. De werkplekbegeleider C. Werkplekbegeleider D.\n"
            + "De amsterdamse onderwijsregio en de AMSTERDAMSE ONDERWIJSREGIO.\n"
        let document = try DocumentReaders.reader(for: .text).read(Array(text.utf8), options: linter.options.reading)
        try document.text.withUnsafeBufferPointer { bytes in
            var batches: [Linter.BatchMatches] = []
            let counted = Linter.forEachBatchOfMatches(
                in: document.segments, bytes, linter.matcher, linter.matcher.languages(["nl"]), countingRepeats: true
            ) {
                batches.append($0)
            }
            let batch = try #require(batches.first)
            #expect(batches.count == 1)
            let written = batch.matches.map { String(decoding: bytes[$0.range], as: UTF8.self) }
            #expect(written == ["Werkplekbegeleider", "amsterdamse onderwijsregio", "AMSTERDAMSE ONDERWIJSREGIO"])
            let counts = counted.dictionary
            let werkplekbegeleider = try #require(batch.matches.first?.form)
            // Four uses: the first kept, the others counted.
            #expect(counts[LabelUse(concept: werkplekbegeleider.concept, label: werkplekbegeleider.labelIndex ?? -1)] == 3)
            #expect(counts.count == 1, "the name's uses are counted by the document's terms, not here")
        }
    }
}
