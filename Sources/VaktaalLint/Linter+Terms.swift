import Synchronization
import VaktaalCore
import VaktaalText

/// Finding the terms of a document: each segment's text (decoded, composed to NFC where it
/// is not) goes through the matcher, and each match is placed in the original source.
extension Linter {
    /// A match of a segment, placed in the document's text.
    struct SegmentMatch {
        /// The bytes in ``ReadDocument/text`` (without markup around the term).
        let range: Range<Int>
        let form: MatchedForm
        /// Markup splits the term: found on the rendered text, never fixed automatically.
        let crossesMarkup: Bool
        /// The rendered text, when markup splits the term.
        let rendered: String?
        let context: TermContext?
    }

    /// The terms of the document's prose, in source order, with their places: see
    /// ``DocumentTerms`` for which uses of allowed labels are only counted (here the first
    /// use of every allowed label is a term: ``DocumentTerms/judged`` leaves out those no
    /// rule judges).
    ///
    /// - Parameter elementLanguages: The languages of the segments that declare one of their
    ///   own (``ProseSegment/language``), by that declaration; others are in `languages`.
    static func foundTerms(
        in document: ReadDocument, _ text: UnsafeBufferPointer<UInt8>, _ matcher: TermMatcher, languages: TermMatcher.Languages,
        elementLanguages: [String: TermMatcher.Languages] = [:]
    ) -> DocumentTerms {
        var positions = TermPositions(text: text, paragraphs: document.paragraphs)
        var terms: [FoundTerm] = []
        var variants = TermVariants()
        // What the terms of each variant share, by variant.
        var shared: [FoundTerm.Shared] = []
        var uses = UseCounts()
        let counted = forEachBatchOfMatches(
            in: document.segments, text, matcher, languages, elementLanguages: elementLanguages, countingRepeats: true
        ) { batch in
            let found = batch.matches
            // Room for a batch's reportable terms at once (still doubling over many batches):
            // a million terms are then grown into a few arrays, not twenty. (Uses of allowed
            // labels are mostly only counted: they grow the array as they come.)
            let reportable = found.count { !$0.form.isAllowedUse }
            if terms.count + reportable > terms.capacity {
                terms.reserveCapacity(max(2 * terms.capacity, terms.count + reportable))
            }
            // Each match is read where it lies: taken out of the array, each would be copied.
            found.withUnsafeBufferPointer { found in
                for index in found.indices {
                    let (form, range) = (found[index].form, found[index].range)
                    if form.isAllowedUse {
                        let earlier = uses.add(LabelUse(form))
                        // A name written in another casing may be misspelled; other repeated uses are only counted.
                        guard earlier == 0 || found[index].context != nil else { continue }
                    }
                    let place = positions.range(of: range)
                    let variant =
                        found[index].rendered?.withUTF8Bytes { variants.variant(form: form.id, written: $0) }
                        ?? variants.variant(form: form.id, written: UnsafeBufferPointer(rebasing: text[range]))
                    if variant == shared.count {
                        shared.append(
                            FoundTerm.Shared(variant: variant, text: variants.texts[variant], entry: matcher.entry(form)))
                    }
                    // Office documents only: plain text has no paragraphs to look up.
                    let paragraph = place.paragraph.map { document.paragraphs[$0] }
                    terms.append(
                        FoundTerm(
                            index: terms.count, place: place.range, range: range, shared: shared[variant],
                            documentPlace: paragraph?.place,
                            canFix: !found[index].crossesMarkup && paragraph?.isFixable ?? true && document.mayFix(range),
                            context: found[index].context))
                }
            }
        }
        uses.add(counted)
        return DocumentTerms(terms: terms, uses: uses.dictionary, variantCount: variants.count)
    }

    /// `bytes` read and its terms found by `matcher` (with the allowed phrases of `options`; a
    /// document the reader cannot read keeps its problem).
    static func matched(
        _ bytes: SourceBytes, reader: any DocumentReader, options: LintOptions, matcher: TermMatcher
    ) -> MatchedDocument {
        let document: ReadDocument
        do {
            document = try reader.read(bytes, options: options.reading)
        } catch {
            return MatchedDocument(document: .failure(error), terms: DocumentTerms(terms: [], uses: [:], variantCount: 0))
        }
        let languages = matcher.languages(options.languages.chosen(for: document))
        var elementLanguages: [String: TermMatcher.Languages] = [:]
        for segment in document.segments {
            guard let language = segment.language, elementLanguages[language] == nil else { continue }
            elementLanguages[language] = matcher.languages(options.languages.chosen(for: document, elementLanguage: language))
        }
        let terms = document.text.withUnsafeBufferPointer { text in
            foundTerms(in: document, text, matcher, languages: languages, elementLanguages: elementLanguages)
        }
        // The segments are not kept: read from markup, they hold a decoded copy of the text and an offset per byte.
        let linted = ReadDocument(
            text: document.text, segments: [], directives: document.directives, declaredLanguage: document.declaredLanguage,
            paragraphs: document.paragraphs)
        return MatchedDocument(document: .success(linted), terms: terms)
    }

    /// A document read and its terms found (``matched(_:reader:options:matcher:)``). Found by
    /// a whole vocabulary's matcher, it is kept while the concepts its judged terms name are
    /// decoded (``CompiledTerms/excerpt(naming:)``), then linted with them
    /// (``lint(_:path:quotingText:lettingGo:)``) without matching it again.
    struct MatchedDocument: Sendable {
        /// The document without its segments, or why the reader could not read it.
        let document: Result<ReadDocument, DocumentProblem>
        /// Its terms, naming the concepts of the matcher's set: all that were found, the first
        /// uses no rule judges among them (``judgedTerms(renamedBy:)`` leaves those out when
        /// the document is linted, as it renames the others).
        let terms: DocumentTerms
        /// Which of its variants a rule judges (``DocumentTerms/judgedVariants``), decided once
        /// for both the concepts to decode and the terms to lint.
        let judgedVariants: JudgedVariants

        init(document: Result<ReadDocument, DocumentProblem>, terms: DocumentTerms) {
            self.document = document
            self.terms = terms
            judgedVariants = terms.judgedVariants
        }

        /// The concepts its judged terms name.
        var namedConcepts: Set<ConceptKey> { terms.concepts(judged: judgedVariants) }

        /// Its judged terms, naming the concepts of `matcher`'s set when it renames them
        /// (``DocumentTerms/judged(renamedBy:judgedVariants:)``).
        func judgedTerms(renamedBy matcher: TermMatcher?) -> DocumentTerms {
            terms.judged(renamedBy: matcher, judgedVariants: judgedVariants)
        }
    }

    /// The matches of a batch of segments.
    struct BatchMatches {
        /// The matches, in order; when repeats are counted, without the uses of an allowed
        /// label after the first that the core matching the batch met (in this batch or an
        /// earlier one; names in another casing are all here).
        let matches: [SegmentMatch]
    }

    /// The matches of `segments`, handed to `body` batch by batch, in order: the batches
    /// (``MatchBatches``) are matched on all cores, each handed to `body` as soon as it and
    /// those before it are matched, while later ones are matched: at most `ahead` past the
    /// one `body` takes. Two a core by default: `body` then reads a batch's text soon after
    /// it was matched, while much of it is still in the cache (eight a core: at 100k
    /// concepts 2% slower on one core and on two; one a core: as fast on one core, 4% slower
    /// on two).
    ///
    /// - Parameter countingRepeats: Whether repeated uses of allowed labels are only counted
    ///   (``LabelUseTally``): the rules look at the first use of a label (and at each use of
    ///   a name in another casing, which may be misspelled), and a text of a large vocabulary
    ///   uses one of its labels every few words.
    /// - Returns: The uses of allowed labels only counted, in all batches (none unless
    ///   `countingRepeats`): those that are not among the matches handed to `body`.
    static func forEachBatchOfMatches(
        in segments: [ProseSegment], _ text: UnsafeBufferPointer<UInt8>, _ matcher: TermMatcher,
        _ languages: TermMatcher.Languages, elementLanguages: [String: TermMatcher.Languages] = [:],
        batchSize: Int = MatchBatches.batchSize, ahead: Int = 2 * Parallel.coreCount, countingRepeats: Bool = false,
        _ body: (BatchMatches) -> Void
    ) -> UseCounts {
        let batches = MatchBatches.batches(of: segments, in: text, matcher: matcher, batchSize: batchSize)
        nonisolated(unsafe) let text = text
        // The segments of the document's languages share what their words matched: a text cut
        // by links and addresses uses the same common words in each piece, and each batch
        // those of the batches before it (the batches a core takes share one memo).
        let sharedLength = segments.reduce(0) { total, segment in
            total + (segment.language.flatMap { elementLanguages[$0] } == nil ? segment.sourceRange.count : 0)
        }
        let counted = Mutex(UseCounts())
        // What the batches a core takes share: the memo, and the labels whose first use the
        // core met. The uses they only counted are added up once the core is done: the memo
        // counts those of the words it keeps over all of them.
        @Sendable func withCoreState(_ body: ((memo: WordMatchMemo?, tally: LabelUseTally?)) -> Void) {
            let tally = countingRepeats ? LabelUseTally() : nil
            if sharedLength >= WordMatchMemo.worthwhileLength {
                WordMatchMemo.withMemo(forTextOf: min(sharedLength, batchSize)) { memo in
                    body((memo, tally))
                    memo.handOverCounts { form, count in tally?.count(LabelUse(form), count) }
                }
            } else {
                body((nil, tally))
            }
            if let repeated = tally?.repeatedUses { counted.withLock { $0.add(repeated) } }
        }
        Parallel.forEachInOrder(batches.count, ahead: ahead, sharing: withCoreState) { index, core in
            // The matches of a batch's pieces are appended where they are found, not copied.
            var found: [SegmentMatch] = []
            for segment in batches[index] {
                let own = segment.language.flatMap { elementLanguages[$0] }
                appendMatches(
                    in: segment, text, matcher, own ?? languages, memo: own == nil ? core.memo : nil, tally: core.tally,
                    to: &found)
            }
            return BatchMatches(matches: found)
        } consume: {
            body($0)
        }
        return counted.withLock { $0 }
    }

    /// The matches of one segment, with ranges in the document's text, every use counted as
    /// a match (what a caller that looks at each match wants, such as the tests of batches).
    static func matches(
        in segment: ProseSegment, _ text: UnsafeBufferPointer<UInt8>, _ matcher: TermMatcher, _ languages: TermMatcher.Languages
    ) -> [SegmentMatch] {
        matches(in: segment, text, matcher, languages, tally: nil)
    }

    /// The matches of one segment, with ranges in the document's text; with a `tally`, only
    /// the first use of each allowed label that it met is kept among them, the others counted
    /// there (but every use of a name in another casing, which is not counted).
    static func matches(
        in segment: ProseSegment, _ text: UnsafeBufferPointer<UInt8>, _ matcher: TermMatcher, _ languages: TermMatcher.Languages,
        tally: LabelUseTally?
    ) -> [SegmentMatch] {
        var kept: [SegmentMatch] = []
        appendMatches(in: segment, text, matcher, languages, memo: nil, tally: tally, to: &kept)
        return kept
    }

    /// ``matches(in:_:_:_:tally:)``, appended to `kept`. With a `memo` that other segments
    /// share, the uses it counts stay in it for its owner to hand over
    /// (``WordMatchMemo/handOverCounts(to:)``).
    private static func appendMatches(
        in segment: ProseSegment, _ text: UnsafeBufferPointer<UInt8>, _ matcher: TermMatcher, _ languages: TermMatcher.Languages,
        memo: WordMatchMemo?, tally: LabelUseTally?, to kept: inout [SegmentMatch]
    ) {
        // The first use of an allowed label is kept and the others counted; the scan counts
        // those of a word it met before itself (but for a use next to a slash, backslash or
        // dot, which may be part of a file name, unless the word stands alone before the
        // punctuation that ends its sentence: ``FileNamesAndPaths/handedOverUses``): most
        // matches of a long text are such repeats.
        // The matches of `view[bounds]`, placed in the source through `offsets` (`nil` for the
        // source itself), appended to `kept`: passed in, not captured, so that access to it is
        // checked when compiled, not at every match.
        func scan(_ view: UnsafeBufferPointer<UInt8>, _ bounds: Range<Int>, offsets: [Int]?, into kept: inout [SegmentMatch]) {
            matcher.forEachMatch(
                in: view, range: bounds, languages: languages, sharing: memo,
                handingOver: FileNamesAndPaths.handedOverUses
            ) { match in
                guard let form = termForm(of: match, in: view, bounds: bounds) else { return .taken }
                guard let tally, form.isAllowedUse, !isJudgedByContext(form) else {
                    kept.append(placed(match, form, in: view, segment, offsets: offsets))
                    return .taken
                }
                if tally.isFirst(LabelUse(form)) { kept.append(placed(match, form, in: view, segment, offsets: offsets)) }
                return .counted
            } repeated: { form, count in
                tally?.count(LabelUse(form), count)
            }
        }
        let range = segment.sourceRange
        // The text the matcher reads: the source where it is, or the segment's decoded text,
        // composed (NFC) when that changes it, with the offset in the source of each byte.
        let read: (text: [UInt8], offsets: [Int])?
        if let decoded = segment.decoded, let offsets = segment.offsets {
            let composed = decoded.withUnsafeBufferPointer { CanonicalComposition.composed($0, range: 0..<$0.count) }
            read = composed.map { ($0.text, $0.offsets.map { offsets[$0] }) } ?? (decoded, offsets)
        } else {
            read = CanonicalComposition.composed(text, range: range)
        }
        if let read {
            read.text.withUnsafeBufferPointer { scan($0, 0..<$0.count, offsets: read.offsets, into: &kept) }
        } else {
            scan(text, range, offsets: nil, into: &kept)
        }
    }

    /// The label form a match of the text the matcher read (`view`) names; `nil` for phrases
    /// that are simply fine and for terms inside file names and paths.
    @inline(__always)
    private static func termForm(of match: TermMatch, in view: UnsafeBufferPointer<UInt8>, bounds: Range<Int>) -> MatchedForm? {
        guard case .label(let form) = match.target, !FileNamesAndPaths.contains(match.range, in: view, bounds: bounds) else {
            return nil
        }
        return form
    }

    /// Whether a use of `form` is judged by where it stands in its sentence: only the casing
    /// of an allowed name is, when it is not written as the vocabulary writes it.
    private static func isJudgedByContext(_ form: MatchedForm) -> Bool {
        form.isName && form.isAllowedUse && !form.isWrittenAsIs
    }

    /// A match of `form` in the text the matcher read (`view`) of `segment`, placed in the
    /// source through `offsets` (`nil` when the matcher read the source).
    private static func placed(
        _ match: TermMatch, _ form: MatchedForm, in view: UnsafeBufferPointer<UInt8>, _ segment: ProseSegment, offsets: [Int]?
    ) -> SegmentMatch {
        // Where the term stands in its sentence is read in the segment's context in the
        // source, or in the whole text read.
        let contextBounds = offsets == nil ? segment.context : 0..<view.count
        let markup = offsets == nil ? [] : segment.markup
        let start = offsets?[match.range.lowerBound] ?? match.range.lowerBound
        var end = offsets?[match.range.upperBound] ?? match.range.upperBound
        var crosses = false
        if !markup.isEmpty {
            // The markup right after the term (`</em>`, `**`) is not part of it.
            var index = markup.partitioningIndex { $0.lowerBound >= end } - 1
            while index >= 0, markup[index].upperBound == end, markup[index].lowerBound >= start {
                end = markup[index].lowerBound
                index -= 1
            }
            crosses = markup.contains { $0.lowerBound > start && $0.upperBound <= end && !$0.isEmpty }
        }
        let matched = UnsafeBufferPointer(rebasing: view[match.range])
        let context = isJudgedByContext(form) ? TermContext.of(match.range, in: view, bounds: contextBounds) : nil
        return SegmentMatch(
            range: start..<end, form: form, crossesMarkup: crosses,
            rendered: crosses ? String(decoding: matched, as: UTF8.self) : nil, context: context)
    }
}

extension DocumentTerms {
    /// These terms without the first uses of allowed labels that no rule judges: a label that
    /// is no abbreviation, of a concept the document names by no other label (a rule judges
    /// two labels of one concept used side by side, and an abbreviation used before its
    /// concept's preferred label). At 100k concepts a text names a few thousand concepts
    /// only so; their concepts need not be read for the rules.
    var judged: DocumentTerms { judged(renamedBy: nil) }

    /// The judged terms (``judged``) with their concepts as `matcher`, an excerpt's, names
    /// them (``TermMatcher/renamed(_:)``): terms and uses of a concept it leaves out are
    /// dropped. A `matcher` that renames nothing (or none) leaves the concepts as they
    /// are. `judgedVariants` is ``judgedVariants`` when it is known already.
    func judged(renamedBy matcher: TermMatcher?, judgedVariants known: JudgedVariants? = nil) -> DocumentTerms {
        let judgedVariants = known ?? self.judgedVariants
        let variantsJudged = judgedVariants.isJudged
        guard let matcher, matcher.renamesConcepts else {
            guard terms.contains(where: { $0.context == nil && !variantsJudged[$0.variant] }) else { return self }
            return DocumentTerms(
                terms: kept(sharing: judgedVariants.judgedShared, variantsJudged), uses: uses, variantCount: variantCount)
        }
        // The terms of a variant share their form, and so their concept: renamed once, at its
        // first judged term. A variant whose concept the excerpt leaves out keeps no terms.
        var renamedShared = [FoundTerm.Shared?](repeating: nil, count: variantCount)
        for case let shared? in judgedVariants.judgedShared {
            renamedShared[shared.variant] = matcher.renamed(shared.entry.concept).map {
                FoundTerm.Shared(variant: shared.variant, text: shared.text, entry: shared.entry.naming($0))
            }
        }
        var renamedUses: [LabelUse: Int] = [:]
        renamedUses.reserveCapacity(uses.count)
        for (use, count) in uses {
            guard let concept = matcher.renamed(use.concept) else { continue }
            renamedUses[LabelUse(concept: concept, label: use.label)] = count
        }
        return DocumentTerms(
            terms: kept(sharing: renamedShared, variantsJudged), uses: renamedUses, variantCount: variantCount)
    }

    /// The judged terms (of a variant judged, ``JudgedVariants/isJudged``, or with a context)
    /// of a variant that `shared` gives what they share for (their own, or their variant's
    /// renamed), numbered anew.
    /// A document with many has them copied on all cores: the copy is most of the time
    /// between decoding an excerpt and judging the terms.
    private func kept(sharing shared: [FoundTerm.Shared?], _ variantsJudged: [Bool]) -> [FoundTerm] {
        var places: [Int] = []
        places.reserveCapacity(terms.count)
        terms.withUnsafeBufferPointer { terms in
            for index in terms.indices {
                let variant = terms[index].variant
                guard terms[index].context != nil || variantsJudged[variant], shared[variant] != nil else { continue }
                places.append(index)
            }
        }
        let (terms, judged) = (terms, places)
        let parts = judged.count >= Self.keptSideBySide ? Parallel.coreCount : 1
        return Parallel.map(
            judged.count, chunks: parts, state: {},
            { index, _ in
                terms.withUnsafeBufferPointer { terms in
                    let place = judged[index]
                    return FoundTerm(terms[place], index: index, shared: shared[terms[place].variant].unsafelyUnwrapped)
                }
            })
    }

    /// A document with this many judged terms has them copied on all cores.
    private static let keptSideBySide = 16_384

    /// The concepts the judged terms name (`judgedVariants` being ``judgedVariants``), taken
    /// once for each variant.
    func concepts(judged judgedVariants: JudgedVariants) -> Set<ConceptKey> {
        var concepts: Set<ConceptKey> = []
        // Room for a concept for each variant at once: grown by doubling, the set was hashed anew at each step.
        concepts.reserveCapacity(variantCount)
        for case let shared? in judgedVariants.judgedShared { concepts.insert(shared.entry.concept) }
        return concepts
    }

    /// Which variants a rule judges, and what the judged terms of each share, found in one
    /// pass over the terms: a document may hold a million terms of a few, and the steps after
    /// it (the concepts to decode, their renaming into an excerpt) look at each variant once,
    /// not at every term again.
    var judgedVariants: JudgedVariants {
        // How many of each concept's labels the document uses.
        var labelsUsed: [ConceptKey: Int] = [:]
        labelsUsed.reserveCapacity(uses.count)
        for use in uses.keys { labelsUsed[use.concept, default: 0] += 1 }
        var isDecided = [Bool](repeating: false, count: variantCount)
        var judged = [Bool](repeating: false, count: variantCount)
        var judgedShared = [FoundTerm.Shared?](repeating: nil, count: variantCount)
        terms.withUnsafeBufferPointer { terms in
            for index in terms.indices {
                let variant = terms[index].variant
                if !isDecided[variant] {
                    let entry = terms[index].entry
                    isDecided[variant] = true
                    judged[variant] =
                        !entry.kind.isAllowed || entry.conceptIsDeprecated || entry.isAbbreviation
                        || labelsUsed[entry.concept, default: 0] > 1
                }
                if judgedShared[variant] == nil, judged[variant] || terms[index].context != nil {
                    judgedShared[variant] = terms[index].shared
                }
            }
        }
        return JudgedVariants(isJudged: judged, judgedShared: judgedShared)
    }
}

/// Which variants of a document's terms a rule judges (one form written one way, byte for
/// byte), decided once for each; a term with a context is judged whatever its variant.
struct JudgedVariants: Sendable {
    /// Whether a rule judges the terms of each variant.
    let isJudged: [Bool]
    /// What the terms of each variant share (``FoundTerm/Shared``) when some are judged (all
    /// of a variant judged, else those with a context); `nil` for a variant with none.
    let judgedShared: [FoundTerm.Shared?]
}

/// Positions of matches: lines and columns of the text, or, when the reader gives
/// paragraphs, each paragraph's line in its part and code points from its start.
struct TermPositions {
    private var lines: LineIndex
    private let text: UnsafeBufferPointer<UInt8>
    private let paragraphs: [DocumentParagraph]
    /// A UTF-8 byte order mark is no character of the text.
    private let hasByteOrderMark: Bool

    init(text: UnsafeBufferPointer<UInt8>, paragraphs: [DocumentParagraph]) {
        self.text = text
        self.paragraphs = paragraphs
        lines = LineIndex(bytes: text)
        hasByteOrderMark = text.starts(with: [0xEF, 0xBB, 0xBF])
    }

    /// The range of `bytes` and, for office documents, the index of the paragraph it is in
    /// (an index, not the paragraph: a plain text's millions of terms then copy no optional
    /// paragraph of strings).
    mutating func range(of bytes: Range<Int>) -> (range: SourceRange, paragraph: Int?) {
        guard !paragraphs.isEmpty else {
            return (SourceRange(start: position(bytes.lowerBound), end: position(bytes.upperBound), bytes: bytes), nil)
        }
        let index = max(0, paragraphs.partitioningIndex { $0.range.lowerBound > bytes.lowerBound } - 1)
        let paragraph = paragraphs[index]
        func column(_ offset: Int) -> Int {
            var count = 1
            for index in paragraph.range.lowerBound..<max(paragraph.range.lowerBound, offset) where text[index] & 0xC0 != 0x80 {
                count += 1
            }
            return count
        }
        let line = paragraph.place.line
        return (
            SourceRange(
                start: SourcePosition(line: line, column: column(bytes.lowerBound)),
                end: SourcePosition(line: line, column: column(bytes.upperBound)), bytes: bytes),
            index
        )
    }

    private mutating func position(_ offset: Int) -> SourcePosition {
        var found = lines.position(at: offset)
        if hasByteOrderMark, found.line == 1 { found.column -= 1 }
        return found
    }
}
