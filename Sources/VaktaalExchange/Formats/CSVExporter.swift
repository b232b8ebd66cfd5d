import VaktaalCore

/// One row per label, RFC 4180: comma-separated, CRLF line ends, fields with a comma,
/// quote or line break quoted with quotes doubled. UTF-8 with a byte order mark: without
/// it, Excel reads UTF-8 as a legacy code page and mangles "creëren"; LibreOffice, Numbers,
/// Google Sheets and Python's `csv` (with `utf-8-sig`) all accept it.
struct CSVExporter: Exporter {
    let format = ExportFormat.csv
    static let header = ["concept_id", "uri", "language", "label", "status", "preferred_label", "definition", "broader"]

    func export(_ set: VocabularySet, baseName: String) -> [ExportFile] {
        var rows = [Self.header]
        for key in set.keys {
            let concept = set[key]
            for label in concept.labels {
                let definition = concept.notes(.definition).first { $0.language == label.language }?.text ?? ""
                let broader = set.graph.broader(of: key).map { set[$0].displayName(in: label.language) }
                rows.append([
                    concept.id, set.uri(of: key), label.language, label.text, label.kind.status,
                    concept.preferredLabel(in: label.language)?.text ?? "", definition, broader.joined(separator: "; "),
                ])
            }
        }
        let text = "\u{FEFF}" + rows.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
        return [ExportFile(path: "\(baseName).csv", text: text)]
    }

    static func field(_ value: String) -> String {
        // RFC 4180: only commas, quotes and line breaks (CR, LF) need quoting.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
        else { return value }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}
