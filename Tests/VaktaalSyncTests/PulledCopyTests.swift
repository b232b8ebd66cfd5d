import Foundation
import Testing
import VaktaalCore

@testable import VaktaalSync

/// The base of the next pull, kept beside the vocabulary.
@Suite struct PulledCopyTests {
    @Test func keepsTheLastPulledVersionAndItsETagHidden() throws {
        let folder = try temporaryFolder()
        let copy = PulledCopy(vocabularyFolder: folder)
        #expect(!copy.has(scheme: "test") && copy.etag(scheme: "test") == nil)
        let xml = vocabularyXML(DiffScenarios.base)
        try copy.save(Array(xml.utf8), etag: "\"v1\"", scheme: "test")
        #expect(copy.path(scheme: "test") == folder + "/.vaktaal/pulled/test.xml")
        #expect(copy.etag(scheme: "test") == "\"v1\"")
        #expect(copy.has(scheme: "test"))
        let kept = try VocabularyInput.path(copy.path(scheme: "test")).load(strict: true).set
        #expect(kept.isSemanticallyEqual(to: try load(DiffScenarios.base)))
        try copy.save(Array(xml.utf8), etag: nil, scheme: "test")
        #expect(copy.etag(scheme: "test") == nil)
        // The hidden folder is never read as part of the vocabulary.
        try xml.write(toFile: folder + "/test.xml", atomically: true, encoding: .utf8)
        #expect(try VocabularyLoader.load(path: folder).files == [folder + "/test.xml"])
    }

    /// A conflicts note holds until the file changes; one written without leading zeros in
    /// its hash (before December 2026) still holds.
    @Test(arguments: [false, true])
    func aConflictsNoteHoldsUntilTheFileChanges(writtenBefore: Bool) throws {
        let folder = try temporaryFolder()
        let copy = PulledCopy(vocabularyFolder: folder)
        // A file whose hash has a leading zero in a word, so that the two writings differ.
        let written = try #require(
            (0..<10_000).lazy.map { Array("<vocabulary n=\"\($0)\"/>".utf8) }.first { bytes in
                let hash = bytes.withUnsafeBytes { ContentHash.of($0) }
                return hash.0 >> 60 == 0 || hash.1 >> 60 == 0
            })
        try copy.save(written, etag: nil, scheme: "t")
        try copy.noteConflicts(scheme: "t", written: written, report: "CONFLICT a: definition\n")
        if writtenBefore {
            let hash = written.withUnsafeBytes { ContentHash.of($0) }
            try (String(hash.0, radix: 16) + String(hash.1, radix: 16) + "\n").write(
                toFile: folder + "/.vaktaal/pulled/t.conflicts", atomically: true, encoding: .utf8)
        }
        #expect(copy.hasUnresolvedConflicts(scheme: "t", local: written))
        #expect(copy.unresolvedConflictsReport(scheme: "t", local: written) == "CONFLICT a: definition\n")
        // The mark is the hash alone, as older versions read it.
        #expect(try String(contentsOfFile: folder + "/.vaktaal/pulled/t.conflicts", encoding: .utf8).count <= 33)
        #expect(!copy.hasUnresolvedConflicts(scheme: "t", local: written + [0x0A]))
        #expect(copy.unresolvedConflictsReport(scheme: "t", local: written + [0x0A]) == nil)
        copy.forgetConflicts(scheme: "t")
        #expect(!copy.hasUnresolvedConflicts(scheme: "t", local: written))
    }
}
