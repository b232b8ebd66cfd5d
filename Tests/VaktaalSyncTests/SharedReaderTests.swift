import PropertyBased
import Testing
import VaktaalCore
import VaktaalTestSupport

@testable import VaktaalSync

/// Versions read together give exactly what each gives read alone, positions and
/// diagnostics included, while what they have in common is read once.
@Suite struct SharedReaderTests {
    static let fixtureBytes = FileBytes.read(fixtureVocabularyFolder + "/lerarenopleiding.xml") ?? []
    static let fixtureText = String(decoding: fixtureBytes, as: UTF8.self)

    /// The fixture with `edits` applied, each replacing the first occurrence of a text.
    static func version(_ edits: [(String, String)]) -> [UInt8] {
        var text = fixtureText
        for (old, new) in edits {
            guard let range = text.range(of: old) else {
                Issue.record("'\(old)' is not in the fixture")
                continue
            }
            text.replaceSubrange(range, with: new)
        }
        return Array(text.utf8)
    }

    static func readAlone(_ sources: [(path: String, bytes: [UInt8])]) -> [SharedReader.Read] {
        sources.map { VocabularyLoader.read(bytes: $0.bytes, path: $0.path) }
    }

    static func expectSameAsAlone(_ sources: [(path: String, bytes: [UInt8])], sourceLocation: SourceLocation = #_sourceLocation)
    {
        let together = SharedReader.read(sources).reads
        let alone = readAlone(sources)
        #expect(together.count == alone.count, sourceLocation: sourceLocation)
        for (index, (shared, single)) in zip(together, alone).enumerated() {
            #expect(shared.vocabulary == single.vocabulary, "file \(index)", sourceLocation: sourceLocation)
            #expect(shared.diagnostics == single.diagnostics, "file \(index)", sourceLocation: sourceLocation)
        }
    }

    /// Edits a partner makes: a line added high up (every later concept moves down), a
    /// definition revised, a label made outdated, a concept removed and one added.
    static let edits: [[(String, String)]] = [
        [("<concept id=\"stagementor\"", "<concept id=\"stagementor\" top=\"true\"")],
        [
            ("</prefLabel>\n", "</prefLabel>\n    <altLabel>extra synoniem</altLabel>\n"),
            ("<changeNote date=\"2025-09-01\">Vervangen", "<changeNote date=\"2025-09-01\">Eerder vervangen"),
        ],
        [
            (
                "  <concept id=\"stagebegeleider\" deprecated=\"true\" replacedBy=\"werkplekbegeleider\">\n"
                    + "    <prefLabel plural=\"stagebegeleiders\">stagebegeleider</prefLabel>\n"
                    + "    <changeNote date=\"2025-09-01\">Vervangen door werkplekbegeleider.</changeNote>\n  </concept>\n",
                "  <concept id=\"nieuw\">\n    <prefLabel>nieuw begrip</prefLabel>\n\n\n  </concept>\n"
            )
        ],
    ]

    @Test func versionsReadTogetherAreWhatTheyAreAlone() {
        let sources =
            [(path: "base.xml", bytes: Self.fixtureBytes)]
            + Self.edits.enumerated().map { (path: "v\($0.offset).xml", bytes: Self.version($0.element)) }
        Self.expectSameAsAlone(sources)
    }

    @Test func conceptsOfTheFirstReadingKeepItsPositionsAndSayTheSame() throws {
        // The added line high up moves every later concept of the second version one line down.
        let sources = [(path: "base.xml", bytes: Self.fixtureBytes), (path: "v.xml", bytes: Self.version(Self.edits[1]))]
        let shared = SharedReader.read(sources, positions: .ofFirstReading).reads.map(\.vocabulary)
        let alone = Self.readAlone(sources).map(\.vocabulary)
        #expect(shared[0] == alone[0])
        let (together, single) = (try #require(shared[1]), try #require(alone[1]))
        try #require(together.concepts.count == single.concepts.count)
        #expect(zip(together.concepts, single.concepts).allSatisfy { $0.isWrittenAlike($1) })
        let middle = together.concepts.count / 2
        let base = try #require(shared[0]?.concepts[middle])
        #expect(together.concepts[middle].position == base.position)
        #expect(single.concepts[middle].position?.line == (base.position?.line ?? 0) + 1)
    }

    /// Diff and merge say exactly the same whether shared concepts carry each file's
    /// positions or the first reading's.
    @Test func diffAndMergeDoNotDependOnThePositionsOfSharedConcepts() throws {
        let versions = [Self.fixtureBytes, Self.version(Self.edits[0]), Self.version(Self.edits[1] + Self.edits[2])]
        let sources = versions.enumerated().map { [(path: "v\($0.offset).xml", bytes: Optional($0.element))] }
        func merged(_ positions: ConceptPositions) throws -> (files: [[UInt8]], conflicts: [MergeConflict], diff: String) {
            let loaded = try VocabularyInput.loadVersions(sources: sources, strict: true, positions: positions)
            let sets = loaded.versions.map(\.set)
            let result = try VocabularyMerge.merge(base: sets[0], ours: sets[1], theirs: sets[2], read: loaded.parts)
            let diff = DiffRenderer.render(VocabularyDiff(from: sets[0], to: sets[2]), as: .json, colour: false)
            return (result.files.map(\.bytes), result.conflicts, diff)
        }
        let (exact, shared) = (try merged(.exact), try merged(.ofFirstReading))
        #expect(exact.files == shared.files)
        #expect(exact.conflicts == shared.conflicts)
        #expect(exact.diff == shared.diff)
        #expect(exact.diff.contains("\"changed\""))
    }

    /// Files of a megabyte and more are mapped, not read: three of them merge as their bytes
    /// in memory do, and the result replaces the mapped "ours" (as the git merge driver has it).
    @Test func largeFilesOnDiskMergeAsTheirBytesDo() throws {
        let base = GeneratedVocabulary(
            concepts: (0..<8_000).map {
                GeneratedConcept(
                    alternatives: 2, outdated: $0 % 3 == 0, definition: $0 % 4, broader: nil, related: nil, notation: true,
                    english: true)
            })
        var (ours, theirs, both) = (base, base, base)
        ours.concepts[10]?.definition = nil
        theirs.concepts[5_000]?.alternatives = 0
        both.concepts[10]?.definition = nil
        both.concepts[5_000]?.alternatives = 0
        let texts = [base, ours, theirs].map { Generated.xml($0, .plain) }
        #expect(texts.allSatisfy { $0.utf8.count >= 1 << 20 }, "large enough to be mapped")
        let folder = try scratchFolder("mapped")
        let paths = ["base.xml", "ours.xml", "theirs.xml"].map { folder + "/" + $0 }
        for (path, text) in zip(paths, texts) { try AtomicFile.write(text, to: path) }

        let fromDisk = try VocabularyInput.loadVersions(paths.map(VocabularyInput.path), strict: true, positions: .ofFirstReading)
        let inMemory = try VocabularyInput.loadVersions(
            sources: zip(paths, texts).map { [($0, SourceBytes(Array($1.utf8)))] }, strict: true, positions: .ofFirstReading)
        #expect(fromDisk.versions.map(\.set.vocabularies) == inMemory.versions.map(\.set.vocabularies))

        let sets = fromDisk.versions.map(\.set)
        let result = try VocabularyMerge.merge(base: sets[0], ours: sets[1], theirs: sets[2], read: fromDisk.parts)
        #expect(result.conflicts.isEmpty)
        try result.write(to: paths[1], oursFiles: [paths[1]])
        let merged = try VocabularyInput.path(paths[1]).load(strict: true).set
        #expect(VocabularyDiff(from: try Generated.set(both), to: merged).isEmpty)
    }

    /// How many parts of each file were read there (not taken from an earlier file); empty
    /// when the files were read on their own.
    static func partsRead(_ sources: [(path: String, bytes: [UInt8])], after earlier: ReadParts = ReadParts()) -> [Int] {
        let read = SharedReader.read(sources, after: earlier).parts
        guard read.files.count == earlier.files.count + sources.count else { return [] }
        return read.files.suffix(sources.count).map { $0.parts.count { $0 != nil } }
    }

    @Test func whatVersionsHaveInCommonIsReadOnce() throws {
        let files = [Self.fixtureBytes, Self.version(Self.edits[1])]
        let parts = try #require(FileLayout(files[1])).partCount
        #expect(parts > 20)
        let read = Self.partsRead([("a.xml", files[0]), ("b.xml", files[1])])
        try #require(read.count == 2, "read together")
        #expect(read[0] == parts, "the first file reads everything")
        #expect(read[1] >= 1 && read[1] <= 2, "only the changed concepts are read again")
    }

    /// A last read (the read-back of a merge) takes the same parts and reads the same, but
    /// leaves its own parts unnoted: a third version then reads them again.
    @Test func aReadThatNotesNoPartsReadsTheSame() throws {
        let earlier = SharedReader.read([("a.xml", Self.fixtureBytes)]).parts
        let changed = Self.version(Self.edits[1])
        let noting = SharedReader.read([("b.xml", changed)], after: earlier)
        let notNoting = SharedReader.read([("b.xml", changed)], after: earlier, notingParts: false)
        #expect(notNoting.reads.map(\.vocabulary) == noting.reads.map(\.vocabulary))
        #expect(notNoting.reads.allSatisfy { $0.diagnostics.isEmpty })
        let third = [("c.xml", changed)]
        #expect(try #require(Self.partsRead(third, after: noting.parts).last) == 0)
        #expect(try #require(Self.partsRead(third, after: notNoting.parts).last) >= 1)
    }

    @Test func aDifferentStartSharesNothing() throws {
        // The root's language is inherited by every label without one: the same bytes say something else.
        let english = Self.version([("xml:lang=\"nl\"", "xml:lang=\"en\"")])
        let sources = [("nl.xml", Self.fixtureBytes), ("en.xml", english)]
        #expect(Self.partsRead(sources).last == (try #require(FileLayout(english))).partCount)
        Self.expectSameAsAlone(sources)
    }

    @Test func theCanonicalWritingOfAVocabularyIsNotReadAgain() throws {
        // Written by hand: no blank lines between concepts, the root's attributes on two lines.
        let handWritten = Array(
            Self.fixtureText.replacingOccurrences(of: "</concept>\n\n", with: "</concept>\n")
                .replacingOccurrences(of: "format=\"1\" id=", with: "format=\"1\"\n  id=").utf8)
        let vocabulary = try #require(VocabularyLoader.read(bytes: handWritten, path: "a.xml").vocabulary)
        let written = VocabularyWriter.bytes(for: vocabulary)
        #expect(written != handWritten, "the layouts differ")
        let earlier = SharedReader.read([("a.xml", handWritten)]).parts
        let again = SharedReader.read([("written.xml", written)], after: earlier)
        #expect(again.parts.files[1].parts.count { $0 != nil } == 0)
        #expect(again.reads[0].vocabulary == VocabularyLoader.read(bytes: written, path: "written.xml").vocabulary)
    }

    @Test(arguments: ["\r", "\r\n"])
    func otherLineEndsKeepTheirPlaces(_ lineEnd: String) throws {
        let convert = { (bytes: [UInt8]) in
            Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: lineEnd).utf8)
        }
        let files = [convert(Self.fixtureBytes), convert(Self.version(Self.edits[1])), convert(Self.version(Self.edits[2]))]
        let sources = files.enumerated().map { (path: "v\($0.offset).xml", bytes: $0.element) }
        Self.expectSameAsAlone(sources)
        let read = Self.partsRead(sources)
        try #require(read.count == 3, "read together")
        #expect(read[1] <= 2 && read[2] <= 2)
    }

    @Test func aByteOrderMarkIsPartOfTheContext() {
        let marked = [0xEF, 0xBB, 0xBF] + Self.fixtureBytes
        let sources = [("plain.xml", Self.fixtureBytes), ("marked.xml", marked)]
        Self.expectSameAsAlone(sources)
        #expect(Self.partsRead(sources).last == FileLayout(marked)?.partCount)
    }

    @Test func elementsAndCommentsBetweenConceptsAreReadInEveryFile() throws {
        // A self-closed concept, an extension element and a comment between concepts: the part
        // that holds them is never taken from another file.
        let extra = Self.version([
            (
                "</concept>\n\n  <concept id=\"instituutsopleider\"",
                "</concept>\n  <concept id=\"leeg\"/>\n  <x:extra xmlns:x=\"urn:x\">a</x:extra>\n  <concept id=\"instituutsopleider\""
            )
        ])
        let vocabulary = try #require(VocabularyLoader.read(bytes: extra, path: "a.xml").vocabulary)
        #expect(!vocabulary.extensions.isEmpty)
        let changed = Array(
            String(decoding: extra, as: UTF8.self).replacingOccurrences(
                of: "<changeNote date=\"2025-09-01\">Vervangen", with: "<changeNote date=\"2025-09-01\">Eerder vervangen"
            ).utf8)
        let sources = [("a.xml", extra), ("b.xml", changed)]
        Self.expectSameAsAlone(sources)
        let read = SharedReader.read(sources).parts
        try #require(read.files.count == 2, "read together")
        let layout = try #require(FileLayout(changed))
        let withExtension = try #require(
            (0..<layout.partCount).first {
                String(decoding: changed[layout.range(ofPart: $0)], as: UTF8.self).contains("x:extra")
            })
        #expect(!layout.isConceptOnly[withExtension])
        #expect(read.files[1].parts[withExtension] != nil, "the part with the extension element is read in its own file")
        #expect(read.files[1].parts.count { $0 != nil } <= 2)
    }

    @Test func conceptsInsideAnElementOfAnotherNamespaceAreNotTakenFromTopLevelOnes() throws {
        let concepts = ["a", "b", "c", "d", "e"].map {
            "  <concept id=\"\($0)\">\n    <prefLabel>\($0)</prefLabel>\n  </concept>"
        }
        let plain = vocabularyXML(concepts[0...3].joined(separator: "\n"))
        // "c" stands between two concepts in both files, but in the second inside an extension element.
        let wrapped = vocabularyXML(
            [concepts[0], "  <x:e xmlns:x=\"urn:x\">", concepts[1], concepts[2], concepts[4], "  </x:e>", concepts[3]]
                .joined(separator: "\n"))
        let sources = [("plain.xml", plain), ("wrapped.xml", wrapped)].map { (path: $0.0, bytes: Array($0.1.utf8)) }
        let alone = try #require(VocabularyLoader.read(bytes: sources[1].bytes, path: "wrapped.xml").vocabulary)
        #expect(alone.concepts.map(\.id) == ["a", "d"] && alone.extensions.count == 1)
        Self.expectSameAsAlone(sources)
    }

    @Test func aMergeResultReadsBackAgainstItsInputs() throws {
        let vocabulary = try #require(VocabularyLoader.read(bytes: Self.fixtureBytes, path: "a.xml").vocabulary)
        let earlier = SharedReader.read([("a.xml", Self.fixtureBytes)]).parts
        let files = try ReadBack.verify([vocabulary], after: earlier)
        #expect(files.map(\.bytes) == [VocabularyWriter.bytes(for: vocabulary)])
    }

    @Test(arguments: [
        ("<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\" id=\"a\" version=\"1\" xml:lang=\"nl\">", true),
        (
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- x -->\n<vocabulary\n  id=\"b\" xml:lang='nl' xmlns=\"urn:vaktaal:vocabulary:1\">",
            true
        ),
        ("<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\" id=\"a\" xml:lang=\"en\">", false),
        ("<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\" xmlns:x=\"urn:x\" id=\"a\" xml:lang=\"nl\">", false),
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><vocabulary xmlns=\"urn:vaktaal:vocabulary:1\" xml:lang=\"nl\">", false),
    ])
    func theContextIsTheEncodingNamespacesAndLanguage(_ start: String, _ same: Bool) throws {
        let reference =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\" xml:lang=\"nl\">"
        let context = { (text: String) -> ReadingContext? in
            ReadingContext(SourceBytes(Array(text.utf8)), rootEnd: text.utf8.count)
        }
        let startContext = try #require(context(start))
        #expect(startContext == context(reference) || !same)
        #expect(context(start) != context(reference) || same)
    }

    @Test(arguments: [0, 1])
    func aProblemInAnyVersionGivesTheDiagnosticsOfReadingAlone(_ broken: Int) {
        let problem = Self.version([("<concept id=\"stagementor\"", "<concept id=\"stagementor\" bogus=\"1\"")])
        var sources = [
            (path: "a.xml", bytes: Self.fixtureBytes), (path: "b.xml", bytes: Self.fixtureBytes),
        ]
        sources[broken].bytes = problem
        Self.expectSameAsAlone(sources)
        #expect(SharedReader.read(sources).reads[broken].diagnostics.count == 1)
    }

    @Test func commentsAndElementsBetweenConceptsStayWithTheirFile() {
        let decorated = Self.version([
            (
                "</concept>\n\n  <concept id=\"instituutsopleider\"",
                "</concept>\n  <!-- eigen opmerking -->\n  <concept id=\"instituutsopleider\""
            ),
            ("<concept id=\"stagementor\"", "<!-- </concept>\n  <concept id=\"x\"> -->\n  <concept id=\"stagementor\""),
        ])
        Self.expectSameAsAlone([("a.xml", Self.fixtureBytes), ("b.xml", decorated), ("c.xml", decorated)])
    }

    @Test func generatedVersionsReadTogetherAreWhatTheyAreAlone() async {
        await propertyCheck(count: 40, input: Generated.vocabulary, Generated.edits, Generated.style) {
            vocabulary, edits, style in
            let base = Generated.xml(vocabulary, .plain)
            let changed = Generated.xml(Generated.edited(vocabulary, edits), .plain)
            let restyled = Generated.xml(Generated.edited(vocabulary, edits), style)
            let sources = [("base.xml", base), ("changed.xml", changed), ("restyled.xml", restyled), ("again.xml", changed)]
                .map { (path: $0.0, bytes: Array($0.1.utf8)) }
            Self.expectSameAsAlone(sources)
            // A file read before is taken whole (when it can be cut at all).
            if FileLayout(sources[1].bytes) != nil { #expect(Self.partsRead(sources).last == 0) }
        }
    }
}

/// The tests hold their versions in arrays.
extension SharedReader {
    static func read(
        _ sources: [(path: String, bytes: [UInt8])], after earlier: ReadParts = ReadParts(),
        positions: ConceptPositions = .exact, notingParts: Bool = true
    ) -> (reads: [Read], parts: ReadParts) {
        read(sources.map { ($0.path, SourceBytes($0.bytes)) }, after: earlier, positions: positions, notingParts: notingParts)
    }
}

extension FileLayout {
    convenience init?(_ bytes: [UInt8]) { self.init(SourceBytes(bytes)) }
}
