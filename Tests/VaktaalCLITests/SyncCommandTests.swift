import Foundation
import Testing

/// Three concepts in the canonical layout, as `vaktaal format` writes them.
private let baseConcepts = """
    <concept id="begeleider" top="true">
        <prefLabel>begeleider</prefLabel>
        <definition>Iemand die een ander begeleidt.</definition>
      </concept>

      <concept id="wpb">
        <prefLabel>werkplekbegeleider</prefLabel>
        <altLabel>mentor</altLabel>
        <definition>Begeleidt op de werkplek.</definition>
        <broader ref="begeleider"/>
      </concept>

      <concept id="coach">
        <prefLabel>coach</prefLabel>
        <definition>Coacht.</definition>
        <broader ref="begeleider"/>
      </concept>
    """

/// A file of `concepts` in the canonical layout.
private func canonicalFile(_ concepts: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="t" uri="https://example.org/t/" xml:lang="nl">

      \(concepts)
    </vocabulary>

    """
}

private let base = canonicalFile(baseConcepts)
private let oursFile = canonicalFile(
    baseConcepts.replacingOccurrences(of: "Begeleidt op de werkplek.", with: "Begeleidt en beoordeelt."))
private let theirsFile = canonicalFile(
    baseConcepts.replacingOccurrences(
        of: "<prefLabel>coach</prefLabel>", with: "<prefLabel>coach</prefLabel>\n    <altLabel>studiecoach</altLabel>"))
private let conflictingFile = canonicalFile(
    baseConcepts.replacingOccurrences(of: "Begeleidt op de werkplek.", with: "Coacht in de school."))

@Suite struct DiffCommandTests {
    @Test func noChangesExitsZeroAndChangesExitOne() throws {
        let folder = try Vaktaal.folder(with: ["a.xml": base, "b.xml": oursFile, "c.xml": base])
        let same = try Vaktaal.run(["diff", "a.xml", "c.xml"], in: folder)
        #expect(same.status == 0 && same.standardOutput == "no changes\n")
        let changed = try Vaktaal.run(["diff", "a.xml", "b.xml"], in: folder)
        #expect(changed.status == 1)
        #expect(changed.standardOutput.hasPrefix("~ wpb 'werkplekbegeleider'  https://example.org/t/wpb\n"))
        #expect(changed.standardOutput.contains("    definition nl: 'Begeleidt op de werkplek.' → 'Begeleidt en beoordeelt.'\n"))
        #expect(changed.standardOutput.hasSuffix("1 concept: 1 changed\n"))
    }

    @Test func jsonIsVersionedAndMarkdownIsAChangelogEntry() throws {
        let folder = try Vaktaal.folder(with: ["a.xml": base, "b.xml": theirsFile])
        let json = try Vaktaal.run(["diff", "a.xml", "b.xml", "--format", "json"], in: folder)
        #expect(json.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        let concepts = try #require(document["concepts"] as? [[String: Any]])
        #expect(concepts.map { $0["id"] as? String } == ["coach"])
        let change = try #require((concepts.first?["changes"] as? [[String: Any]])?.first)
        #expect(change["field"] as? String == "label" && change["text"] as? String == "studiecoach")
        let markdown = try Vaktaal.run(["diff", "a.xml", "b.xml", "--format", "markdown"], in: folder)
        #expect(markdown.status == 1)
        #expect(markdown.standardOutput.hasPrefix("## Vocabulary changes\n\n1 concept: 1 changed.\n"))
        #expect(markdown.standardOutput.contains("- **coach** (`coach`)\n  - label nl `studiecoach`: added: altLabel\n"))
    }

    @Test func unreadableInputsExitTwoAndNameThePlace() throws {
        let folder = try Vaktaal.folder(with: [
            "a.xml": base, "bad.xml": "<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\">\n<concept>",
        ])
        let missing = try Vaktaal.run(["diff", "a.xml", "nowhere.xml"], in: folder)
        #expect(missing.status == 2 && missing.standardError.contains("nowhere.xml: error: no such file or folder"))
        let malformed = try Vaktaal.run(["diff", "a.xml", "bad.xml"], in: folder)
        #expect(malformed.status == 2 && malformed.standardError.contains("bad.xml:2:"))
        let service = try Vaktaal.run(["diff", "a.xml", "http://127.0.0.1:1/v1/schemes/t"], in: folder)
        #expect(service.status == 2 && service.standardError.contains("the service cannot be reached"))
    }

    @Test func readsGitRevisions() throws {
        let folder = try Vaktaal.folder(with: ["Vocabulary/t.xml": base])
        try Git.run(["init", "-q"], in: folder)
        try Git.run(["add", "."], in: folder)
        try Git.run(["commit", "-q", "-m", "base"], in: folder)
        try oursFile.write(toFile: folder + "/Vocabulary/t.xml", atomically: true, encoding: .utf8)
        let file = try Vaktaal.run(["diff", "HEAD:Vocabulary/t.xml", "Vocabulary/t.xml"], in: folder)
        #expect(file.status == 1 && file.standardOutput.contains("~ wpb"), "\(file.standardError)")
        let tree = try Vaktaal.run(["diff", "HEAD:Vocabulary", "Vocabulary"], in: folder)
        #expect(tree.status == 1 && tree.standardOutput.contains("~ wpb"), "\(tree.standardError)")
        let unknown = try Vaktaal.run(["diff", "nosuchrevision:Vocabulary/t.xml", "Vocabulary/t.xml"], in: folder)
        #expect(
            unknown.status == 2 && unknown.standardError.contains("nosuchrevision:Vocabulary/t.xml: error: git cannot give it"))
    }
}

@Suite struct MergeCommandTests {
    @Test func aCleanMergeWritesOutAndExitsZero() throws {
        let folder = try Vaktaal.folder(with: ["base.xml": base, "ours.xml": oursFile, "theirs.xml": theirsFile])
        let result = try Vaktaal.run(["merge", "base.xml", "ours.xml", "theirs.xml", "-o", "out.xml"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "merged: 1 concept changed by ours, 1 by theirs, 0 by both; no conflicts\n")
        let merged = try String(contentsOfFile: folder + "/out.xml", encoding: .utf8)
        #expect(merged.contains("Begeleidt en beoordeelt.") && merged.contains("<altLabel>studiecoach</altLabel>"))
        for (name, content) in [("base.xml", base), ("ours.xml", oursFile), ("theirs.xml", theirsFile)] {
            #expect(try String(contentsOfFile: folder + "/" + name, encoding: .utf8) == content, "\(name) untouched")
        }
    }

    @Test func conflictsKeepOursReportTheirsAndExitOne() throws {
        let folder = try Vaktaal.folder(with: ["base.xml": base, "ours.xml": oursFile, "theirs.xml": conflictingFile])
        let result = try Vaktaal.run(
            ["merge", "base.xml", "ours.xml", "theirs.xml", "-o", "out.xml", "--report", "report.json"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardOutput.hasPrefix("CONFLICT wpb 'werkplekbegeleider': definition nl: ours 'Begeleidt en beoordeelt.', ")
        )
        #expect(try String(contentsOfFile: folder + "/out.xml", encoding: .utf8).contains("Begeleidt en beoordeelt."))
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json")))
                as? [String: Any])
        #expect(report["version"] as? Int == 1 && report["settled"] as? Bool == false)
        let conflict = try #require((report["conflicts"] as? [[String: Any]])?.first)
        #expect(conflict["field"] as? String == "definition" && conflict["kept"] as? String == "ours")
        #expect((conflict["theirs"] as? [[String: Any]])?.first?["text"] as? String == "Coacht in de school.")

        let settled = try Vaktaal.run(
            ["merge", "base.xml", "ours.xml", "theirs.xml", "-o", "out.xml", "--prefer", "theirs"], in: folder)
        #expect(settled.status == 0 && settled.standardOutput.hasPrefix("conflict (settled) wpb"))
        #expect(try String(contentsOfFile: folder + "/out.xml", encoding: .utf8).contains("Coacht in de school."))
    }

    @Test func nothingIsWrittenFromUnreadableInput() throws {
        let broken = oursFile.replacingOccurrences(
            of: "<altLabel>mentor</altLabel>", with: "<altLabel since=\"2025-01-01\">mentor</altLabel>")
        let folder = try Vaktaal.folder(with: ["base.xml": base, "ours.xml": broken, "theirs.xml": theirsFile])
        let result = try Vaktaal.run(["merge", "base.xml", "ours.xml", "theirs.xml", "-o", "out.xml"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.contains("ours.xml:") && result.standardError.contains("[unknown-attribute]"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.xml"))
    }

    @Test func foldersMergeIntoAFolder() throws {
        let other = vocabularyFile().replacingOccurrences(
            of: "id=\"t\" uri=\"https://example.org/t/\"", with: "id=\"u\" uri=\"https://example.org/u/\"")
        let folder = try Vaktaal.folder(with: [
            "base/t.xml": base, "ours/t.xml": oursFile, "theirs/t.xml": theirsFile,
            "base/u.xml": other, "ours/u.xml": other, "theirs/u.xml": other,
        ])
        let result = try Vaktaal.run(["merge", "base", "ours", "theirs", "-o", "merged"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/merged").sorted()
        #expect(names == ["t.xml", "u.xml"])
        let merged = try String(contentsOfFile: folder + "/merged/t.xml", encoding: .utf8)
        #expect(merged.contains("Begeleidt en beoordeelt.") && merged.contains("studiecoach"))
        try base.write(toFile: folder + "/one.xml", atomically: true, encoding: .utf8)
        let single = try Vaktaal.run(["merge", "base", "ours", "theirs", "-o", "one.xml"], in: folder)
        #expect(single.status == 2 && single.standardError.contains("one.xml: error: nothing written"))
        #expect(try String(contentsOfFile: folder + "/one.xml", encoding: .utf8) == base)
    }

    @Test func anInputIsOverwrittenOnlyWhenOutputNamesIt() throws {
        let folder = try Vaktaal.folder(with: ["base.xml": base, "ours.xml": oursFile, "theirs.xml": theirsFile])
        let result = try Vaktaal.run(["merge", "base.xml", "ours.xml", "theirs.xml", "-o", "ours.xml"], in: folder)
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: folder + "/ours.xml", encoding: .utf8).contains("<altLabel>studiecoach</altLabel>"))
        #expect(try String(contentsOfFile: folder + "/theirs.xml", encoding: .utf8) == theirsFile)
    }

    /// A concept of one label, as the canonical writer writes it after another.
    static func added(_ id: String) -> String { "\n\n  <concept id=\"\(id)\">\n    <prefLabel>\(id)</prefLabel>\n  </concept>" }

    /// Two branches each add a concept at the end of one file: git alone sees both insert at
    /// the same place and stops with a conflict; with vaktaal as merge driver the merge is
    /// clean and keeps both concepts and the other branch's edit.
    @Test func worksAsAGitMergeDriver() throws {
        let folder = try Vaktaal.folder(with: ["Vocabulary/t.xml": base])
        try Git.initialize(folder)
        func commit(_ branch: String, _ content: String) throws {
            try Git.commit(content, as: "Vocabulary/t.xml", onNewBranch: branch, in: folder)
        }
        try commit(
            "partner",
            canonicalFile(baseConcepts + Self.added("schoolopleider")).replacingOccurrences(
                of: "Coacht.", with: "Coacht studenten."))
        try commit("local", canonicalFile(baseConcepts + Self.added("instituutsopleider")))

        let plain = try Git.run(["merge", "-q", "partner"], in: folder, allowFailure: true)
        #expect(plain.status != 0, "git alone cannot merge two concepts added at one place")
        try Git.run(["merge", "--abort"], in: folder)

        let merged = try Git.mergeWithVaktaal("partner", file: "Vocabulary/t.xml", in: folder)
        #expect(merged.contains("<concept id=\"schoolopleider\">") && merged.contains("<concept id=\"instituutsopleider\">"))
        #expect(merged.contains("Coacht studenten.") && !merged.contains("<<<<<<<"))
        let check = try Vaktaal.run(["check", "--vocabulary", "Vocabulary"], in: folder)
        #expect(check.standardOutput.contains(": 0 errors"), "\(check.standardOutput)")
    }

    /// Both branches add the same file: git gives the driver an empty base, which stands for
    /// a version without concepts, so the concepts of both branches are kept.
    @Test func aFileAddedOnBothBranchesMergesFromAnEmptyBase() throws {
        let folder = try Vaktaal.folder(with: ["README": "x\n"])
        try Git.initialize(folder)
        try Git.commit(
            canonicalFile(baseConcepts + Self.added("schoolopleider")), as: "Vocabulary/t.xml", onNewBranch: "partner", in: folder
        )
        try Git.commit(
            canonicalFile(baseConcepts + Self.added("instituutsopleider")), as: "Vocabulary/t.xml", onNewBranch: "local",
            in: folder)
        let merged = try Git.mergeWithVaktaal("partner", file: "Vocabulary/t.xml", in: folder)
        #expect(merged.contains("<concept id=\"schoolopleider\">") && merged.contains("<concept id=\"instituutsopleider\">"))
        #expect(merged.contains("<concept id=\"coach\">") && !merged.contains("<<<<<<<"))

        // The same from the command line, and diff against /dev/null lists every concept as added.
        try "".write(toFile: folder + "/empty.xml", atomically: true, encoding: .utf8)
        let diff = try Vaktaal.run(["diff", "/dev/null", "Vocabulary/t.xml", "--format", "json"], in: folder)
        #expect(diff.status == 1, "\(diff.standardError)")
        #expect(diff.standardOutput.contains("schoolopleider") && diff.standardOutput.contains("instituutsopleider"))
        let emptyBoth = try Vaktaal.run(["diff", "empty.xml", "/dev/null"], in: folder)
        #expect(emptyBoth.status == 0, "\(emptyBoth.standardError)")
    }

    /// A file that is not in the canonical layout keeps its layout through a driven merge:
    /// the merge commit changes only the lines of the concept the other branch edited.
    @Test func aDrivenMergeChangesOnlyTheLinesThatChanged() throws {
        let concepts = (1...12).map {
            "\t<concept id=\"c\($0)\"><prefLabel>term \($0)</prefLabel><definition>Def \($0).</definition></concept>"
        }
        func file(_ concepts: [String]) -> String {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\" format=\"1\"\n"
                + "\tid=\"t\" uri=\"https://example.org/t/\" xml:lang=\"nl\">\n" + concepts.joined(separator: "\n")
                + "\n</vocabulary>\n"
        }
        let folder = try Vaktaal.folder(with: ["Vocabulary/t.xml": file(concepts)])
        try Git.initialize(folder)
        var partner = concepts
        partner[2] = partner[2].replacingOccurrences(of: "Def 3.", with: "Def drie.")
        try Git.commit(file(partner), as: "Vocabulary/t.xml", onNewBranch: "partner", in: folder)
        var local = concepts
        local[9] = local[9].replacingOccurrences(of: "Def 10.", with: "Def tien.")
        try Git.commit(file(local), as: "Vocabulary/t.xml", onNewBranch: "local", in: folder)
        let merged = try Git.mergeWithVaktaal("partner", file: "Vocabulary/t.xml", in: folder)
        #expect(merged.contains("Def drie.") && merged.contains("Def tien."))
        // Against our branch, only the partner's concept changed: its one line went, its
        // canonical lines came; every other line is ours as it was.
        let ourLines = Set(file(local).split(separator: "\n"))
        let removed = ourLines.subtracting(merged.split(separator: "\n"))
        #expect(removed == [Substring(local[2])])
        #expect(merged.split(separator: "\n").filter { !ourLines.contains($0) }.count <= 5)
    }
}

/// Runs git in a test repository, with a fixed author and no user configuration.
enum Git {
    /// Makes `folder` a repository whose branch `main` has one commit of what the folder holds.
    static func initialize(_ folder: String) throws {
        try run(["init", "-q", "-b", "main"], in: folder)
        try run(["add", "."], in: folder)
        try run(["commit", "-q", "-m", "base"], in: folder)
    }

    /// Commits `content` as the file `path` (new or not) on a new branch made from `main`.
    static func commit(_ content: String, as path: String, onNewBranch branch: String, in folder: String) throws {
        try run(["checkout", "-q", "-b", branch, "main"], in: folder)
        let file = URL(fileURLWithPath: folder + "/" + path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try content.write(to: file, atomically: true, encoding: .utf8)
        try run(["add", path], in: folder)
        try run(["commit", "-q", "-m", branch], in: folder)
    }

    /// Merges `branch` into the current branch with vaktaal as the merge driver of `*.xml`
    /// files (as the README tells users to set it up), expecting a clean merge; the merged
    /// `file` after it.
    static func mergeWithVaktaal(_ branch: String, file: String, in folder: String) throws -> String {
        try "*.xml merge=vaktaal\n".write(toFile: folder + "/.gitattributes", atomically: true, encoding: .utf8)
        try run(["config", "merge.vaktaal.name", "vaktaal concept-level merge"], in: folder)
        try run(["config", "merge.vaktaal.driver", "\(Vaktaal.executable.path) merge %O %A %B -o %A"], in: folder)
        let driven = try run(["merge", "-q", "--no-edit", branch], in: folder, allowFailure: true)
        #expect(driven.status == 0, "\(driven.output)")
        return try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
    }

    @discardableResult
    static func run(_ arguments: [String], in folder: String, allowFailure: Bool = false) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if !allowFailure && process.terminationStatus != 0 { throw GitFailure(arguments: arguments, output: text) }
        return (process.terminationStatus, text)
    }

    struct GitFailure: Error, CustomStringConvertible {
        let arguments: [String]
        let output: String
        var description: String { "git \(arguments.joined(separator: " ")) failed: \(output)" }
    }
}
