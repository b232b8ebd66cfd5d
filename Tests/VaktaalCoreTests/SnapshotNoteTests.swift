import Foundation
import Testing
import VaktaalTestSupport

@testable import VaktaalCore

/// The note beside a snapshot: it marks the snapshot's last use, and once every checksum of a
/// snapshot left alone for a while was found right, it vouches for the snapshot while the
/// file system says it is unchanged.
@Suite struct SnapshotNoteTests {
    typealias Workspace = CompiledIndexCacheTests.Workspace

    /// The note of the only snapshot of `workspace`, and the snapshot.
    static func paths(_ workspace: Workspace) throws -> (snapshot: String, note: String) {
        let snapshot = try #require(workspace.snapshots.first)
        return (snapshot, String(snapshot.dropLast(".index".count)) + ".checked")
    }

    /// The offset in the snapshot's header of the checksum of `section` (its bytes as mapped).
    static func checksumOffset(of section: UnsafeRawBufferPointer, in bytes: [UInt8]) throws -> Int {
        let checksum = ContentHash.ofPieces(section)
        let pattern = [checksum.0, checksum.1].withUnsafeBytes { Array($0) }
        return try #require((0..<4096).first { bytes[$0...].starts(with: pattern) })
    }

    #if os(Linux)
        /// A snapshot left alone for a while has its checksums computed once more: its note then
        /// vouches for it, and later runs do not compute them while it keeps its stamp (here
        /// damaged checksums in its header, of the contents and of the trigram index, are not
        /// even seen); any write to it moves its change time, and it is checked again.
        @Test func aSettledSnapshotIsCheckedOnceUntilItIsWritten() throws {
            let workspace = try Workspace()
            #expect(try workspace.cache.load(path: workspace.vocabulary).outcome == .stored)
            let (snapshot, note) = try Self.paths(workspace)
            #expect(try String(contentsOfFile: note, encoding: .utf8) == "", "a snapshot just written is not vouched for")
            Thread.sleep(forTimeInterval: 2.2)
            #expect(try workspace.cache.loadLookup(path: workspace.vocabulary).outcome == .reused)
            #expect(try String(contentsOfFile: note, encoding: .utf8) == FileBytes.map(snapshot)?.stamp.text)

            let files = try VocabularyLoader.vocabularyFiles(at: workspace.vocabulary)
            let key = try #require(SnapshotKey(files: files, program: workspace.cache.program))
            let mapped = try #require(FileBytes.map(snapshot))
            let (contents, later) = try SnapshotFile.contents(of: mapped, key: key, program: workspace.cache.program)
            var bytes = try #require(FileBytes.read(snapshot))
            for section in [contents, later.trigrams.bytes] { bytes[try Self.checksumOffset(of: section, in: bytes)] ^= 0x01 }
            try Data(bytes).write(to: URL(fileURLWithPath: snapshot))
            try Data(try #require(FileBytes.map(snapshot)).stamp.text.utf8).write(to: URL(fileURLWithPath: note))
            let vouched = try workspace.cache.loadLookup(path: workspace.vocabulary)
            #expect(vouched.outcome == .reused, "vouched for by its note")
            // A fuzzy search reads the trigram index: checked, it would be found damaged and the snapshot removed.
            let expected = LookupIndex(try VocabularyLoader.load(path: workspace.vocabulary).set)
            #expect(vouched.lookup.lookupIndex.search("feedbak") == expected.search("feedbak"))
            #expect(!expected.search("feedbak").isEmpty)
            #expect(FileManager.default.fileExists(atPath: snapshot), "the trigram index was read unchecked")

            #expect(utime(snapshot, nil) == 0)
            #expect(try workspace.cache.loadLookup(path: workspace.vocabulary).outcome == .stored, "checked again, and rebuilt")
        }

        /// The matcher of a snapshot vouched for, read without checking its records and steps
        /// one by one, finds what a matcher built from the files finds.
        @Test func aVouchedForMatcherFindsWhatABuiltOneFinds() throws {
            let workspace = try Workspace()
            #expect(try workspace.cache.load(path: workspace.vocabulary).outcome == .stored)
            let (snapshot, note) = try Self.paths(workspace)
            Thread.sleep(forTimeInterval: 2.2)
            #expect(try workspace.cache.loadTerms(path: workspace.vocabulary).outcome == .reused)
            #expect(try String(contentsOfFile: note, encoding: .utf8) == FileBytes.map(snapshot)?.stamp.text)
            let (vouched, outcome) = try workspace.cache.loadTerms(path: workspace.vocabulary)
            #expect(outcome == .reused)
            let set = try VocabularyLoader.load(path: workspace.vocabulary).set
            let built = TermMatcher(set: set, entries: IndexEntries(set))
            var found = 0
            for text in try StoredMatcherTests.texts(of: set) {
                let expected = StoredMatcherTests.found(built, text, languages: nil)
                #expect(StoredMatcherTests.found(vouched.matchIndex.matcher, text, languages: nil) == expected)
                found += expected.count
            }
            #expect(found > 0)
        }

        /// The snapshots used last are found by their notes, whatever the snapshots' own times
        /// say; a note whose snapshot is gone goes too.
        @Test func theSnapshotsKeptAreThoseWhoseNotesWereTouchedLast() throws {
            let workspace = try Workspace()
            let small = CompiledIndexCache(folder: workspace.cache.folder, program: "test 1", capacity: 2)
            let folder = try #require(workspace.cache.folder)
            let vocabularies = try CompiledIndexCacheTests.smallVocabularies(["a", "b", "c"])
            #expect(try small.load(path: vocabularies["a"] ?? "").outcome == .stored)
            let a = try #require(workspace.snapshots.first)
            #expect(try small.load(path: vocabularies["b"] ?? "").outcome == .stored)
            // The snapshot of "a" made the newest by its own time: its note, older, decides.
            var future = [timespec(tv_sec: time(nil) + 3600, tv_nsec: 0), timespec(tv_sec: time(nil) + 3600, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, a, &future, 0) == 0)
            var past = [timespec(tv_sec: time(nil) - 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3600, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, String(a.dropLast(".index".count)) + ".checked", &past, 0) == 0)
            #expect(try small.load(path: vocabularies["c"] ?? "").outcome == .stored)
            #expect(workspace.snapshots.count == 2)
            #expect(!FileManager.default.fileExists(atPath: a), "the snapshot whose note is oldest goes")
            let notes = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".checked") }
            #expect(notes.count == 2, "its note goes with it: \(notes)")
        }
    #endif

    /// A stamp is written and read back as a line of numbers; any other text is none.
    @Test func aFileStampReadsBackFromItsText() throws {
        let stamp = try #require(FileBytes.map(fixtureVocabularyFolder + "/lerarenopleiding.xml")).stamp
        #expect(FileStamp(text: stamp.text) == stamp)
        let others = [
            "", "1 2 3", stamp.text + " 8", stamp.text + " ", " " + stamp.text,
            stamp.text.replacingOccurrences(of: " ", with: "  "),
            "a b c d e f g",
        ]
        for text in others { #expect(FileStamp(text: text) == nil, "\(text)") }
    }
}
