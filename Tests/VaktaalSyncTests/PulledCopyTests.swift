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
}
