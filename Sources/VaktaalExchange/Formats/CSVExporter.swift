import VaktaalCore
import VaktaalText

/// One row per label, RFC 4180: comma-separated, CRLF line ends, fields with a comma,
/// quote or line break quoted with quotes doubled, and a field a spreadsheet would run as a
/// formula written as text (``FormulaGuard``). The last two columns say whether the
/// label's concept is deprecated and which concept replaces it (a label of a deprecated
/// concept is outdated whatever its kind). UTF-8 with a byte order mark: without
/// it, Excel reads UTF-8 as a legacy code page and mangles "creëren"; LibreOffice, Numbers,
/// Google Sheets and Python's `csv` (with `utf-8-sig`) all accept it.
struct CSVExporter: Exporter {
    let format = ExportFormat.csv
    static let header = [
        "concept_id", "uri", "language", "label", "status", "preferred_label", "definition", "broader", "deprecated",
        "replaced_by",
    ]

    func export(_ input: ExportInput, to sink: any ExportSink) {
        let (set, baseName) = (input.set, input.baseName)
        var output = ByteBuffer(file: "\(baseName).csv", on: sink)
        output += "\u{FEFF}"
        Self.writeRow(Self.header, into: &output)
        var row: [String] = []
        for key in set.keys {
            let concept = set[key]
            let uri = set.uri(of: key)
            for label in concept.labels {
                let definition = concept.notes.first { $0.kind == .definition && $0.language == label.language }?.text ?? ""
                let broader = set.graph.broader(of: key).map { set[$0].displayName(in: label.language) }
                row.removeAll(keepingCapacity: true)
                row += [
                    concept.id, uri, label.language, label.text, label.kind.status,
                    concept.preferredLabel(in: label.language)?.text ?? "", definition, broader.joined(separator: "; "),
                    concept.isDeprecated ? "true" : "", concept.replacedBy ?? "",
                ]
                Self.writeRow(row, into: &output)
            }
            output.flushIfFull()
        }
        output.finish()
    }

    private static func writeRow(_ fields: [String], into output: inout ByteBuffer) {
        for (index, value) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            writeField(value, into: &output)
        }
        output += "\r\n"
    }

    /// What makes RFC 4180 quote a field: commas, quotes and line breaks (CR, LF).
    private static let needsQuotes = ByteSet(",\"\n\r")

    /// A field, guarded from being a formula, quoted with quotes doubled when it needs it.
    static func field(_ value: String) -> String {
        var output = ByteBuffer(capacity: value.utf8.count + 2)
        writeField(value, into: &output)
        return output.text
    }

    private static func writeField(_ field: String, into output: inout ByteBuffer) {
        let value = FormulaGuard.guarded(field)
        guard needsQuotes.occurs(in: value) else {
            output += value
            return
        }
        output.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            output.append(byte)
            if byte == UInt8(ascii: "\"") { output.append(byte) }
        }
        output.append(UInt8(ascii: "\""))
    }
}
