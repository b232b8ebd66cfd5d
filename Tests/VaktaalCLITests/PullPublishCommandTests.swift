import Foundation
import Testing

/// `vaktaal pull`, `vaktaal publish` and `vaktaal diff URL` against a real `vaktaal serve`.
@Suite(.serialized) struct PullPublishCommandTests {
    static let serviceFile = vocabularyFile(
        #"<concept id="a"><prefLabel>a</prefLabel><definition>d</definition></concept>"#)

    /// A started service holding the scheme `t`, and an empty partner folder.
    private func start() async throws -> (RunningService, String) {
        let service = try await RunningService(files: ["t.xml": Self.serviceFile])
        return (service, try Vaktaal.folder(with: [:]))
    }

    private func pull(_ service: RunningService, into folder: String) throws -> CommandResult {
        try Vaktaal.run(["pull", service.url, "--scheme", "t", "--vocabulary", folder])
    }

    private func publish(_ service: RunningService, from folder: String, token: String? = RunningService.token) throws
        -> CommandResult
    {
        try Vaktaal.run(
            ["publish", service.url + "/v1/schemes/t", "--vocabulary", folder], environment: ["VAKTAAL_TOKEN": token ?? ""])
    }

    /// Adds a concept to the scheme file in `folder`.
    private func add(_ concept: String, in folder: String) throws {
        let path = folder + "/t.xml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let element = #"<concept id="\#(concept)"><prefLabel>\#(concept)</prefLabel><definition>d</definition></concept>"#
        try text.replacingOccurrences(of: "</vocabulary>", with: element + "\n</vocabulary>")
            .write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A second service on a port in use says so, and that it is usable input (exit 2); it
    /// never said it was serving first.
    @Test func aPortInUseIsAClearErrorNotAServiceRunning() async throws {
        let service = try await RunningService(files: ["t.xml": Self.serviceFile])
        defer { service.stop() }
        let second = try Vaktaal.run(["serve", "--vocabulary", service.folder, "--port", String(service.port)])
        #expect(second.status == 2)
        #expect(second.standardError.contains("cannot serve at \(service.url): the port is in use"), "\(second.standardError)")
        #expect(!second.standardError.contains("serving") && !second.standardOutput.contains("serving"))
    }

    /// A partner who pulled a version with an error (a dangling reference) can publish an
    /// edit that adds none; an edit that adds one is refused before anything is sent.
    @Test func anErrorOfThePulledVersionDoesNotBlockAPublish() async throws {
        let broken = vocabularyFile(
            #"<concept id="a"><prefLabel>a</prefLabel><definition>d</definition><broader ref="nergens"/></concept>"#)
        let service = try await RunningService(files: ["t.xml": broken])
        defer { service.stop() }
        let folder = try Vaktaal.folder(with: [:])
        #expect(try pull(service, into: folder).status == 0)
        try add("b", in: folder)
        let published = try publish(service, from: folder)
        #expect(published.status == 0, "\(published.standardOutput)\(published.standardError)")
        let path = folder + "/t.xml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "<prefLabel>b</prefLabel>", with: "<prefLabel>b</prefLabel><related ref=\"elders\"/>")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try publish(service, from: folder)
        #expect(refused.status == 1 && (refused.standardOutput + refused.standardError).contains("dangling-reference"))
    }

    @Test func theFirstPullWritesTheFileAndTheNextIsANoOp() async throws {
        let (service, folder) = try await start()
        defer { service.stop() }
        let first = try pull(service, into: folder)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(try String(contentsOfFile: folder + "/t.xml", encoding: .utf8) == Self.serviceFile)
        #expect(FileManager.default.fileExists(atPath: folder + "/.vaktaal/pulled/t.etag"))
        let second = try pull(service, into: folder)
        #expect(second.status == 0)
        #expect(second.standardOutput.contains("up to date"))
        // A first pull into a folder that is not there yet makes it.
        let fresh = try pull(service, into: folder + "/nieuw/Vocabulary")
        #expect(fresh.status == 0, "\(fresh.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder + "/nieuw/Vocabulary/t.xml"))
    }

    @Test func anUnchangedSchemeIsAnsweredBeforeAnythingLocalIsRead() async throws {
        let (service, folder) = try await start()
        defer { service.stop() }
        #expect(try pull(service, into: folder).status == 0)
        // Local work in progress that does not read yet, in the file and in the kept base:
        // a 304 needs neither.
        for path in [folder + "/t.xml", folder + "/.vaktaal/pulled/t.xml"] {
            try "<vocabulary".write(toFile: path, atomically: true, encoding: .utf8)
        }
        let second = try pull(service, into: folder)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardOutput.contains("up to date"))
    }

    @Test func aLocalFileNeverPulledIsMergedWithTheServicesWithNoBase() async throws {
        let (service, folder) = try await start()
        defer { service.stop() }
        // The partner wrote the scheme by hand before ever pulling: both sides added everything.
        try Self.serviceFile.write(toFile: folder + "/t.xml", atomically: true, encoding: .utf8)
        try add("local", in: folder)
        let merged = try pull(service, into: folder)
        #expect(merged.status == 0, "\(merged.standardOutput)\(merged.standardError)")
        let text = try String(contentsOfFile: folder + "/t.xml", encoding: .utf8)
        #expect(text.contains(#"id="a""#) && text.contains(#"id="local""#))
        #expect(FileManager.default.fileExists(atPath: folder + "/.vaktaal/pulled/t.xml"))
        #expect(try pull(service, into: folder).standardOutput.contains("up to date"))
    }

    @Test func aLocalAdditionSurvivesAPullThatBringsInAChangeFromTheService() async throws {
        let (service, ours) = try await start()
        defer { service.stop() }
        let theirs = try Vaktaal.folder(with: [:])
        #expect(try pull(service, into: ours).status == 0)
        #expect(try pull(service, into: theirs).status == 0)
        try add("fromservice", in: theirs)
        let published = try publish(service, from: theirs)
        #expect(published.status == 0, "\(published.standardError)")
        try add("local", in: ours)
        let merged = try pull(service, into: ours)
        #expect(merged.status == 0, "\(merged.standardOutput)\(merged.standardError)")
        #expect(merged.standardOutput.contains("fromservice"))
        let text = try String(contentsOfFile: ours + "/t.xml", encoding: .utf8)
        #expect(text.contains(#"id="fromservice""#))
        #expect(text.contains(#"id="local""#))
        #expect(try pull(service, into: ours).standardOutput.contains("up to date"))
    }

    @Test func aConflictKeepsTheLocalValueAndExitsOne() async throws {
        let (service, ours) = try await start()
        defer { service.stop() }
        let theirs = try Vaktaal.folder(with: [:])
        #expect(try pull(service, into: ours).status == 0)
        #expect(try pull(service, into: theirs).status == 0)
        for (folder, definition) in [(theirs, "theirdefinition"), (ours, "ourdefinition")] {
            let path = folder + "/t.xml"
            try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: "<definition>d</definition>", with: "<definition>\(definition)</definition>")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(try publish(service, from: theirs).status == 0)
        let merged = try pull(service, into: ours)
        #expect(merged.status == 1)
        #expect(merged.standardOutput.contains("theirdefinition"))
        let text = try String(contentsOfFile: ours + "/t.xml", encoding: .utf8)
        #expect(text.contains("ourdefinition") && !text.contains("theirdefinition"))
        // Pulled again with nothing new, the conflict is said again: it is still open.
        let again = try pull(service, into: ours)
        #expect(again.status == 1 && again.standardOutput.contains("nobody has looked at"), "\(again.standardOutput)")
        #expect(again.standardOutput.contains("theirdefinition"))
        // Published as the pull left it, ours would overwrite theirs unseen: refused until the file changes.
        let unseen = try publish(service, from: ours)
        #expect(unseen.status == 1 && unseen.standardError.contains("the last pull left conflicts"), "\(unseen.standardError)")
        // Also after a later pull that brings in something else and merges cleanly.
        try add("b", in: theirs)
        #expect(try publish(service, from: theirs).status == 0)
        let later = try pull(service, into: ours)
        #expect(later.status == 1 && later.standardOutput.contains("theirdefinition"), "\(later.standardOutput)")
        let stillUnseen = try publish(service, from: ours)
        #expect(stillUnseen.status == 1 && stillUnseen.standardError.contains("the last pull left conflicts"))
        let merged2 = try String(contentsOfFile: ours + "/t.xml", encoding: .utf8)
        #expect(merged2.contains("<concept id=\"b\">") && merged2.contains("ourdefinition"))
        try merged2.replacingOccurrences(of: "ourdefinition", with: "theirdefinition and ours")
            .write(toFile: ours + "/t.xml", atomically: true, encoding: .utf8)
        let resolved = try publish(service, from: ours)
        #expect(resolved.status == 0, "\(resolved.standardError)")
        #expect(!FileManager.default.fileExists(atPath: ours + "/.vaktaal/pulled/t.conflicts"))
    }

    @Test func aPublishOverSomeoneElsesIsRefusedWithPullFirst() async throws {
        let (service, ours) = try await start()
        defer { service.stop() }
        let theirs = try Vaktaal.folder(with: [:])
        #expect(try pull(service, into: ours).status == 0)
        #expect(try pull(service, into: theirs).status == 0)
        try add("first", in: theirs)
        #expect(try publish(service, from: theirs).status == 0)
        try add("second", in: ours)
        let stale = try publish(service, from: ours)
        #expect(stale.status == 1)
        #expect(stale.standardError.contains("someone published the scheme in between (412)"))
        #expect(stale.standardError.contains("pull first"))
    }

    @Test func aPublishWithoutATokenIsExplained() async throws {
        let (service, ours) = try await start()
        defer { service.stop() }
        #expect(try pull(service, into: ours).status == 0)
        try add("b", in: ours)
        let refused = try publish(service, from: ours, token: nil)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("(401)"))
        #expect(refused.standardError.contains("set VAKTAAL_TOKEN"))
    }

    @Test func anInvalidVocabularyIsNotSent() async throws {
        let (service, ours) = try await start()
        defer { service.stop() }
        #expect(try pull(service, into: ours).status == 0)
        try add("a", in: ours)
        let refused = try publish(service, from: ours)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("vaktaal check found errors"))
        let unchanged = try Vaktaal.run(["diff", service.url + "/v1/schemes/t", service.folder + "/t.xml"])
        #expect(unchanged.status == 0, "\(unchanged.standardOutput)\(unchanged.standardError)")
    }

    @Test func aSchemeURLDiffsLikeAFile() async throws {
        let (service, _) = try await start()
        defer { service.stop() }
        let changed = try Vaktaal.folder(with: ["t.xml": Self.serviceFile])
        try add("extra", in: changed)
        let diff = try Vaktaal.run(["diff", service.url + "/v1/schemes/t", changed + "/t.xml"])
        #expect(diff.status == 1, "\(diff.standardError)")
        #expect(diff.standardOutput.contains("extra"))
        let missing = try Vaktaal.run(["diff", service.url + "/v1/schemes/nope", changed + "/t.xml"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("no such scheme"))
    }

    @Test func anUnreachableServiceIsExitTwo() async throws {
        let folder = try Vaktaal.folder(with: [:])
        let result = try Vaktaal.run(["pull", "http://127.0.0.1:1/v1/schemes/t", "--vocabulary", folder])
        #expect(result.status == 2)
        #expect(result.standardError.contains("cannot be reached: the connection was refused"), "\(result.standardError)")
    }
}
