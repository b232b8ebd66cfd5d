import Foundation
import Testing
import VaktaalCore

@testable import VaktaalSync

/// The merged file is written ahead while the merge checks it, and only renamed into place
/// by the final write; a staging that is not used leaves nothing behind.
@Suite struct MergeStagingTests {
    /// A merge that assembles its result twice: a broader cycle made by two edits is undone.
    private func mergeTwiceAssembled(staging: MergeStaging?) throws -> MergeResult {
        let scenario = try #require(MergeScenarios.all.first { $0.name == "a broader cycle made by two edits" })
        return try VocabularyMerge.merge(
            base: try load(DiffScenarios.base), ours: try load(MergeScenarios.apply(scenario.ours)),
            theirs: try load(MergeScenarios.apply(scenario.theirs)), staging: staging)
    }

    private func temporaryFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
    }

    @Test func theStagedFileIsRenamedIntoPlaceAndIsTheResult() throws {
        let folder = try temporaryFolder()
        let output = folder + "/merged.xml"
        try Data("old".utf8).write(to: URL(fileURLWithPath: output))
        let staging = try #require(MergeStaging(path: output, folder: false))
        let result = try mergeTwiceAssembled(staging: staging)
        #expect(result.conflicts.contains { $0.rule == "broader-cycle" })
        #expect(try temporaryFiles(in: folder).count == 1, "the last result read back is staged, the first one dropped")
        #expect(FileManager.default.contents(atPath: output) == Data("old".utf8), "the output is untouched until written")
        try result.write(to: output, staging: staging)
        #expect(FileManager.default.contents(atPath: output).map(Array.init) == result.files[0].bytes)
        #expect(try temporaryFiles(in: folder).isEmpty)
        #expect(result.files[0].bytes == (try mergeTwiceAssembled(staging: nil)).files[0].bytes)
    }

    @Test func aStagingThatIsNotCommittedLeavesNothing() throws {
        let folder = try temporaryFolder()
        let output = folder + "/merged.xml"
        try Data("old".utf8).write(to: URL(fileURLWithPath: output))
        do {
            let staging = try #require(MergeStaging(path: output, folder: false))
            let result = try mergeTwiceAssembled(staging: staging)
            // Written elsewhere: the staging for `output` is not used.
            try result.write(to: folder + "/elsewhere.xml", staging: staging)
            #expect(FileManager.default.contents(atPath: folder + "/elsewhere.xml").map(Array.init) == result.files[0].bytes)
        }
        #expect(FileManager.default.contents(atPath: output) == Data("old".utf8))
        #expect(try temporaryFiles(in: folder).isEmpty)
    }

    @Test func stagedBytesThatAreNotTheResultAreNotCommitted() throws {
        let folder = try temporaryFolder()
        let output = folder + "/merged.xml"
        let staging = try #require(MergeStaging(path: output, folder: false))
        staging.stage([MergedFile(scheme: "test", sourcePath: nil, bytes: Array("staged".utf8))])
        #expect(try staging.commit(Array("other".utf8)) == false)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func aFileThatCannotBeStagedIsLeftToTheFinalWrite() throws {
        let folder = try temporaryFolder()
        // The output's folder does not exist: nothing can be staged, and the final write says why.
        let output = folder + "/missing/merged.xml"
        let staging = try #require(MergeStaging(path: output, folder: false))
        let result = try mergeTwiceAssembled(staging: staging)
        #expect(try staging.commit(result.files[0].bytes) == false)
        #expect(throws: MergeError.self) { try result.write(to: output, staging: staging) }
    }

    /// A result is staged while it is read back; when it does not read back the merge
    /// throws, and the staging, never committed, leaves nothing behind.
    @Test func aResultThatDoesNotReadBackLeavesTheOutputAlone() throws {
        let folder = try temporaryFolder()
        let output = folder + "/merged.xml"
        try Data("old".utf8).write(to: URL(fileURLWithPath: output))
        var vocabulary = try #require(try load(DiffScenarios.base).vocabularies.first)
        // A plural with the list separator in it is written as two plurals.
        vocabulary.concepts[0].labels[0].plurals = ["begeleiders; coaches"]
        do {
            let staging = try #require(MergeStaging(path: output, folder: false))
            #expect(throws: MergeError.self) { try ReadBack.verify([vocabulary], staging: staging) }
        }
        #expect(FileManager.default.contents(atPath: output) == Data("old".utf8))
        #expect(try temporaryFiles(in: folder).isEmpty)
    }

    @Test func folderOutputsAreNotStaged() throws {
        let folder = try temporaryFolder()
        #expect(MergeStaging(path: folder, folder: false) == nil)
        #expect(MergeStaging(path: folder + "/new/", folder: false) == nil)
        #expect(MergeStaging(path: folder + "/merged.xml", folder: true) == nil)
        #expect(MergeStaging(path: folder + "/merged.xml", folder: false) != nil)
    }
}
