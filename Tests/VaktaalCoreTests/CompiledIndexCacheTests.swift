import Dispatch
import Foundation
import Synchronization
import Testing
import VaktaalTestSupport

@testable import VaktaalCore

/// The compiled index: a snapshot gives back exactly what reading the files gives, and the
/// cache that keeps it is only ever a cache.
@Suite struct CompiledIndexCacheTests {
    /// A copy of the fixture folders to work on, and an empty cache folder beside them.
    struct Workspace {
        let vocabulary: String
        let cache: CompiledIndexCache

        init(_ fixture: String = fixtureVocabularyFolder, program: String = "test 1") throws {
            let root = try scratchFolder("compiled")
            vocabulary = root + "/Vocabulary"
            try FileManager.default.copyItem(atPath: fixture, toPath: vocabulary)
            cache = CompiledIndexCache(folder: root + "/cache", program: program)
        }

        /// Compiles the vocabulary and spoils the snapshot kept for it.
        func spoilSnapshot(_ damage: Damage) throws {
            _ = try cache.load(path: vocabulary)
            let snapshot = try #require(snapshots.first)
            var bytes = try #require(FileBytes.read(snapshot))
            damage.apply(to: &bytes)
            try Data(bytes).write(to: URL(fileURLWithPath: snapshot))
        }

        var snapshots: [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: cache.folder ?? "")) ?? []
            return names.filter { $0.hasSuffix(".index") }.sorted().map { (cache.folder ?? "") + "/" + $0 }
        }
    }

    static let queries = ["mentor", "werkplekbegeleider", "feedbak", "leeruit", "stagiair", "LIO", "xyzzy"]

    static func expectSame(_ compiled: CompiledVocabulary, asReading path: String) throws {
        let read = try VocabularyLoader.load(path: path)
        #expect(compiled.loaded.set.vocabularies == read.set.vocabularies)
        #expect(compiled.loaded.diagnostics == read.diagnostics)
        #expect(compiled.loaded.files == read.files)
        let index = LookupIndex(read.set)
        for query in queries {
            #expect(compiled.lookupIndex.search(query) == index.search(query), "lookup of \(query)")
        }
    }

    @Test(arguments: [fixtureVocabularyFolder, fixturesFolder + "/EveryFeature"])
    func aSnapshotReadsBackEqualToTheFiles(folder: String) throws {
        let compiled = CompiledVocabulary(try VocabularyLoader.load(path: folder))
        let decoded = try compiled.encoded().withUnsafeBytes { try CompiledVocabulary(decoding: $0) }
        try Self.expectSame(decoded, asReading: folder)
    }

    /// Every place a comment can be anchored comes back from a snapshot: before a label, a
    /// note, a relation, a mapping (and inside it), an extension element and the end tag of a
    /// concept; before the scheme's fields and its own extension elements; and the comments and
    /// processing instructions before and after the root.
    @Test func commentsKeepTheirPlacesInASnapshot() throws {
        let workspace = try Workspace()
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <?xml-model href="vocabulary.rng"?>
            <!-- before the root -->
            <?xml-stylesheet type="text/xsl" href="view.xsl"?>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" xmlns:ex="urn:ex" format="1" id="c" uri="urn:c:" xml:lang="nl">
              <!-- the name -->
              <title>C</title>
              <!-- the scheme's own element -->
              <ex:scheme/>
              <concept id="a">
                <!-- the label -->
                <prefLabel>a</prefLabel>
                <!-- the note -->
                <definition>A.</definition>
                <!-- the relation -->
                <related ref="b"/>
                <!-- the mapping -->
                <exactMatch uri="https://example.org/a"><!-- inside it --></exactMatch>
                <!-- the extension -->
                <ex:extra/>
                <!-- at the end -->
              </concept>
              <concept id="b"><prefLabel>b</prefLabel><related ref="a"/></concept>
            </vocabulary>
            <!-- after the root -->
            <?after-the-root?>
            """
        try xml.write(toFile: workspace.vocabulary + "/comments.xml", atomically: true, encoding: .utf8)
        let loaded = try VocabularyLoader.load(path: workspace.vocabulary)
        let scheme = try #require(loaded.set.vocabularies.first { $0.id == "c" })
        #expect(scheme.headerComments.count == 2 && scheme.concepts[0].innerComments.count == 7)
        #expect(scheme.prologInstructions.map(\.commentsBefore) == [0, 1])
        #expect(scheme.epilogComments.count == 1 && scheme.epilogInstructions.map(\.commentsBefore) == [1])
        let compiled = CompiledVocabulary(loaded)
        let decoded = try compiled.encoded().withUnsafeBytes { try CompiledVocabulary(decoding: $0) }
        try Self.expectSame(decoded, asReading: workspace.vocabulary)
    }

    @Test func readingProblemsAreKeptWithTheirPositions() throws {
        let workspace = try Workspace()
        try vocabularyXML(#"<concept id="a"><prefLabel>a</prefLabel><unknown/></concept>"#)
            .write(toFile: workspace.vocabulary + "/extra.xml", atomically: true, encoding: .utf8)
        let first = try workspace.cache.load(path: workspace.vocabulary)
        let second = try workspace.cache.load(path: workspace.vocabulary)
        #expect(first.outcome == .stored)
        #expect(second.outcome == .reused)
        #expect(!second.vocabulary.loaded.diagnostics.isEmpty)
        try Self.expectSame(second.vocabulary, asReading: workspace.vocabulary)
    }

    @Test func aSecondRunReusesTheSnapshot() throws {
        let workspace = try Workspace()
        #expect(try workspace.cache.load(path: workspace.vocabulary).outcome == .stored)
        #expect(workspace.snapshots.count == 1)
        let reused = try workspace.cache.load(path: workspace.vocabulary)
        #expect(reused.outcome == .reused)
        #expect(workspace.snapshots.count == 1)
        try Self.expectSame(reused.vocabulary, asReading: workspace.vocabulary)
        #expect(
            try workspace.cache.loadVocabulary(path: workspace.vocabulary).set.vocabularies
                == reused.vocabulary.loaded.set.vocabularies)
    }

    @Test func aChangedSourceIsCompiledAgain() throws {
        let workspace = try Workspace()
        _ = try workspace.cache.load(path: workspace.vocabulary)
        let file = workspace.vocabulary + "/lerarenopleiding.xml"
        let changed = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: ">werkplekbegeleider</prefLabel>", with: ">schoolbegeleider</prefLabel>")
        try changed.write(toFile: file, atomically: true, encoding: .utf8)
        let after = try workspace.cache.load(path: workspace.vocabulary)
        #expect(after.outcome == .stored)
        #expect(after.vocabulary.lookupIndex.search("schoolbegeleider").first?.kind == .exact)
        try Self.expectSame(after.vocabulary, asReading: workspace.vocabulary)
    }

    @Test func anAddedFileIsCompiledAgain() throws {
        let workspace = try Workspace()
        _ = try workspace.cache.load(path: workspace.vocabulary)
        try vocabularyXML(
            #"<concept id="nieuw"><prefLabel>nieuwterm</prefLabel><definition>d</definition></concept>"#, id: "extra"
        )
        .write(toFile: workspace.vocabulary + "/extra.xml", atomically: true, encoding: .utf8)
        let after = try workspace.cache.load(path: workspace.vocabulary)
        #expect(after.outcome == .stored)
        #expect(after.vocabulary.lookupIndex.search("nieuwterm").count == 1)
    }

    @Test func theSameFilesElsewhereKeepTheirOwnPaths() throws {
        let one = try Workspace()
        let other = try scratchFolder("elsewhere")
        try FileManager.default.copyItem(atPath: one.vocabulary, toPath: other + "/Vocabulary")
        _ = try one.cache.load(path: one.vocabulary)
        let moved = try one.cache.load(path: other + "/Vocabulary")
        #expect(moved.outcome == .stored)
        #expect(moved.vocabulary.loaded.files == [other + "/Vocabulary/lerarenopleiding.xml"])
    }

    /// Ways a kept snapshot can be spoiled.
    enum Damage: String, CaseIterable, Sendable {
        case empty, truncated, flippedContentByte, flippedHeaderByte, appended, garbage

        func apply(to bytes: inout [UInt8]) {
            switch self {
            case .empty: bytes = []
            case .truncated: bytes.removeLast(bytes.count / 3)
            case .flippedContentByte: bytes[bytes.count / 4] ^= 0x40
            case .flippedHeaderByte: bytes[3] ^= 0x01
            case .appended: bytes += [0, 1, 2]
            case .garbage: bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
            }
        }
    }

    @Test(arguments: Damage.allCases)
    func aSpoiledSnapshotIsRebuilt(damage: Damage) throws {
        let workspace = try Workspace()
        try workspace.spoilSnapshot(damage)
        let rebuilt = try workspace.cache.load(path: workspace.vocabulary)
        #expect(rebuilt.outcome == .stored)
        try Self.expectSame(rebuilt.vocabulary, asReading: workspace.vocabulary)
        #expect(try workspace.cache.load(path: workspace.vocabulary).outcome == .reused)
    }

    /// The trigram index is checked when a fuzzy search first reads it: a damaged one is built
    /// again from the keys, and the snapshot removed so that the next run writes it anew.
    @Test func aDamagedTrigramIndexIsBuiltAgainAndTheSnapshotRemoved() throws {
        let workspace = try Workspace()
        let expected = LookupIndex(try VocabularyLoader.load(path: workspace.vocabulary).set)
        _ = try workspace.cache.load(path: workspace.vocabulary)
        let snapshot = try #require(workspace.snapshots.first)
        let intact = try workspace.cache.loadLookup(path: workspace.vocabulary)
        #expect(intact.outcome == .reused)
        #expect(intact.lookup.lookupIndex.search("feedbak") == expected.search("feedbak"))
        #expect(intact.lookup.lookupIndex.suggestions(for: "xwerkplek") == expected.suggestions(for: "xwerkplek"))

        var bytes = try #require(FileBytes.read(snapshot))
        // The trigram index comes last but for the matcher.
        let matcher = CompiledVocabulary(try VocabularyLoader.load(path: workspace.vocabulary)).encodedMatcher()
        bytes[bytes.count - matcher.count - 12] ^= 0x10
        try Data(bytes).write(to: URL(fileURLWithPath: snapshot))
        let damaged = try workspace.cache.loadLookup(path: workspace.vocabulary)
        #expect(damaged.outcome == .reused, "the rest of the snapshot is sound")
        #expect(damaged.lookup.lookupIndex.search("mentor") == expected.search("mentor"))
        #expect(FileManager.default.fileExists(atPath: snapshot), "no fuzzy search yet, so the section was not read")
        #expect(damaged.lookup.lookupIndex.search("feedbak") == expected.search("feedbak"))
        #expect(damaged.lookup.lookupIndex.suggestions(for: "xwerkplek") == expected.suggestions(for: "xwerkplek"))
        #expect(!FileManager.default.fileExists(atPath: snapshot))
        #expect(try workspace.cache.loadLookup(path: workspace.vocabulary).outcome == .stored)
    }

    /// Compiles the vocabulary of `workspace` and writes its snapshot again with the record of
    /// a concept that has its first label spoiled (which every reader of a concept reads), or
    /// its first note (which only a reader of whole concepts reads), the checksum made to
    /// hold (a writer's bug).
    static func snapshotWithAConceptThatDoesNotRead(_ workspace: Workspace, spoilingNote: Bool = false) throws -> (
        snapshot: String, concept: Concept
    ) {
        _ = try workspace.cache.load(path: workspace.vocabulary)
        let snapshot = try #require(workspace.snapshots.first)
        let files = try VocabularyLoader.vocabularyFiles(at: workspace.vocabulary)
        let key = try #require(SnapshotKey(files: files, program: workspace.cache.program))
        let compiled = CompiledVocabulary(try VocabularyLoader.load(path: workspace.vocabulary))
        let concept = try #require(compiled.loaded.set.vocabularies[0].concepts.first { !$0.notes.isEmpty })
        // A short text is looked for after its length (a varint of one byte), as the concept's
        // record holds it, so that it is not found inside another text; a long one is unique.
        let text = Array((spoilingNote ? concept.notes[0].text : concept.labels[0].text).utf8)
        let lengthByte = text.count < 0x80 ? [UInt8(text.count)] : []
        var contents = compiled.encoded()
        let at =
            try #require((0..<contents.count).first { contents[$0...].starts(with: lengthByte + text) }) + lengthByte.count
        // The (last) byte of the length before the text becomes a varint that runs past the concept.
        contents[at - 1] = 0xFF
        let later = [compiled.encodedTrigrams(), compiled.encodedMatcher()]
        let header = SnapshotFile.header(for: contents, later: later, key: key, program: workspace.cache.program)
        try Data(header + contents + later.joined()).write(to: URL(fileURLWithPath: snapshot))
        return (snapshot, concept)
    }

    /// A concept record that does not read although the checksum holds (a writer's bug): the
    /// lookup that needs it fails with a snapshot error and removes the snapshot, so that the
    /// next run compiles it again.
    @Test(arguments: [false, true])
    func aConceptThatDoesNotReadRemovesTheSnapshot(spoilingNote: Bool) throws {
        let workspace = try Workspace()
        let (snapshot, concept) = try Self.snapshotWithAConceptThatDoesNotRead(workspace, spoilingNote: spoilingNote)

        let (lookup, outcome) = try workspace.cache.loadLookup(path: workspace.vocabulary)
        #expect(outcome == .reused, "the checksum holds and no concept is read to open it")
        let matches = lookup.lookupIndex.search(concept.labels[0].text)
        #expect(!matches.isEmpty)
        #expect(throws: SnapshotError.self) { try lookup.excerpt(for: matches) }
        #expect(!FileManager.default.fileExists(atPath: snapshot))
        #expect(try workspace.cache.loadLookup(path: workspace.vocabulary).outcome == .stored)
    }

    /// Lint's excerpt of such a snapshot reads the vocabulary from its files instead, and
    /// removes the snapshot; so does its whole set.
    @Test(arguments: [false, true])
    func lintReadsTheFilesWhenAConceptDoesNotRead(whole: Bool) throws {
        let workspace = try Workspace()
        let (snapshot, concept) = try Self.snapshotWithAConceptThatDoesNotRead(workspace)
        let (terms, outcome) = try workspace.cache.loadTerms(path: workspace.vocabulary)
        #expect(outcome == .reused)
        let read = try VocabularyLoader.load(path: workspace.vocabulary).set
        let key = try #require(read.key(forURI: read.vocabularies[0].uri + concept.id))
        let (set, matchIndex) = whole ? terms.wholeSet() : terms.excerpt(naming: [key])
        #expect(set.vocabularies == read.vocabularies)
        let label = Array(concept.labels[0].text.utf8)
        let found = label.withUnsafeBufferPointer {
            matchIndex.matcher.matches(in: $0, range: 0..<$0.count, languages: matchIndex.matcher.languages(nil))
        }
        let entries = found.map { match -> IndexEntry? in
            guard case .label(let form) = match.target else { return nil }
            return matchIndex.matcher.entry(form)
        }
        #expect(entries == [IndexEntries(set).first { $0.concept == key && $0.labelIndex == 0 }])
        #expect(!FileManager.default.fileExists(atPath: snapshot))
        #expect(try workspace.cache.loadTerms(path: workspace.vocabulary).outcome == .stored)
    }

    @Test(arguments: Damage.allCases)
    func aSpoiledSnapshotIsRebuiltForALookup(damage: Damage) throws {
        let workspace = try Workspace()
        try workspace.spoilSnapshot(damage)
        let rebuilt = try workspace.cache.loadLookup(path: workspace.vocabulary)
        #expect(rebuilt.outcome == .stored)
        let read = LookupIndex(try VocabularyLoader.load(path: workspace.vocabulary).set)
        for query in Self.queries { #expect(rebuilt.lookup.lookupIndex.search(query) == read.search(query)) }
        #expect(try workspace.cache.loadLookup(path: workspace.vocabulary).outcome == .reused)
    }

    /// A lookup read from a snapshot decodes only the concepts it shows and what their
    /// descriptions name: every description is the one the whole vocabulary gives.
    @Test(arguments: [fixtureVocabularyFolder, fixturesFolder + "/EveryFeature", fixturesFolder + "/RepeatedNames"])
    func aLookupFromTheSnapshotDescribesEveryConceptAsTheWholeVocabulary(folder: String) throws {
        let workspace = try Workspace(folder)
        let set = try workspace.cache.load(path: workspace.vocabulary).vocabulary.loaded.set
        let (lookup, outcome) = try workspace.cache.loadLookup(path: workspace.vocabulary)
        #expect(outcome == .reused)
        let entries = lookup.lookupIndex.entries
        #expect(entries == LookupIndex.entries(of: set))
        for entry in entries {
            let matches = lookup.lookupIndex.search(entry.form, limit: 50)
            let (excerpt, shown) = try lookup.excerpt(for: matches)
            #expect(excerpt.count < set.count || set.count <= 3)
            #expect(
                shown.map { ConceptDescription($0, in: excerpt) } == matches.map { ConceptDescription($0, in: set) },
                "describing what '\(entry.form)' finds")
        }
    }

    #if os(Linux)  // the nanosecond times are `st_mtim` here, `st_mtimespec` on Darwin
        /// Files left alone for a while get a stamp: later runs find their snapshot from what
        /// the file system says of them, without reading them. A change of the contents, even of
        /// the same size with the modification time set back, moves the change time and so the
        /// stamp; a damaged stamp is passed over.
        @Test func settledFilesAreFoundByTheirStampAndAChangeIsStillSeen() throws {
            let workspace = try Workspace()
            let folder = try #require(workspace.cache.folder)
            var stamps: [String] {
                ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".stamp") }
            }
            #expect(try workspace.cache.load(path: workspace.vocabulary).outcome == .stored)
            #expect(stamps.isEmpty, "files just written are not stamped")
            Thread.sleep(forTimeInterval: 2.2)
            #expect(try workspace.cache.load(path: workspace.vocabulary).outcome == .reused)
            let stamp = try #require(stamps.first)
            let recorded = try String(contentsOfFile: folder + "/" + stamp, encoding: .utf8)
            #expect(workspace.snapshots == [folder + "/" + recorded + ".index"])
            #expect(try workspace.cache.loadLookup(path: workspace.vocabulary).outcome == .reused)

            try Data("not a key".utf8).write(to: URL(fileURLWithPath: folder + "/" + stamp))
            #expect(try workspace.cache.load(path: workspace.vocabulary).outcome == .reused)
            #expect(try String(contentsOfFile: folder + "/" + stamp, encoding: .utf8) == recorded, "the stamp is written again")

            let file = workspace.vocabulary + "/lerarenopleiding.xml"
            var before = stat()
            #expect(stat(file, &before) == 0)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let changed = text.replacingOccurrences(
                of: ">werkplekbegeleider</prefLabel>", with: ">werkplekbegeleiden</prefLabel>")
            #expect(changed.utf8.count == text.utf8.count && changed != text)
            let handle = try #require(FileHandle(forWritingAtPath: file))
            try handle.write(contentsOf: Data(changed.utf8))
            try handle.close()
            // The modification time set back to the nanosecond: only the change time tells.
            var times = [before.st_atim, before.st_mtim]
            #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
            var after = stat()
            #expect(stat(file, &after) == 0)
            #expect(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec && after.st_size == before.st_size)
            let reread = try workspace.cache.loadLookup(path: workspace.vocabulary)
            #expect(reread.outcome == .stored)
            #expect(reread.lookup.lookupIndex.search("werkplekbegeleiden").first?.kind == .exact)
        }
    #endif

    @Test func aSnapshotOfAnotherBuildIsRefused() throws {
        let workspace = try Workspace()
        _ = try workspace.cache.load(path: workspace.vocabulary)
        let newer = CompiledIndexCache(folder: workspace.cache.folder, program: "test 2")
        #expect(try newer.load(path: workspace.vocabulary).outcome == .stored)
    }

    /// Contents damaged past the checksum (a hand-made file, a writer's bug) are refused or
    /// read into an index that still answers: never a crash, never a search that does not end.
    @Test(arguments: 0..<4)
    func damagedContentsNeverCrashTheReader(seed: UInt64) throws {
        let compiled = CompiledVocabulary(try VocabularyLoader.load(path: fixtureVocabularyFolder))
        let contents = compiled.encoded()
        var generator = SeededGenerator(seed: seed)
        for round in 0..<150 {
            var damaged = contents
            if round % 3 == 0 {
                damaged.removeLast(Int(generator.next() % UInt64(damaged.count - 1)) + 1)
            } else {
                for _ in 0..<(1 + round % 4) {
                    damaged[Int(generator.next() % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: generator.next())
                }
            }
            guard let read = try? damaged.withUnsafeBytes({ try CompiledVocabulary(decoding: $0) }) else { continue }
            for query in Self.queries {
                for match in read.lookupIndex.search(query) { _ = ConceptDescription(match, in: read.loaded.set) }
            }
            _ = read.lookupIndex.completions(of: "wer")
        }
    }

    /// Entries read back are checked against the concepts read with them: an entry naming a
    /// label its concept lacks would make describing or linting it fail.
    @Test func entriesThatNameAMissingLabelAreRefused() throws {
        let set = try VocabularyLoader.load(path: fixtureVocabularyFolder).set
        var vocabularies = set.vocabularies
        let index = try #require(vocabularies[0].concepts.firstIndex { $0.labels.count > 1 })
        vocabularies[0].concepts[index].labels.removeLast()
        let entries = IndexEntries(set)
        #expect(throws: Never.self) { try entries.check(against: set) }
        #expect(throws: SnapshotError.malformed("an entry names no label")) {
            try entries.check(against: VocabularySet(vocabularies))
        }
    }

    /// The entries of the concepts an excerpt keeps (the first two, one between and the last,
    /// each found by a search from the entries of the one before) are checked against the
    /// excerpt: one naming a label its concept lacks there is refused, its last label or all.
    @Test(arguments: [(0, false), (1, true), (1, false), (2, false), (3, false), (3, true)])
    func entriesOfAnExcerptThatNameAMissingLabelAreRefused(damaged: Int, allLabels: Bool) throws {
        let set = try VocabularyLoader.load(path: fixtureVocabularyFolder).set
        let entries = IndexEntries(set)
        let several = set.keys.filter { set[$0].labels.count > 1 }
        let kept = try [#require(several.first), several[1], several[several.count / 2], #require(several.last)]
        var table = [Int32](repeating: -1, count: set.count)
        var vocabularies = set.vocabularies.map { vocabulary in
            var emptied = vocabulary
            emptied.concepts = []
            return emptied
        }
        for (new, key) in kept.enumerated() {
            table[key.rawValue] = Int32(new)
            vocabularies[set.schemeIndex(of: key)].concepts.append(set[key])
        }
        #expect(throws: Never.self) { try entries.check(against: VocabularySet(vocabularies), renames: table) }
        let scheme = set.schemeIndex(of: kept[damaged])
        let position = try #require(vocabularies[scheme].concepts.firstIndex { $0.id == set[kept[damaged]].id })
        if allLabels {
            vocabularies[scheme].concepts[position].labels.removeAll()
        } else {
            vocabularies[scheme].concepts[position].labels.removeLast()
        }
        #expect(throws: SnapshotError.malformed("an entry names no label")) {
            try entries.check(against: VocabularySet(vocabularies), renames: table)
        }
    }

    /// Entries read back must come in concept order (an excerpt finds a concept's entries by
    /// searching from those of the one before): entries whose concepts go back are refused,
    /// though every one is in range.
    @Test func entriesOutOfConceptOrderAreRefused() throws {
        let set = try VocabularyLoader.load(path: fixtureVocabularyFolder).set
        let entries = IndexEntries(set)
        var writer = BinaryWriter()
        entries.write(to: &writer)
        func read(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { bytes in
                var reader = BinaryReader(bytes)
                _ = try IndexEntries(reading: &reader, conceptCount: set.count)
            }
        }
        #expect(throws: Never.self) { try read(writer.bytes) }
        // The concepts come first, after their count and the padding to four bytes: the first
        // entry made to name the last concept.
        var header = BinaryWriter()
        header.write(entries.count)
        header.padToAlignment(4)
        var swapped = writer.bytes
        withUnsafeBytes(of: Int32(set.count - 1).littleEndian) { last in
            swapped.replaceSubrange(header.bytes.count..<header.bytes.count + 4, with: last)
        }
        #expect(throws: SnapshotError.malformed("the index entries do not fit together")) { try read(swapped) }
    }

    /// The checksum of a snapshot is taken in 4 MB pieces on all cores: every piece counts.
    @Test func theChecksumOfPiecesCoversEveryPiece() {
        var bytes = (0..<(ContentHash.pieceSize * 2 + 12_345)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        let checksum = bytes.withUnsafeBytes { ContentHash.ofPieces($0) }
        #expect(bytes.withUnsafeBytes { ContentHash.ofPieces($0) } == checksum)
        for offset in [0, ContentHash.pieceSize - 1, ContentHash.pieceSize, ContentHash.pieceSize * 2 + 100, bytes.count - 1] {
            bytes[offset] ^= 1
            #expect(bytes.withUnsafeBytes { ContentHash.ofPieces($0) } != checksum, "a change at \(offset)")
            bytes[offset] ^= 1
        }
        #expect(bytes.dropLast().withUnsafeBytes { ContentHash.ofPieces($0) } != checksum)
    }

    /// A stamp that names other contents than the files have (as on a file system whose
    /// change times do not move) is dropped when the snapshot is compiled again, and the
    /// snapshot is filed under the hash of the contents.
    @Test func aStampNamingOtherContentsIsDropped() throws {
        let workspace = try Workspace()
        let folder = try #require(workspace.cache.folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files = try VocabularyLoader.vocabularyFiles(at: workspace.vocabulary)
        let stamp = try #require(SourceStamp(files: files, program: workspace.cache.program))
        let stale = folder + "/" + stamp.name + ".stamp"
        try Data(String(repeating: "ab", count: 16).utf8).write(to: URL(fileURLWithPath: stale))
        #expect(try workspace.cache.load(path: workspace.vocabulary).outcome == .stored)
        #expect(!FileManager.default.fileExists(atPath: stale))
        let key = try #require(SnapshotKey(files: files, program: workspace.cache.program))
        #expect(workspace.snapshots == [folder + "/" + key.name + ".index"])
        #expect(try workspace.cache.loadLookup(path: workspace.vocabulary).outcome == .reused)
    }

    /// A key table whose buckets or chains loop is refused (a probe or a chain would not end).
    @Test func aKeyTableThatWouldLoopIsRefused() throws {
        var builder = KeyTable.Builder(capacity: 4)
        builder.add(0, key: "a")
        builder.add(1, key: "b")
        builder.add(2, key: "a")
        var writer = BinaryWriter()
        builder.build().write(to: &writer)
        let good = writer.bytes
        #expect(
            (try? good.withUnsafeBytes { bytes in
                var reader = BinaryReader(bytes)
                return try KeyTable(reading: &reader, entryCount: 3)
            }) != nil)
        // Every bucket naming slot 0: no empty bucket, slot 1 in none.
        var looping = BinaryWriter()
        looping.writeRaw(Array("ab".utf8))
        looping.writeRaw([Int32(0), 1, 2])
        looping.writeRaw([Int32](repeating: 0, count: 16))
        looping.writeRaw([Int32(2), 1])
        looping.writeRaw([Int32(-1), -1, 0])
        var cyclic = BinaryWriter()
        cyclic.writeRaw(Array("ab".utf8))
        cyclic.writeRaw([Int32(0), 1, 2])
        cyclic.writeRaw([Int32(0), 1] + [Int32](repeating: -1, count: 14))
        cyclic.writeRaw([Int32(2), 1])
        cyclic.writeRaw([Int32(2), -1, 0])
        for bytes in [looping.bytes, cyclic.bytes] {
            #expect(throws: SnapshotError.self) {
                try bytes.withUnsafeBytes { bytes in
                    var reader = BinaryReader(bytes)
                    _ = try KeyTable(reading: &reader, entryCount: 3)
                }
            }
        }
    }

    @Test func threadsBuildingAtOnceShareOneSnapshot() throws {
        let workspace = try Workspace()
        let results = Mutex<[(vocabulary: CompiledVocabulary, outcome: CompiledIndexCache.Outcome)]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            guard let result = try? workspace.cache.load(path: workspace.vocabulary) else { return }
            results.withLock { $0.append(result) }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 8)
        #expect(all.allSatisfy { $0.outcome == .stored || $0.outcome == .reused })
        for result in all { try Self.expectSame(result.vocabulary, asReading: workspace.vocabulary) }
        #expect(workspace.snapshots.count == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.cache.folder ?? "")
        #expect(
            leftovers.allSatisfy { $0.hasSuffix(".index") || $0.hasSuffix(".checked") }, "temporary files left: \(leftovers)")
        #expect(try workspace.cache.load(path: workspace.vocabulary).outcome == .reused)
    }

    @Test func aCacheFolderThatCannotBeMadeOnlyCostsSpeed() throws {
        let workspace = try Workspace()
        let blocker = try scratchFolder("blocked") + "/a-file"
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: blocker))
        let blocked = CompiledIndexCache(folder: blocker + "/vaktaal", program: "test 1")
        for _ in 0..<2 {
            let result = try blocked.load(path: workspace.vocabulary)
            guard case .notStored = result.outcome else {
                Issue.record("expected .notStored, got \(result.outcome)")
                return
            }
            try Self.expectSame(result.vocabulary, asReading: workspace.vocabulary)
        }
    }

    @Test(.enabled(if: getuid() != 0, "root may write into a read-only folder"))
    func aReadOnlyCacheFolderOnlyCostsSpeed() throws {
        let workspace = try Workspace()
        let folder = try #require(workspace.cache.folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
        let result = try workspace.cache.load(path: workspace.vocabulary)
        #expect(result.outcome != .stored && result.outcome != .reused)
        try Self.expectSame(result.vocabulary, asReading: workspace.vocabulary)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self"), "needs the read-only /proc of Linux"))
    func aCacheOnAReadOnlyFileSystemOnlyCostsSpeed() throws {
        let workspace = try Workspace()
        let readOnly = CompiledIndexCache(folder: "/proc/self/vaktaal-cache", program: "test 1")
        let result = try readOnly.load(path: workspace.vocabulary)
        guard case .notStored = result.outcome else {
            Issue.record("expected .notStored, got \(result.outcome)")
            return
        }
        try Self.expectSame(result.vocabulary, asReading: workspace.vocabulary)
    }

    @Test func withoutAFolderTheCacheIsOff() throws {
        let workspace = try Workspace()
        let off = CompiledIndexCache(folder: nil, program: "test 1")
        #expect(try off.load(path: workspace.vocabulary).outcome == .disabled)
        #expect(!FileManager.default.fileExists(atPath: workspace.cache.folder ?? ""))
    }

    /// A vocabulary read from a pipe (`--vocabulary <(curl …)`) is read once, by the loader:
    /// hashing it for a key first would leave nothing to read.
    @Test func aVocabularyFromAPipeIsReadNotKept() throws {
        let workspace = try Workspace()
        let pipe = try scratchFolder("pipe") + "/v.xml"
        #expect(mkfifo(pipe, 0o644) == 0)
        let source = workspace.vocabulary + "/lerarenopleiding.xml"
        // The vocabulary for the first reader; a second reader (the loader, were the pipe
        // hashed first) gets an empty file rather than waiting for ever.
        let writer = Thread {
            let bytes = FileManager.default.contents(atPath: source) ?? Data()
            let handle = FileHandle(forWritingAtPath: pipe)
            handle?.write(bytes)
            try? handle?.close()
            try? FileHandle(forWritingAtPath: pipe)?.close()
        }
        writer.start()
        let result = try workspace.cache.load(path: pipe)
        // The writer, waiting for a second reader, is let go.
        close(open(pipe, O_RDONLY | O_NONBLOCK))
        #expect(result.outcome == .notStored(CompiledIndexCache.notRegularFile))
        #expect(result.vocabulary.loaded.set.vocabularies.first?.concepts.isEmpty == false)
        #expect(workspace.snapshots.isEmpty)
    }

    /// Folders of one small vocabulary each, by name (its concept's label).
    static func smallVocabularies(_ names: [String]) throws -> [String: String] {
        var folders: [String: String] = [:]
        for name in names {
            let folder = try scratchFolder(name)
            try vocabularyXML(#"<concept id="x"><prefLabel>\#(name)</prefLabel></concept>"#)
                .write(toFile: folder + "/v.xml", atomically: true, encoding: .utf8)
            folders[name] = folder
        }
        return folders
    }

    @Test func onlyTheSnapshotsUsedLastAreKept() throws {
        let workspace = try Workspace()
        let small = CompiledIndexCache(folder: workspace.cache.folder, program: "test 1", capacity: 2)
        let folders = try Self.smallVocabularies(["a", "b", "c"])
        #expect(try small.load(path: folders["a"] ?? "").outcome == .stored)
        #expect(try small.load(path: folders["b"] ?? "").outcome == .stored)
        Thread.sleep(forTimeInterval: 0.02)
        // Using "a" again makes "b" the one used longest ago.
        #expect(try small.load(path: folders["a"] ?? "").outcome == .reused)
        Thread.sleep(forTimeInterval: 0.02)
        #expect(try small.load(path: folders["c"] ?? "").outcome == .stored)
        #expect(workspace.snapshots.count == 2)
        #expect(try small.load(path: folders["a"] ?? "").outcome == .reused)
        #expect(try small.load(path: folders["b"] ?? "").outcome == .stored)
    }

    @Test func missingVocabulariesAreStillReported() throws {
        let workspace = try Workspace()
        #expect(throws: VocabularyLoadError.notFound(path: workspace.vocabulary + "/nope")) {
            try workspace.cache.load(path: workspace.vocabulary + "/nope")
        }
    }

    @Test func theStandardFolderFollowsXDG() {
        #expect(CompiledIndexCache.standardFolder(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]) == "/c/vaktaal")
        #expect(
            CompiledIndexCache.standardFolder(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/vaktaal")
        #expect(CompiledIndexCache.standardFolder(environment: ["HOME": "/h"]) == "/h/.cache/vaktaal")
        #expect(CompiledIndexCache.standardFolder(environment: [:]) == nil)
    }
}
