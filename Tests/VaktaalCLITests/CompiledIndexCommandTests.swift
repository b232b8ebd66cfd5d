import Dispatch
import Foundation
import Synchronization
import Testing
import VaktaalTestSupport

/// The compiled index as users meet it: lookup and lint keep one in the cache folder and
/// answer the same from it; `--no-cache` leaves the cache alone.
@Suite struct CompiledIndexCommandTests {
    /// A folder with a copy of the fixture vocabulary and the presentation text, and a
    /// cache folder of its own.
    struct Project {
        let folder: String
        let cache: String

        init(vocabulary: String = fixtureVocabularyFolder) throws {
            folder = try Vaktaal.folder(with: [:])
            try FileManager.default.copyItem(atPath: vocabulary, toPath: folder + "/Vocabulary")
            try FileManager.default.copyItem(atPath: fixturesFolder + "/presentation.txt", toPath: folder + "/presentation.txt")
            cache = folder + "/cache"
        }

        func run(_ arguments: [String]) throws -> CommandResult {
            try Vaktaal.run(arguments, in: folder, environment: ["XDG_CACHE_HOME": cache])
        }

        var snapshots: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache + "/vaktaal")) ?? []).filter { $0.hasSuffix(".index") }
        }
    }

    @Test(arguments: [
        ["lookup", "mentor", "--format", "json"], ["lookup", "feedbak"], ["lint", "--format", "json", "presentation.txt"],
        ["lint", "presentation.txt"],
    ])
    func answersAreTheSameFromTheCompiledIndex(arguments: [String]) throws {
        let project = try Project()
        let fresh = try project.run(arguments + ["--no-cache"])
        let compiling = try project.run(arguments)
        let compiled = try project.run(arguments)
        #expect(project.snapshots.count == 1)
        for result in [compiling, compiled] {
            #expect(result.status == fresh.status)
            #expect(result.standardOutput == fresh.standardOutput)
            #expect(result.standardError == fresh.standardError)
        }
    }

    /// A lookup from the compiled index reads only the concepts it shows; with repeated ids
    /// and a namespace two schemes share, its text and JSON still name the concepts the
    /// whole vocabulary names.
    @Test(arguments: ["tweede ix", "eerste ix", "enn", "tweede enn", "pee", "oude ix"])
    func lookupsWithRepeatedNamesAreTheSameFromTheCompiledIndex(term: String) throws {
        let project = try Project(vocabulary: fixturesFolder + "/RepeatedNames")
        _ = try project.run(["lookup", term])
        for format in ["text", "json"] {
            let fresh = try project.run(["lookup", term, "--format", format, "--no-cache"])
            let compiled = try project.run(["lookup", term, "--format", format])
            #expect(fresh.status == 0)
            #expect(compiled.standardOutput == fresh.standardOutput)
        }
    }

    /// Processes that find no index build one each and rename it into place: every one
    /// answers the same, one snapshot is left (with its note) and no temporary file.
    @Test func processesBuildingAtOnceNeverSeeHalfASnapshot() throws {
        let project = try Project()
        let expected = try project.run(["lookup", "mentor", "--no-cache"])
        let results = Mutex<[CommandResult]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            if let result = try? project.run(["lookup", "mentor"]) { results.withLock { $0.append(result) } }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 4)
        #expect(all.allSatisfy { $0.standardOutput == expected.standardOutput && $0.status == 0 })
        let left = (try? FileManager.default.contentsOfDirectory(atPath: project.cache + "/vaktaal")) ?? []
        #expect(left.count == 2 && project.snapshots.count == 1 && left.contains { $0.hasSuffix(".checked") }, "\(left)")
    }

    @Test func noCacheNeitherReadsNorWrites() throws {
        let project = try Project()
        #expect(try project.run(["lookup", "mentor", "--no-cache"]).status == 0)
        #expect(try project.run(["lint", "presentation.txt", "--no-cache"]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: project.cache))
    }

    @Test func checkAndExportUseAKeptIndexButMakeNone() throws {
        let project = try Project()
        let before = try project.run(["check", "--format", "json"])
        #expect(!FileManager.default.fileExists(atPath: project.cache))
        #expect(try project.run(["lookup", "mentor"]).status == 0)
        let after = try project.run(["check", "--format", "json"])
        #expect(after.standardOutput == before.standardOutput)
        #expect(after.status == before.status)
        #expect(project.snapshots.count == 1)
    }

    @Test func anEditedVocabularyIsReadAgain() throws {
        let project = try Project()
        #expect(try project.run(["lookup", "schoolbegeleider"]).status == 1)
        let file = project.folder + "/Vocabulary/lerarenopleiding.xml"
        let edited = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: ">werkplekbegeleider</prefLabel>", with: ">schoolbegeleider</prefLabel>")
        try edited.write(toFile: file, atomically: true, encoding: .utf8)
        let after = try project.run(["lookup", "schoolbegeleider"])
        #expect(after.status == 0)
        #expect(after.standardOutput.hasPrefix("schoolbegeleider (nl)"))
        #expect(project.snapshots.count == 2)
    }

    @Test func aDamagedIndexIsRebuiltSilently() throws {
        let project = try Project()
        let expected = try project.run(["lookup", "mentor"])
        let snapshot = project.cache + "/vaktaal/" + (try #require(project.snapshots.first))
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: snapshot))
        let result = try project.run(["lookup", "mentor"])
        #expect(result.standardOutput == expected.standardOutput)
        #expect(result.standardError.isEmpty)
        #expect((try Data(contentsOf: URL(fileURLWithPath: snapshot))).count > 100)
    }
}
