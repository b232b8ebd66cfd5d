import VaktaalText

/// Rows of a CSV file (RFC 4180: quoted fields with doubled quotes, CRLF or LF line ends),
/// with the separator found from the header: comma, semicolon (spreadsheets in Dutch and
/// other locales write those) or tab. A quote opens a quoted field at the field's start (or
/// after spaces, when the field ends at its closing quote): elsewhere it is text (`12" monitor`).
struct CSVTable {
    /// Why bytes are not a table, at a byte offset of the file.
    struct Problem: Error {
        let offset: Int
        let message: String
    }

    let separator: UInt8
    let header: [String]
    /// The place of each column in the sheet, from 1 (other than its index in a table
    /// ``reordered(into:)``).
    let columnNumbers: [Int]
    /// Data rows with the line each starts on, and the byte offset of each field.
    let rows: [(line: Int, fields: [String], offsets: [Int])]

    private init(
        separator: UInt8, header: [String], columnNumbers: [Int], rows: [(line: Int, fields: [String], offsets: [Int])]
    ) {
        self.separator = separator
        self.header = header
        self.columnNumbers = columnNumbers
        self.rows = rows
    }

    /// This table with the columns `names` first, in that order (found without case; empty
    /// where a column is missing), then the columns it has besides them.
    func reordered(into names: [String]) -> CSVTable {
        let lowered = header.map { $0.lowercased() }
        let named = names.map { lowered.firstIndex(of: $0) }
        let others = header.indices.filter { !named.contains($0) }
        let order = named + others.map { Optional($0) }
        // Each field keeps its offset in the file (a missing one takes its row's first).
        let rows = rows.map { row in
            let start = row.offsets.first ?? 0
            return (
                line: row.line, fields: order.map { $0.flatMap { $0 < row.fields.count ? row.fields[$0] : nil } ?? "" },
                offsets: order.map { $0.flatMap { $0 < row.offsets.count ? row.offsets[$0] : nil } ?? start }
            )
        }
        return CSVTable(
            separator: separator, header: names + others.map { header[$0] },
            columnNumbers: named.map { $0.map { columnNumbers[$0] } ?? 0 } + others.map { columnNumbers[$0] }, rows: rows)
    }

    /// Every filled cell of a column the layout does not read (`isRead` by the column's
    /// place), for the import report: by the column's name (its number when it has none),
    /// with the cell's line and text.
    func unreadCells(_ isRead: (Int) -> Bool) -> [(column: String, example: String)] {
        header.indices.filter { !isRead($0) }.flatMap { index in
            let name = header[index].isEmpty ? "column \(columnNumbers[index])" : "column '\(header[index])'"
            return rows.compactMap { row -> (column: String, example: String)? in
                guard index < row.fields.count, !row.fields[index].trimmingSpaces.isEmpty else { return nil }
                return (name, "line \(row.line): \(row.fields[index])")
            }
        }
    }

    /// The table of `bytes`; `nil` when they hold no line at all.
    ///
    /// - Throws: ``Problem`` for bytes that are not UTF-8 and for a quoted field that does
    ///   not end.
    init?(_ bytes: [UInt8]) throws(Problem) {
        if let invalid = bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset(in: $0) }) {
            throw Problem(offset: invalid, message: "invalid UTF-8: save the sheet as UTF-8 text")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let firstLine = body.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        separator =
            candidates.max { first, second in
                Self.countOutsideQuotes(first, in: firstLine) < Self.countOutsideQuotes(second, in: firstLine)
            } ?? UInt8(ascii: ",")
        var records = try Self.records(body, separator: separator)
        guard !records.isEmpty else { return nil }
        header = records.removeFirst().fields.map { $0.trimmingSpaces }
        columnNumbers = header.indices.map { $0 + 1 }
        rows = records.filter { !$0.fields.allSatisfy { $0.trimmingSpaces.isEmpty } }
    }

    /// Whether the quoted field whose text starts at `start` (right after its opening quote)
    /// has a closing quote followed by nothing but spaces before the separator or line end.
    private static func quotedFieldEndsAtItsQuote(_ bytes: ArraySlice<UInt8>, from start: Int, separator: UInt8) -> Bool {
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\"") {
                if index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "\"") {
                    index += 2
                    continue
                }
                index += 1
                while index < bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
                return index == bytes.endIndex || bytes[index] == separator || bytes[index] == 0x0A || bytes[index] == 0x0D
            }
            index += 1
        }
        return false
    }

    private static func countOutsideQuotes(_ byte: UInt8, in line: ArraySlice<UInt8>) -> Int {
        var quoted = false
        var count = 0
        for current in line {
            if current == UInt8(ascii: "\"") { quoted.toggle() } else if current == byte, !quoted { count += 1 }
        }
        return count
    }

    private static func records(_ bytes: ArraySlice<UInt8>, separator: UInt8) throws(Problem)
        -> [(line: Int, fields: [String], offsets: [Int])]
    {
        var records: [(line: Int, fields: [String], offsets: [Int])] = []
        var fields: [String] = []
        var offsets: [Int] = []
        var field: [UInt8] = []
        var fieldStart = bytes.startIndex
        var quoteStart: Int?
        var line = 1
        var recordLine = 1
        var index = bytes.startIndex
        func endField(at end: Int) {
            // What the CSV export guarded from being a formula (`'=…`) is read as it was.
            fields.append(String(decoding: FormulaGuard.unguarded(field), as: UTF8.self))
            offsets.append(fieldStart)
            field.removeAll(keepingCapacity: true)
            fieldStart = end + 1
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if quoteStart != nil {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoteStart = nil
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            // A quote opens a quoted field at its start; after spaces typed before it
            // (`a, "b, c"`) only when the field ends right after its closing quote, else
            // it is text (` "Werkplek" is de plek`).
            case UInt8(ascii: "\"")
            where field.isEmpty
                || (field.allSatisfy { $0 == 0x20 || $0 == 0x09 }
                    && Self.quotedFieldEndsAtItsQuote(bytes, from: index, separator: separator)):
                field.removeAll(keepingCapacity: true)
                quoteStart = index - 1
            case separator: endField(at: index - 1)
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                endField(at: index - 1)
                if byte == UInt8(ascii: "\r"), index < bytes.endIndex, bytes[index] == UInt8(ascii: "\n") {
                    index += 1
                    fieldStart += 1
                }
                records.append((recordLine, fields, offsets))
                fields.removeAll()
                offsets.removeAll()
                line += 1
                recordLine = line
            default: field.append(byte)
            }
        }
        if let quoteStart {
            throw Problem(offset: quoteStart, message: "a quoted field that does not end: a quote is missing after it")
        }
        if !field.isEmpty || !fields.isEmpty {
            endField(at: index)
            records.append((recordLine, fields, offsets))
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
