import Foundation
import VaktaalCore

/// How a merge runs.
public struct MergeOptions: Hashable, Sendable {
    /// Settle every conflict with this side's value (and still list the conflicts); without
    /// it conflicts keep our value and the merge reports them as unresolved.
    public var prefer: MergeSide?
    /// Also pair concepts of other ids whose preferred labels in the vocabulary language are equal.
    public var matchingLabels: Bool

    /// Options.
    public init(prefer: MergeSide? = nil, matchingLabels: Bool = false) {
        self.prefer = prefer
        self.matchingLabels = matchingLabels
    }

    /// The side whose value a conflicting field keeps.
    public var winner: MergeSide { prefer ?? .ours }
}

/// One merged scheme as it is written.
public struct MergedFile: Hashable, Sendable {
    /// The scheme's id.
    public let scheme: String
    /// The file it was read from (ours, else theirs), if any: where a folder merge writes it.
    public let sourcePath: String?
    /// The XML, in the layout of our file of the scheme where it can be kept (``OurFileLayout``),
    /// else in the canonical layout, read back and found to say what the merge decided.
    public let bytes: [UInt8]

    /// The file name to write it under in a folder: its source's name, else `<scheme>.xml`.
    public var fileName: String {
        sourcePath.flatMap { $0.split(separator: "/").last.map(String.init) } ?? "\(scheme).xml"
    }
}

/// How many concepts came from where.
public struct MergeSummary: Hashable, Sendable, Codable {
    /// Concepts only we changed (added, removed or edited).
    public var fromOurs: Int
    /// Concepts only they changed.
    public var fromTheirs: Int
    /// Concepts both changed (the same way, in different fields, or in conflict).
    public var fromBoth: Int
    /// Conflicts found.
    public var conflicts: Int
}

/// What a merge gives: the merged schemes, the conflicts and where the changes came from.
public struct MergeResult: Sendable {
    /// The merged schemes, in file order.
    public let vocabularies: [Vocabulary]
    /// The bytes to write, one file per scheme.
    public let files: [MergedFile]
    /// Every conflict, with the value kept and the other ones.
    public let conflicts: [MergeConflict]
    /// Where the changes came from.
    public let summary: MergeSummary
    /// The options the merge ran with.
    public let options: MergeOptions

    /// Whether conflicts are left for a person: there are some and no `prefer` settled them.
    public var hasUnresolvedConflicts: Bool { !conflicts.isEmpty && options.prefer == nil }
}

/// Why a merge wrote nothing.
public enum MergeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The merged result, written out, did not read back as what the merge decided.
    case resultNotReadable(problems: [String])
    /// A folder merge with a file as output, or the other way round.
    case outputMismatch(path: String, reason: String)
    /// A file could not be written (the files already written are whole).
    case write(FileWriteError)

    public var description: String {
        switch self {
        case .resultNotReadable(let problems):
            "error: nothing written: the merged vocabulary does not read back as merged:\n"
                + problems.map { "  \($0)" }.joined(separator: "\n")
        case .outputMismatch(let path, let reason):
            "\(path): error: nothing written: \(reason)"
        case .write(let error):
            error.description
        }
    }
}

extension MergeError: LocalizedError {
    /// The same text as `description`.
    public var errorDescription: String? { description }
}

/// The three-way merge of vocabularies at the level of concepts and their fields.
public enum VocabularyMerge {
    /// Merges what `ours` and `theirs` each changed since `base`.
    ///
    /// A change on one side is taken; the same change on both sides is taken once;
    /// different changes to one field are conflicts (see ``FieldMerge`` for what merges
    /// without one). A concept one side deleted and the other changed is a conflict. A
    /// result that breaks a rule of `vaktaal check` that neither side broke on its own (two
    /// preferred labels, a dangling reference, a broader cycle) is a conflict naming both
    /// edits, and the loser's edits to the concepts concerned are undone. Conflicts keep
    /// ``MergeOptions/winner``'s value and record the others.
    ///
    /// - Parameters:
    ///   - read: What was read loading the versions, in the order base, ours, theirs
    ///     (``LoadedVersions/parts``): the result reads back without reading again what it has
    ///     in common with them, and keeps the layout of our files (``OurFileLayout``); without
    ///     it, the result is written in the canonical layout.
    ///   - staging: Where to write the result ahead while it is checked (``MergeStaging``).
    /// - Throws: ``MergeError/resultNotReadable(problems:)`` when the result, written out and
    ///   read again, does not say what the merge decided.
    public static func merge(
        base: VocabularySet, ours: VocabularySet, theirs: VocabularySet, options: MergeOptions = MergeOptions(),
        read: ReadParts = ReadParts(), staging: MergeStaging? = nil
    ) throws(MergeError) -> MergeResult {
        let sides = MergeSides(base: base, ours: ours, theirs: theirs, matchingLabels: options.matchingLabels)
        var state = MergeState(sides: sides, winner: options.winner, read: read, staging: staging)
        state.mergeConcepts()
        state.mergeSchemes()
        let (vocabularies, files) = try state.finish()
        var summary = state.summary
        summary.conflicts = state.conflicts.count
        let conflicts = state.conflicts
        // What the merge decided about every concept is no longer needed: freed meanwhile.
        BackgroundRelease.release(consume state)
        return MergeResult(vocabularies: vocabularies, files: files, conflicts: conflicts, summary: summary, options: options)
    }
}
