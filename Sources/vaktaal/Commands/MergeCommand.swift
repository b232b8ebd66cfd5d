import ArgumentParser
import Foundation
import VaktaalCore
import VaktaalSync

extension MergeSide: ExpressibleByArgument {}

/// `vaktaal merge`: three-way merge of vocabularies at the level of concepts and fields.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge what two versions of a vocabulary changed since their common base.",
        discussion: """
            Three-way, concept by concept and field by field: a change on one side is taken, the same \
            change on both sides once; labels added on both sides are no conflict. Different changes to \
            one field, a concept deleted on one side and changed on the other, and a result that breaks \
            a rule of vaktaal check (two preferred labels, a dangling reference, a broader cycle) are \
            conflicts: OUT keeps our value and the report lists theirs. --prefer settles every conflict \
            one way (and still lists them). OUT is written atomically, and only when the merged \
            vocabulary reads back; an input is overwritten only when -o names it.
            As a git merge driver: vaktaal merge %O %A %B -o %A (see the README).
            Exit codes: 0 merged, 1 conflicts left (OUT keeps ours), 2 an input could not be read or OUT \
            not written.

            Examples:
              vaktaal merge base.xml ours.xml theirs.xml -o merged.xml --report conflicts.json
              vaktaal merge base/ Vocabulary/ partner/ -o Vocabulary/ --prefer theirs
            """
    )

    @Argument(help: "The common base: a file, a folder or REV:path.")
    var base: String

    @Argument(help: "Our version (the local one).")
    var ours: String

    @Argument(help: "Their version (the incoming one).")
    var theirs: String

    @Option(name: [.short, .customLong("output")], help: "Where to write the merged vocabulary (a file or a folder).")
    var output: String

    @Option(help: "Settle every conflict with this side's value: ours or theirs.")
    var prefer: MergeSide?

    @Option(help: ArgumentHelp("Also write the conflict report as JSON to this file.", valueName: "file.json"))
    var report: String?

    @Flag(help: "Also pair concepts of other ids whose preferred labels in the vocabulary language are equal.")
    var matchLabels = false

    func run() throws {
        let inputs = [base, ours, theirs].map { VocabularyInput($0) }
        let versions = try VocabularyInput.loadVersions(inputs, strict: true, positions: .ofFirstReading)
        let loaded = versions.versions
        KeptUntilExit.keep(versions)
        let fromFolders = inputs.contains { input in
            var isFolder: ObjCBool = false
            guard case .path(let path) = input else { return false }
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
        }
        // The merged file is written ahead while the merge checks it, and renamed into place after.
        let staging = MergeStaging(path: output, folder: fromFolders)
        let result = try VocabularyMerge.merge(
            base: loaded[0].set, ours: loaded[1].set, theirs: loaded[2].set,
            options: MergeOptions(prefer: prefer, matchingLabels: matchLabels), read: versions.parts, staging: staging)
        try result.write(to: output, oursFiles: loaded[1].files, folder: fromFolders, staging: staging)
        let mergeReport = MergeReport(result)
        if let report { try AtomicFile.write(mergeReport.json, to: report) }
        print(mergeReport.text(colour: standardOutputTakesColour), terminator: "")
        if result.hasUnresolvedConflicts { throw ExitCode(1) }
    }
}
