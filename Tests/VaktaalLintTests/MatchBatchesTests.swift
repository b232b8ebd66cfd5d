import Testing
import VaktaalCore

@testable import VaktaalLint

/// A long document is matched in batches, its long stretches of text cut at line breaks that no
/// phrase crosses, and gives exactly the findings of matching it whole.
@Suite struct MatchBatchesTests {
    static let paragraph =
        "Mentor en de amsterdamse\nonderwijsregio werken samen.\nZie docs/mentor.txt en de feedbackgeletterheid.\nIPABO EN INHOLLAND\n\n"

    /// Pieces are cut at a line break: right after the first of a blank line, or right before one that no
    /// phrase crosses; never inside "Amsterdamse Onderwijsregio", a label split over two lines.
    @Test(arguments: ["\n", "\r\n"], [true, false])
    func piecesAreCutAtALineBreakNoPhraseCrosses(lineEnd: String, blankLines: Bool) {
        let paragraph = blankLines ? Self.paragraph : Self.paragraph.replacingOccurrences(of: "\n\n", with: "\n")
        let text = Array(String(repeating: paragraph, count: 40).replacingOccurrences(of: "\n", with: lineEnd).utf8)
        let matcher = dutchLinter.matcher
        text.withUnsafeBufferPointer { bytes in
            let pieces = MatchBatches.pieces(of: 0..<bytes.count, in: bytes, matcher: matcher, batchSize: 300)
            #expect(pieces.count > 5)
            #expect(pieces.first?.lowerBound == 0 && pieces.last?.upperBound == bytes.count)
            for (piece, next) in zip(pieces, pieces.dropFirst()) {
                #expect(piece.upperBound == next.lowerBound, "the pieces cover the text")
                #expect(piece.count >= MatchBatches.pieceSize(left: bytes.count - piece.lowerBound, batchSize: 300))
                let cut = piece.upperBound
                let afterBlankLineBreak = bytes[cut - 1] == 0x0A && (bytes[cut] == 0x0A || bytes[cut] == 0x0D)
                let beforeLineBreak = bytes[cut] == 0x0A && !matcher.mayCrossLineBreak(at: cut, in: bytes, notBefore: 0)
                #expect(afterBlankLineBreak || beforeLineBreak, "a cut at \(cut)")
                let text = String(decoding: bytes[piece], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(!text.hasSuffix("amsterdamse"))
            }
        }
    }

    /// A long text is cut into pieces of a batch's size, but towards the end of the document
    /// each is half of what is left for each core, down to an eighth of a batch, so that the
    /// cores finish together: in one segment, and in several long ones (which taper only at
    /// the document's end, not at each segment's).
    @Test(arguments: [1, 6])
    func theLastPiecesOfALongTextAreSmaller(segmentCount: Int) {
        let batchSize = 1_000
        // Long enough on any number of cores for pieces of a batch's size before the end.
        let copies = max(400, 8 * Parallel.coreCount * batchSize / Self.paragraph.utf8.count)
        let text = Array(String(repeating: Self.paragraph, count: copies).utf8)
        text.withUnsafeBufferPointer { bytes in
            let cuts = (0...segmentCount).map { bytes.count * $0 / segmentCount }
            let segments = zip(cuts, cuts.dropFirst()).map { ProseSegment($0..<$1) }
            let batches = MatchBatches.batches(of: segments, in: bytes, matcher: dutchLinter.matcher, batchSize: batchSize)
            let ranges = batches.map { $0.map(\.sourceRange) }
            #expect(ranges.joined().map(\.count).reduce(0, +) == bytes.count)
            let sizes = ranges.map { ($0.first!.lowerBound, $0.map(\.count).reduce(0, +)) }
            let tail = bytes.count - 2 * Parallel.coreCount * batchSize
            #expect(sizes.filter { $0.0 + $0.1 <= tail }.allSatisfy { $0.1 >= batchSize }, "a batch's size before the end")
            #expect(sizes.dropLast().filter { $0.0 >= tail }.contains { $0.1 < batchSize }, "smaller at the end")
            #expect(sizes.dropLast().allSatisfy { $0.1 >= batchSize / 8 })
            if segmentCount == 1 {
                let pieces = MatchBatches.pieces(
                    of: 0..<bytes.count, in: bytes, matcher: dutchLinter.matcher, batchSize: batchSize)
                #expect(ranges == pieces.map { [$0] }, "each piece a batch")
            }
        }
    }

    @Test func aPieceIsABatchsSizeUntilTheCoresShareWhatIsLeft() {
        let batchSize = 1 << 21
        let cores = Parallel.coreCount
        #expect(MatchBatches.pieceSize(left: 100 * batchSize, batchSize: batchSize) == batchSize)
        #expect(MatchBatches.pieceSize(left: 2 * cores * batchSize, batchSize: batchSize) == batchSize)
        #expect(MatchBatches.pieceSize(left: cores * batchSize, batchSize: batchSize) == batchSize / 2)
        #expect(MatchBatches.pieceSize(left: 0, batchSize: batchSize) == batchSize / 8)
        #expect(MatchBatches.pieceSize(left: 0, batchSize: 4) == 1, "never none")
        let sizes = stride(from: 0, to: 40 * batchSize, by: batchSize / 3).map {
            MatchBatches.pieceSize(left: $0, batchSize: batchSize)
        }
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 <= $1 }, "never larger with less left")
    }

    /// A text with no blank line is not cut when every line ends in a word that a phrase goes
    /// on from over white space, nor when every line may change under Unicode composition (it
    /// is matched composed, and its last word hashed as written may not be the word matched).
    @Test(arguments: ["De mentor en de amsterdamse", "De coo\u{308}rdinator", "Het is 1 =\u{338} 2"], ["\n", "\r\n"])
    func textWithNoLineToCutAfterIsOnePiece(words: String, lineEnd: String) {
        let line = words + lineEnd
        let text = Array(String(repeating: line, count: 200).utf8)
        text.withUnsafeBufferPointer { bytes in
            #expect(
                MatchBatches.pieces(of: 5..<bytes.count, in: bytes, matcher: dutchLinter.matcher, batchSize: 100)
                    == [5..<bytes.count])
        }
        let composed = Array(String(repeating: line.precomposedStringWithCanonicalMapping, count: 200).utf8)
        composed.withUnsafeBufferPointer { bytes in
            #expect(
                line.contains("amsterdamse")
                    || MatchBatches.pieces(of: 5..<bytes.count, in: bytes, matcher: dutchLinter.matcher, batchSize: 100).count
                        > 1,
                "composed, it is cut")
        }
    }

    /// A label written decomposed (NFD) over a line break is found in a long text with no
    /// blank line, as in the same text matched whole.
    @Test(arguments: ["\n", "\r\n"])
    func aDecomposedLabelOverALineBreakIsFoundInALongText(lineEnd: String) {
        let linter = fixtureLinter(
            """
            <concept id="a"><prefLabel>financiële administratie</prefLabel>
            <deprecatedLabel>financiële afdeling</deprecatedLabel></concept>
            <concept id="b"><prefLabel>amsterdamse onderwijsregio</prefLabel></concept>
            """)
        // Every other line ends in a word that a phrase goes on from: only the decomposed ones could be cut after.
        let paragraph = "De financie\u{308}le" + lineEnd + "afdeling en de amsterdamse" + lineEnd
        let copies = 3 * MatchBatches.batchSize / paragraph.utf8.count
        let findings = linter.lint(Array(String(repeating: paragraph, count: copies).utf8), path: "t.txt", format: .text)
            .findings
        #expect(findings.count == copies)
        #expect(findings.allSatisfy { $0.rule.rawValue == "deprecated-term" })
    }

    /// A term after as many spaces as the look back for a sentence start takes, at the start of
    /// a line where a piece may be cut, stands where it stands in the text matched whole.
    @Test func aTermIndentedAfterACutHasItsContextOfTheWholeText() {
        let matcher = dutchLinter.matcher
        let languages = matcher.languages(["nl"])
        // Only the line break after "werkplekbegeleider" is one to cut at: a phrase goes on from "amsterdamse".
        // (The context is read for allowed names written otherwise, such as "INHOLLAND".)
        let line = "De werkplekbegeleider\n" + String(repeating: " ", count: 64) + "INHOLLAND en de amsterdamse\n"
        let (whole, batched, calls) = Self.matchedWholeAndInBatches(String(repeating: line, count: 100), matcher, languages)
        #expect(calls > 5)
        #expect(batched.map(\.range) == whole.map(\.range))
        #expect(batched.map(\.context) == whole.map(\.context))
        #expect(whole.contains { $0.context?.startsSentence == false }, "64 spaces are too many to look back over")
    }

    /// The matches of `text` as one segment, matched whole and in batches of about 500 bytes
    /// with at most three matched ahead of the one taken, and how many batches there were.
    static func matchedWholeAndInBatches(
        _ text: String, _ matcher: TermMatcher, _ languages: TermMatcher.Languages
    ) -> (whole: [Linter.SegmentMatch], batched: [Linter.SegmentMatch], batches: Int) {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            let segment = ProseSegment(0..<bytes.count)
            var batched: [Linter.SegmentMatch] = []
            var batches = 0
            _ = Linter.forEachBatchOfMatches(in: [segment], bytes, matcher, languages, batchSize: 500, ahead: 3) {
                batched += $0.matches
                batches += 1
            }
            return (Linter.matches(in: segment, bytes, matcher, languages), batched, batches)
        }
    }

    /// The segments of a batch share what their words matched (a text cut by links into
    /// many short pieces), and so do the batches a core takes: every use is counted as when
    /// each segment is matched alone, and the first use of each label that a core meets is
    /// kept, once (at most once a core); a segment of its own language (an element's `lang`)
    /// is matched on its own terms.
    @Test(arguments: [1 << 20, 2_000])
    func segmentsOfABatchCountUsesAsWhenMatchedAlone(batchSize: Int) {
        let matcher = dutchLinter.matcher
        let nl = matcher.languages(["nl"])
        let paragraph = "De werkplekbegeleider bespreekt de leeruitkomsten met de mentor en met IPABO.\n"
        let count = 2 * WordMatchMemo.worthwhileLength / paragraph.utf8.count
        let text = Array(String(repeating: paragraph, count: count).utf8)
        let piece = paragraph.utf8.count
        text.withUnsafeBufferPointer { bytes in
            // Every paragraph a segment of its own, the tenth one in English.
            let segments = (0..<count).map { index in
                ProseSegment(index * piece..<(index + 1) * piece, language: index == 10 ? "en" : nil)
            }
            let elementLanguages = ["en": matcher.languages(["en"])]
            var batched: [Linter.SegmentMatch] = []
            var counted = UseCounts()
            var keptPerLabel: [LabelUse: Int] = [:]
            var batches = 0
            let repeated = Linter.forEachBatchOfMatches(
                in: segments, bytes, matcher, nl, elementLanguages: elementLanguages, batchSize: batchSize, countingRepeats: true
            ) { batch in
                batches += 1
                batched += batch.matches
                for match in batch.matches where match.form.isAllowedUse { counted.add(LabelUse(match.form)) }
                // Names written otherwise ("IPABO") are judged where they stand: each use is kept.
                let keptOnce = batch.matches.filter { $0.form.isAllowedUse && !($0.form.isName && !$0.form.isWrittenAsIs) }
                #expect(Set(keptOnce.map { LabelUse($0.form) }).count == keptOnce.count, "a label's first use in a batch, once")
                for match in keptOnce { keptPerLabel[LabelUse(match.form), default: 0] += 1 }
            }
            counted.add(repeated)
            // A core looks at the first use of each label it meets, over all the batches it takes.
            #expect(keptPerLabel.values.allSatisfy { $0 <= min(batches, Parallel.coreCount) })
            #expect(batchSize > bytes.count || batches > 1)
            var alone = UseCounts()
            var everyMatch: [Linter.SegmentMatch] = []
            for segment in segments {
                let languages = segment.language.flatMap { elementLanguages[$0] } ?? nl
                let matches = Linter.matches(in: segment, bytes, matcher, languages)
                everyMatch += matches
                for match in matches where match.form.isAllowedUse { alone.add(LabelUse(match.form)) }
            }
            #expect(counted.dictionary == alone.dictionary)
            #expect(Set(batched.map(\.range)).isSubset(of: Set(everyMatch.map(\.range))))
            #expect(batched.contains { $0.form.isAllowedUse && !$0.form.isName })
            #expect(batched.count < everyMatch.count - 300, "repeats are counted, not kept")
        }
    }

    @Test func segmentsAreBatchedInOrderAndLongOnesCut() {
        let text = Array(String(repeating: Self.paragraph, count: 40).utf8)
        text.withUnsafeBufferPointer { bytes in
            let segments = [ProseSegment(0..<100), ProseSegment(120..<3_000), ProseSegment(3_010..<bytes.count)]
            let batches = MatchBatches.batches(of: segments, in: bytes, matcher: dutchLinter.matcher, batchSize: 500)
            let ranges = batches.joined().map(\.sourceRange)
            #expect(ranges.first == 0..<100 && ranges.last?.upperBound == bytes.count)
            #expect(ranges.count > segments.count, "long segments are cut")
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound })
            #expect(batches.dropLast().allSatisfy { $0.reduce(0) { $0 + $1.sourceRange.count } >= 500 / 8 })
        }
    }

    /// Many small batches (matched while the ones before are taken, at most three ahead)
    /// give the matches of the text matched whole, in order, with blank lines or without.
    @Test(arguments: ["\n", "\r\n"], [true, false])
    func manySmallBatchesGiveTheMatchesOfTheWhole(lineEnd: String, blankLines: Bool) {
        let matcher = dutchLinter.matcher
        let paragraph = blankLines ? Self.paragraph : Self.paragraph.replacingOccurrences(of: "\n\n", with: "\n")
        let text = String(repeating: paragraph, count: 300).replacingOccurrences(of: "\n", with: lineEnd)
        let (whole, batched, calls) = Self.matchedWholeAndInBatches(text, matcher, matcher.languages(["nl"]))
        #expect(calls > 20, "many batches, many more than three ahead")
        #expect(whole.count >= 300 * 4)
        #expect(batched.map(\.range) == whole.map(\.range))
        #expect(batched.map(\.form) == whole.map(\.form))
        #expect(batched.map(\.context) == whole.map(\.context))
    }

    /// A paragraph repeated over more than two batches gives every copy the findings of the
    /// paragraph alone, wherever a cut falls: terms over a line break, at the start of a
    /// sentence, in a path and in a line of capitals. The first batch ends inside a term
    /// that spans a line break, where a cut at that very byte would split it.
    @Test(arguments: ["\n", "\r\n"])
    func aLongDocumentGivesEachParagraphItsOwnFindings(lineEnd: String) throws {
        let paragraph = Self.paragraph.replacingOccurrences(of: "\n", with: lineEnd)
        let length = paragraph.utf8.count
        let inTerm = try #require(paragraph.utf8.firstIndex(of: UInt8(ascii: "\n"))).utf16Offset(in: paragraph)
        let blanks = (MatchBatches.batchSize - inTerm - 2 * lineEnd.utf8.count) % length
        let opening = String(repeating: " ", count: blanks) + lineEnd + lineEnd
        let copies = 2 * MatchBatches.batchSize / length + 50
        let perParagraph = Set(["deprecated-term", "misspelling"])
        let alone = lint(paragraph).filter { perParagraph.contains($0.rule.rawValue) }
        #expect(alone.count == 4)
        let document = opening + String(repeating: paragraph, count: copies)
        let findings = lint(document).filter { perParagraph.contains($0.rule.rawValue) }
        #expect(findings.count == copies * alone.count)
        let linesPerParagraph = 5
        for (index, finding) in findings.enumerated() {
            let original = alone[index % alone.count]
            let line = (original.location?.line ?? 0) + 2 + (index / alone.count) * linesPerParagraph
            guard
                finding.rule != original.rule || finding.message != original.message || finding.location?.line != line
                    || finding.location?.column != original.location?.column || finding.replacement != original.replacement
            else { continue }
            Issue.record("finding \(index) differs: \(finding) against \(original)")
            return
        }
    }
}
