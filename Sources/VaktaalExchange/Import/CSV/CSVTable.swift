/// Rows of a CSV file (RFC 4180: quoted fields with doubled quotes, CRLF or LF line ends),
/// with the separator found from the header: comma, semicolon (spreadsheets in Dutch and
/// other locales write those) or tab.
struct CSVTable {
    let separator: UInt8
    let header: [String]
    /// Data rows with the line each starts on.
    let rows: [(line: Int, fields: [String])]

    init?(_ bytes: [UInt8]) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let firstLine = body.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        separator =
            candidates.max { first, second in
                Self.countOutsideQuotes(first, in: firstLine) < Self.countOutsideQuotes(second, in: firstLine)
            } ?? UInt8(ascii: ",")
        var records = Self.records(body, separator: separator)
        guard !records.isEmpty else { return nil }
        header = records.removeFirst().fields.map { $0.trimmingSpaces }
        rows = records.filter { !$0.fields.allSatisfy { $0.trimmingSpaces.isEmpty } }
    }

    private static func countOutsideQuotes(_ byte: UInt8, in line: ArraySlice<UInt8>) -> Int {
        var quoted = false
        var count = 0
        for current in line {
            if current == UInt8(ascii: "\"") { quoted.toggle() } else if current == byte, !quoted { count += 1 }
        }
        return count
    }

    private static func records(_ bytes: ArraySlice<UInt8>, separator: UInt8) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var line = 1
        var recordLine = 1
        var index = bytes.startIndex
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): quoted = true
            case separator: endField()
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if byte == UInt8(ascii: "\r"), index < bytes.endIndex, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                endField()
                records.append((recordLine, fields))
                fields.removeAll()
                line += 1
                recordLine = line
            default: field.append(byte)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            records.append((recordLine, fields))
        }
        return records
    }
}

extension String {
    /// Without spaces and tabs at either end.
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
