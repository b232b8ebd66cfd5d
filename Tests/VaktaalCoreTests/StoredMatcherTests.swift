import Foundation
import Testing
import VaktaalTestSupport

@testable import VaktaalCore

/// The term matcher kept in a snapshot: read back, it finds exactly what a matcher built from
/// the files finds; damaged, it is built again and the snapshot removed.
@Suite struct StoredMatcherTests {
    /// Every form of the vocabulary in a sentence, as written and in capitals, and the
    /// presentation the vocabulary came from.
    static func texts(of set: VocabularySet) throws -> [String] {
        let forms = IndexEntries(set).map(\.form)
        return [
            forms.map { "De \($0), en dan." }.joined(separator: "\n"),
            forms.map { "\($0.uppercased()) in een kop" }.joined(separator: "\n\n"),
            try String(contentsOfFile: fixturesFolder + "/presentation.txt", encoding: .utf8),
        ]
    }

    static func matches(_ matcher: TermMatcher, _ text: String, languages: Set<String>?) -> [TermMatch] {
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            matcher.matches(in: bytes, range: 0..<bytes.count, languages: matcher.languages(languages))
        }
    }

    /// A match with the whole entry it names and what it tells the rules (`nil` for a phrase
    /// that is simply fine): stored and built matchers are compared on what their matches
    /// say, not on entry ids alone.
    struct Found: Equatable {
        let range: Range<Int>
        let entry: IndexEntry?
        let traits: [Bool]
        let labelIndex: Int?
    }

    static func found(_ matcher: TermMatcher, _ text: String, languages: Set<String>?) -> [Found] {
        matches(matcher, text, languages: languages).map { match in
            guard case .label(let form) = match.target else {
                return Found(range: match.range, entry: nil, traits: [], labelIndex: nil)
            }
            return Found(
                range: match.range, entry: matcher.entry(form), traits: [form.isAllowedUse, form.isName, form.isWrittenAsIs],
                labelIndex: form.labelIndex)
        }
    }

    /// An entry's form is compared with a text in place: equal exactly when the bytes are.
    @Test func anEntrysFormEqualsExactlyItsBytes() throws {
        let entries = IndexEntries(try VocabularyLoader.load(path: fixtureVocabularyFolder).set)
        for id in entries.indices {
            let form = entries[id].form
            let bytes: [UInt8] = Array(form.utf8)
            let next: [UInt8] = Array(entries[(id + 1) % entries.count].form.utf8)
            let capitals: [UInt8] = Array(form.uppercased().utf8)
            let others: [[UInt8]] = [Array(bytes.dropLast()), bytes + [0x61], capitals, next]
            bytes.withUnsafeBufferPointer { #expect(entries.form(id, equals: $0), "\(form)") }
            for other in others {
                let same = other == bytes
                other.withUnsafeBufferPointer { #expect(entries.form(id, equals: $0) == same, "\(form)") }
            }
        }
    }

    @Test(arguments: [fixtureVocabularyFolder, fixturesFolder + "/EveryFeature", fixturesFolder + "/RepeatedNames"])
    func aStoredMatcherFindsWhatABuiltOneFinds(folder: String) throws {
        let workspace = try CompiledIndexCacheTests.Workspace(folder)
        #expect(try workspace.cache.load(path: workspace.vocabulary).outcome == .stored)
        let (stored, outcome) = try workspace.cache.load(path: workspace.vocabulary)
        #expect(outcome == .reused)
        let set = stored.loaded.set
        let built = TermMatcher(set: set, entries: IndexEntries(set))
        let languages = Set(set.vocabularies.flatMap { $0.concepts.flatMap { $0.labels.map(\.language) } })
        var found = 0
        for text in try Self.texts(of: set) {
            for choice in [nil, ["nl"], ["en"]] + languages.map({ [$0] }) {
                let expected = Self.found(built, text, languages: choice.map(Set.init))
                #expect(Self.found(stored.matchIndex.matcher, text, languages: choice.map(Set.init)) == expected)
                found += expected.count
            }
        }
        #expect(found > 0)
        #expect(Array(stored.matchIndex.matcher.tokensBeforeSpace) == Array(built.tokensBeforeSpace))
        #expect(Array(stored.matchIndex.matcher.laterSteps) == Array(built.laterSteps))
        #expect(try workspace.snapshots.map { FileManager.default.fileExists(atPath: $0) } == [true], "read, not built")
    }

    /// A configuration's allowed phrases are matched beside a stored matcher, winning over
    /// labels of the same words: "mentor" is then simply fine, and the stored matcher still finds it.
    @Test func allowedPhrasesAreMatchedBesideAStoredMatcher() throws {
        let workspace = try CompiledIndexCacheTests.Workspace()
        _ = try workspace.cache.load(path: workspace.vocabulary)
        let (stored, outcome) = try workspace.cache.load(path: workspace.vocabulary)
        #expect(outcome == .reused)
        let text = "de mentor en de Mentor Jansen"
        let allowing = stored.matchIndex.matcher(allowing: ["mentor jansen", "mentor"])
        #expect(Self.matches(allowing, text, languages: ["nl"]).map(\.target) == [.allowed, .allowed])
        #expect(Self.matches(allowing, text, languages: ["nl"]).map(\.range) == [3..<9, 16..<29])
        let labels = Self.matches(stored.matchIndex.matcher, text, languages: ["nl"])
        #expect(labels.map(\.range) == [3..<9, 16..<22])
        #expect(labels.allSatisfy { $0.target != .allowed })
    }

    /// A matcher section that fails its checksum is found when lint first reads it: the
    /// matcher is built from the set instead, and the snapshot removed for the next run to write.
    @Test func aDamagedMatcherIsBuiltAgainAndTheSnapshotRemoved() throws {
        let workspace = try CompiledIndexCacheTests.Workspace()
        _ = try workspace.cache.load(path: workspace.vocabulary)
        let snapshot = try #require(workspace.snapshots.first)
        var bytes = try #require(FileBytes.read(snapshot))
        // The matcher's filters come last.
        bytes[bytes.count - 20] ^= 0x04
        try Data(bytes).write(to: URL(fileURLWithPath: snapshot))

        let (damaged, outcome) = try workspace.cache.load(path: workspace.vocabulary)
        #expect(outcome == .reused, "the rest of the snapshot is sound")
        #expect(FileManager.default.fileExists(atPath: snapshot), "the matcher is read when lint needs it")
        let set = damaged.loaded.set
        let built = TermMatcher(set: set, entries: IndexEntries(set))
        for text in try Self.texts(of: set) {
            #expect(Self.found(damaged.matchIndex.matcher, text, languages: nil) == Self.found(built, text, languages: nil))
        }
        #expect(!FileManager.default.fileExists(atPath: snapshot))
        #expect(try workspace.cache.load(path: workspace.vocabulary).outcome == .stored)
    }

    /// A matcher that does not fit together (a writer's bug) is refused: one whose candidate
    /// chain turns back (walking it would not end), leads into a record or past the last one, whose transitions
    /// lead to nodes it does not have, whose records overrun their column (a key past its
    /// end, a key of −1 bytes, words left over), whose record names an entry past the
    /// entries or a concept past the set's, or whose allowed phrase names a concept, a
    /// language it does not have, a flag there is not or a name.
    ///
    /// Read from a snapshot vouched for, without checking its records and steps, each that
    /// still has the shape of a matcher matches a text to its end, and reads nothing outside
    /// its columns: the records a walk reads are checked as it reads them.
    @Test func aMatcherThatDoesNotFitTogetherIsRefused() throws {
        let set = try VocabularyLoader.load(path: fixtureVocabularyFolder).set
        let entries = IndexEntries(set)
        var builder = TermMatcher.Builder(phrases: 4)
        for phrase in ["de mentor", "De Mentor"] { builder.insert(phrase, language: -1) }
        let good = builder.matcher(entries: entries)
        var writer = BinaryWriter()
        good.write(to: &writer)
        let read = try writer.bytes.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            return try TermMatcher(reading: &reader, entries: entries)
        }
        #expect(Self.found(read, "zie de mentor", languages: nil) == Self.found(good, "zie de mentor", languages: nil))
        #expect(Self.matches(read, "zie de mentor", languages: nil).count == 1)

        let places = good.candidates.places
        let (records, keyBytes) = Self.builderRecords(of: good.candidates)
        func copy(
            nodeCount: Int? = nil, candidates: [MatchCandidate]? = nil, words: [UInt32]? = nil,
            tokensBeforeSpace: [UInt64]? = nil, laterSteps: [UInt64]? = nil
        ) -> TermMatcher {
            TermMatcher(
                transitions: good.transitions, firstWords: good.firstWords,
                tokensBeforeSpace: tokensBeforeSpace.map(Column.init) ?? good.tokensBeforeSpace,
                laterSteps: laterSteps.map(Column.init) ?? good.laterSteps,
                nodeCount: nodeCount ?? good.nodeCount,
                candidates: words.map { MatchCandidates(words: Column($0), bounds: good.candidates.bounds) }
                    ?? candidates.map {
                        MatchCandidates.laidOut($0, keyBytes: keyBytes, bounds: good.candidates.bounds).candidates
                    } ?? good.candidates,
                entries: entries)
        }
        #expect(copy(candidates: records).candidates.words.elementsEqual(good.candidates.words), "the records read back")
        #expect(records.count == 2 && records[0].next == 1, "both phrases end at one node")
        #expect(good.nodeCount == 4, "the root, \"de\", \"de \" and \"de mentor\"")
        // The two candidates of the node as a chain that goes back to its start.
        var looping = records
        looping[1].next = 0
        var naming = records
        naming[0].concept = 0
        var foreignLanguage = records
        foreignLanguage[0] = MatchCandidate(
            entry: -1, keyStart: records[0].keyStart, keyEnd: records[0].keyEnd, language: 99, flags: records[0].flags)
        // The first phrase as a label form of entry `entry`, naming `concept`.
        func labelForm(entry: Int, concept: Int) -> [MatchCandidate] {
            var named = records
            named[0] = MatchCandidate(
                entry: Int32(entry), keyStart: records[0].keyStart, keyEnd: records[0].keyEnd, language: records[0].language,
                flags: records[0].flags)
            named[0].next = records[0].next
            named[0].concept = Int32(concept)
            named[0].labelIndex = 0
            return named
        }
        let pastTheEntries = labelForm(entry: entries.count, concept: 0)
        let pastTheConcepts = labelForm(entry: 0, concept: set.count)
        var unknownFlag = records
        unknownFlag[1].flags.insert(MatchCandidate.Flags(rawValue: 1 << 7))
        var claimsAName = records
        claimsAName[1].flags.insert(.name)
        // A chain that goes on into the middle of the next record.
        var intoARecord = Array(good.candidates.words)
        intoARecord[places[0]] = UInt32(places[1] + 1)
        var unsizedKey = Array(good.candidates.words)
        unsizedKey[places[0] + 4] = UInt32.max
        // Chains that go on past the end of the column: just past it, and as far as can be.
        var pastTheEnd = Array(good.candidates.words)
        pastTheEnd[places[0]] = UInt32(pastTheEnd.count + 64)
        var farPastTheEnd = Array(good.candidates.words)
        farPastTheEnd[places[0]] = UInt32(Int32.max)
        let matcherError = SnapshotError.malformed("the term matcher does not fit together")
        let malformed = [
            (copy(candidates: looping), matcherError),
            (copy(nodeCount: 3), .malformed("the transition table does not fit together")),
            (copy(words: Array(good.candidates.words.dropLast())), matcherError), (copy(words: intoARecord), matcherError),
            (copy(words: unsizedKey), matcherError), (copy(words: Array(good.candidates.words) + [1, 2, 3]), matcherError),
            (copy(words: pastTheEnd), matcherError), (copy(words: farPastTheEnd), matcherError),
            (copy(candidates: naming), matcherError), (copy(candidates: pastTheEntries), matcherError),
            (copy(candidates: pastTheConcepts), matcherError),
            (copy(candidates: foreignLanguage), matcherError), (copy(candidates: unknownFlag), matcherError),
            (copy(candidates: claimsAName), matcherError),
            (copy(tokensBeforeSpace: [0, 0, 0]), matcherError), (copy(tokensBeforeSpace: []), matcherError),
            (copy(laterSteps: [0, 0, 0]), matcherError), (copy(laterSteps: []), matcherError),
        ]
        for (matcher, error) in malformed {
            var bad = BinaryWriter()
            matcher.write(to: &bad)
            #expect(throws: error) {
                try bad.bytes.withUnsafeBytes { bytes in
                    var reader = BinaryReader(bytes)
                    _ = try TermMatcher(reading: &reader, entries: entries)
                }
            }
        }
        let text = "zie de mentor, De Mentor en de mentor"
        let expected = Set(Self.matches(good, text, languages: nil).map(\.range))
        #expect(expected.count == 3)
        var readUnchecked = 0
        for (matcher, _) in malformed {
            var bad = BinaryWriter()
            matcher.write(to: &bad)
            let read = try? bad.bytes.withUnsafeBytes { bytes in
                var reader = BinaryReader(bytes)
                return try TermMatcher(reading: &reader, entries: entries, checkingStructure: false)
            }
            guard let read else { continue }
            readUnchecked += 1
            #expect(Set(Self.matches(read, text, languages: nil).map(\.range)).isSubset(of: expected))
        }
        #expect(readUnchecked == malformed.count - 4, "all but the filters that are no filters")
        // The record naming an entry and a concept there are reads back.
        var fitting = BinaryWriter()
        copy(candidates: labelForm(entry: 0, concept: 0)).write(to: &fitting)
        #expect(throws: Never.self) {
            try fitting.bytes.withUnsafeBytes { bytes in
                var reader = BinaryReader(bytes)
                _ = try TermMatcher(reading: &reader, entries: entries)
            }
        }
    }

    /// Steps that name no record, read from a snapshot vouched for without checking them,
    /// match nothing: a candidate past the column, inside a record, or at a negative place
    /// other than −1. Read as any other snapshot, they are refused.
    @Test(arguments: [Int32.max, 3, -7, 1 << 20])
    func aStepToNoRecordMatchesNothing(place: Int32) throws {
        let entries = IndexEntries(try VocabularyLoader.load(path: fixtureVocabularyFolder).set)
        var builder = TermMatcher.Builder(phrases: 1)
        builder.insert("de mentor", language: -1)
        let good = builder.matcher(entries: entries)
        // The nodes of "de", "de " and "de mentor", the last naming `place` as its first candidate.
        var steps = TransitionTable.Builder()
        var node: Int32 = 0
        for token in ["de", " ", "mentor"] {
            steps.set(TermMatcher.combine(node, TokenKey.hash(of: Array(token.utf8))), node + 1)
            node += 1
        }
        let forged = TermMatcher(
            transitions: steps.table(firstCandidates: [-1, -1, -1, place], continues: [true, true, true, false]),
            firstWords: good.firstWords, tokensBeforeSpace: good.tokensBeforeSpace, laterSteps: good.laterSteps,
            nodeCount: good.nodeCount, candidates: good.candidates, entries: entries)
        var writer = BinaryWriter()
        forged.write(to: &writer)
        try writer.bytes.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            let read = try TermMatcher(reading: &reader, entries: entries, checkingStructure: false)
            #expect(Self.matches(read, "zie de mentor", languages: nil).isEmpty)
            var checking = BinaryReader(bytes)
            #expect(throws: SnapshotError.self) { _ = try TermMatcher(reading: &checking, entries: entries) }
        }
    }

    /// A transition table with no empty slot, which a snapshot vouched for is read with
    /// unchecked, still answers every lookup: a lookup ends once it has looked at every slot.
    @Test func aLookupInATableWithNoEmptySlotEnds() throws {
        var writer = BinaryWriter()
        // Sixteen slots, each of key 7 and a step to node 1 with no candidate.
        writer.writeRaw(Column((0..<16).flatMap { _ in [7, 0xFFFF_FFFF_0000_0001] as [UInt64] }))
        let table = try writer.bytes.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            return try TransitionTable(reading: &reader, nodeCount: 2, candidatePlaces: nil)
        }
        #expect(table.step(7)?.node == 1)
        #expect(table.step(8) == nil)
        #expect(table.step(0) == nil)
    }

    /// The records of `candidates` as the builder gives them: chained by index, their keys in
    /// bytes of their own (each key `padding` bytes longer, zeros).
    static func builderRecords(of candidates: MatchCandidates, padding: Int = 0) -> ([MatchCandidate], [UInt8]) {
        let places = candidates.places
        var keyBytes: [UInt8] = []
        let records = places.map { place in
            let record = candidates[place]
            let key = candidates.withKey(of: record) { Array($0) } + Array(repeating: 0, count: padding)
            defer { keyBytes += key }
            return MatchCandidate(
                next: record.next < 0 ? -1 : Int32(places.firstIndex(of: Int(record.next))!), entry: record.entry,
                concept: record.concept, labelIndex: record.labelIndex, keyStart: Int32(keyBytes.count),
                keyEnd: Int32(keyBytes.count + key.count), language: record.language, flags: record.flags)
        }
        return (records, keyBytes)
    }

    /// A transition that leads into the middle of a candidate's record is refused: here the
    /// records of "de" and "mentor" laid out again with a longer key for "de", so that the
    /// step of "mentor" names a word of that key.
    @Test func aStepIntoARecordIsRefused() throws {
        let entries = IndexEntries(try VocabularyLoader.load(path: fixtureVocabularyFolder).set)
        var builder = TermMatcher.Builder(phrases: 2)
        for phrase in ["de", "mentor"] { builder.insert(phrase, language: -1) }
        let good = builder.matcher(entries: entries)
        #expect(good.candidates.places == [0, 8], "a record of seven words and a key of one, then the next")
        let (records, keyBytes) = Self.builderRecords(of: good.candidates, padding: 4)
        let shifted = TermMatcher(
            transitions: good.transitions, firstWords: good.firstWords, tokensBeforeSpace: good.tokensBeforeSpace,
            laterSteps: good.laterSteps, nodeCount: good.nodeCount,
            candidates: MatchCandidates.laidOut(records, keyBytes: keyBytes, bounds: good.candidates.bounds).candidates,
            entries: entries)
        #expect(shifted.candidates.places == [0, 9])
        for (matcher, refused) in [(good, false), (shifted, true)] {
            var writer = BinaryWriter()
            matcher.write(to: &writer)
            func read() throws {
                try writer.bytes.withUnsafeBytes { bytes in
                    var reader = BinaryReader(bytes)
                    _ = try TermMatcher(reading: &reader, entries: entries)
                }
            }
            if refused {
                #expect(throws: SnapshotError.malformed("the transition table does not fit together")) { try read() }
            } else {
                #expect(throws: Never.self) { try read() }
            }
        }
    }

    /// Exactly the nodes that some phrase goes on after are marked as going on (a walk stops
    /// at the others without reading the next word), and labels of several words, and the
    /// one-word labels they start with, are found whole.
    @Test func aWalkGoesOnOnlyWhereAPhraseDoes() throws {
        let entries = IndexEntries(try VocabularyLoader.load(path: fixtureVocabularyFolder).set)
        var builder = TermMatcher.Builder(phrases: 8)
        for phrase in ["feed", "feed up", "feed forward", "mentor"] { builder.insert(phrase, language: -1) }
        let matcher = builder.matcher(entries: entries)
        let text = "de mentor up, feed forward en feed up of feed"
        let found = Self.matches(matcher, text, languages: nil).map {
            String(decoding: Array(text.utf8)[$0.range], as: UTF8.self)
        }
        #expect(found == ["mentor", "feed forward", "feed up", "feed"])
        // Nodes in the order they were made: the root, "feed", "feed ", "feed up", "feed
        // forward", "mentor". Only "feed" and "feed " go on.
        #expect(matcher.nodeCount == 6)
        func step(_ tokens: [String]) -> TransitionTable.Step? {
            var step: TransitionTable.Step?
            var node: Int32 = 0
            for token in tokens {
                step = matcher.transitions.step(TermMatcher.combine(node, TokenKey.hash(of: Array(token.utf8))))
                node = step?.node ?? -1
            }
            return step
        }
        let phrases = [["feed"], ["feed", " "], ["feed", " ", "up"], ["feed", " ", "forward"], ["mentor"]]
        #expect(phrases.map { step($0)?.continues } == [true, true, false, false, false])
        #expect(phrases.map { step($0).map { $0.firstCandidate >= 0 } } == [true, false, true, true, true])
    }

    /// The filter of later steps holds every transition after a phrase's first token, so
    /// that every phrase of many is still found whole; and it turns away most others, so that
    /// a walk from a common first word ends there rather than in the table.
    @Test func theFilterOfLaterStepsHoldsEveryLaterTransition() throws {
        let entries = IndexEntries(try VocabularyLoader.load(path: fixtureVocabularyFolder).set)
        let firstWords = (0..<50).map { "eerste\($0)" }
        let phrases = firstWords.flatMap { first in (0..<40).map { "\(first) vervolg\($0) slot" } }
        var builder = TermMatcher.Builder(phrases: phrases.count)
        for phrase in phrases { builder.insert(phrase, language: -1) }
        let matcher = builder.matcher(entries: entries)
        let text = phrases.joined(separator: ", ")
        #expect(Self.matches(matcher, text, languages: nil).count == phrases.count)
        // Keys of a step from each first word's node to a word that goes on from none of
        // them (a walk meets a space first; any key that is no later step will do here).
        let strangers = (0..<10_000).map { index in
            TermMatcher.combine(
                matcher.transitions.step(TermMatcher.combine(0, TokenKey.hash(of: Array(firstWords[index % 50].utf8))))!.node,
                TokenKey.hash(of: Array("vreemd\(index)".utf8)))
        }
        let passed = strangers.filter { TermMatcher.filter(matcher.laterSteps, mayHold: $0) }.count
        #expect(passed < strangers.count / 20, "\(passed) of \(strangers.count) passed the filter")
    }

    /// A walk reads the words after a phrase's first as the tokenizer does, however they are
    /// written: an ASCII word in any casing, one that goes on in letters beyond ASCII (and so
    /// is another word), one with an accent, a word after a hyphen, spaces and a line break.
    @Test(arguments: [
        ("de leraar in opleiding komt", ["leraar in opleiding"]), ("de Leraar In OPLEIDING.", ["Leraar In OPLEIDING"]),
        ("de leraar in opleidingé", ["leraar"]), ("de leraar in opleiding\u{301}", ["leraar"]),
        ("de leraar in opleiding2", ["leraar"]), ("leraar  in\nopleiding", ["leraar  in\nopleiding"]),
        ("een coördinator taak en een coördinator Taak", ["coördinator taak", "coördinator Taak"]),
        ("de taak coördinator", ["taak coördinator"]), ("de taak coördinatoren", []),
        ("self-efficacy en self efficacy", ["self-efficacy"]),
    ])
    func aWalkReadsTheNextWordsAsTheTokenizerDoes(text: String, expected: [String]) throws {
        let entries = IndexEntries(try VocabularyLoader.load(path: fixtureVocabularyFolder).set)
        var builder = TermMatcher.Builder(phrases: 8)
        for phrase in ["leraar", "leraar in opleiding", "coördinator taak", "taak coördinator", "self-efficacy"] {
            builder.insert(phrase, language: -1)
        }
        let matcher = builder.matcher(entries: entries)
        let found = Self.matches(matcher, text, languages: nil).map {
            String(decoding: Array(text.utf8)[$0.range], as: UTF8.self)
        }
        #expect(found == expected)
    }
}
