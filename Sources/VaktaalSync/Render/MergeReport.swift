import VaktaalCore

/// The conflict report of a merge: what `vaktaal merge` prints and writes with `--report`.
///
/// JSON (version 1): `{"version": 1, "summary": {"fromOurs": 3, "fromTheirs": 2,
/// "fromBoth": 1, "conflicts": 1}, "kept": "ours", "settled": false, "conflicts": [{…}]}`,
/// each conflict as ``MergeConflict`` describes. `settled` is true when `--prefer` decided
/// every conflict.
public struct MergeReport: Hashable, Sendable, Codable {
    /// The version of the JSON structure.
    public static let formatVersion = 1

    /// Where the changes came from.
    public var summary: MergeSummary
    /// Whose value conflicting fields kept.
    public var kept: MergeSide
    /// Whether a `--prefer` settled the conflicts.
    public var settled: Bool
    /// The conflicts.
    public var conflicts: [MergeConflict]

    /// The report of a merge.
    public init(_ result: MergeResult) {
        summary = result.summary
        kept = result.options.winner
        settled = result.options.prefer != nil
        conflicts = result.conflicts
    }

    private enum CodingKeys: String, CodingKey {
        case version, summary, kept, settled, conflicts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        summary = try container.decode(MergeSummary.self, forKey: .summary)
        kept = try container.decode(MergeSide.self, forKey: .kept)
        settled = try container.decode(Bool.self, forKey: .settled)
        conflicts = try container.decode([MergeConflict].self, forKey: .conflicts)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.formatVersion, forKey: .version)
        try container.encode(summary, forKey: .summary)
        try container.encode(kept, forKey: .kept)
        try container.encode(settled, forKey: .settled)
        try container.encode(conflicts, forKey: .conflicts)
    }

    /// The JSON text.
    public var json: String { JSONOutput.encode(self) + "\n" }

    /// One block per conflict, then a summary line.
    public func text(colour: Bool = false) -> String {
        let paint = Paint(enabled: colour)
        var output = ""
        for conflict in conflicts {
            let words = ChangeText(
                schemeURI: ChangeText.schemeURI(of: conflict.concept ?? "", id: conflict.id ?? ""), quote: { "'\($0)'" })
            let subject =
                conflict.concept == nil
                ? "scheme \(conflict.scheme)"
                : (conflict.id ?? "") + (conflict.name.map { $0 != conflict.id ? " '\($0)'" : "" } ?? "")
            var line = paint.red(settled ? "conflict (settled)" : "CONFLICT") + " \(subject): "
            switch conflict.kind {
            case .deleted:
                let deleter = conflict.ours == nil ? "ours" : "theirs"
                let changer = conflict.ours == nil ? "theirs" : "ours"
                line += "deleted by \(deleter), changed by \(changer)"
            case .field:
                line += words.title(conflict.field) + (conflict.attribute.map { ", \($0)" } ?? "") + ": "
                line += "ours \(describe(conflict.ours, conflict, words)), theirs \(describe(conflict.theirs, conflict, words))"
                if conflict.base != nil { line += " (base \(describe(conflict.base, conflict, words)))" }
            case .check:
                line += "[\(conflict.rule?.rawValue ?? "check")] \(conflict.message ?? "")"
                if conflict.field != .concept || conflict.ours != nil || conflict.theirs != nil {
                    line +=
                        "\n    \(words.title(conflict.field)): ours \(describe(conflict.ours, conflict, words)), "
                        + "theirs \(describe(conflict.theirs, conflict, words))"
                }
                for side in MergeSide.allCases {
                    let edits = conflict.edits.filter { $0.side == side }
                    guard !edits.isEmpty else { continue }
                    line +=
                        "\n    \(side.rawValue) changed "
                        + edits.map { edit in
                            let id = words.shortened(edit.concept)
                            return edit.field == .concept ? id : "\(id) \(words.title(edit.field))"
                        }.joined(separator: ", ")
                }
            }
            output += line + "; kept \(conflict.kept.rawValue)\n"
        }
        return output + summaryLine + "\n"
    }

    private func describe(_ value: SyncValue?, _ conflict: MergeConflict, _ words: ChangeText) -> String {
        // A concept or scheme that a side does not have was deleted there only when the base had it.
        guard let value else {
            return (conflict.field == .concept || conflict.field == .scheme) && conflict.base != nil ? "deleted" : "none"
        }
        if let attribute = conflict.attribute, case .label(let label) = value, let which = LabelAttribute(rawValue: attribute) {
            return words.labelAttributeValue(which, label)
        }
        return words.value(value, conflict.field)
    }

    /// `merged: 3 concepts changed by ours, 2 by theirs, 1 by both; 1 conflict (kept ours)`.
    public var summaryLine: String {
        var line = "merged: \(summary.fromOurs) \(summary.fromOurs == 1 ? "concept" : "concepts") changed by ours, "
        line += "\(summary.fromTheirs) by theirs, \(summary.fromBoth) by both"
        guard !conflicts.isEmpty else { return line + "; no conflicts" }
        let count = "\(conflicts.count) \(conflicts.count == 1 ? "conflict" : "conflicts")"
        return line + "; \(count) " + (settled ? "settled with \(kept.rawValue)" : "(kept ours; resolve them and check)")
    }
}
