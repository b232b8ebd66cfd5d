/// Cells that a spreadsheet would run as a formula (OWASP's CSV injection): a text that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return, such as a label
/// `=HYPERLINK(…)` from an imported glossary, is written with a `'` before it, which Excel
/// and LibreOffice read as "this cell is text"; the CSV importer takes the `'` off again.
enum FormulaGuard {
    private static let starts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// `value`, with a `'` before it when a spreadsheet would read it as a formula.
    static func guarded(_ value: String) -> String {
        guard let first = value.utf8.first, starts.contains(first) else { return value }
        return "'" + value
    }

    /// A field read from a CSV file without the `'` that ``guarded(_:)`` wrote.
    static func unguarded(_ field: [UInt8]) -> [UInt8] {
        guard field.count > 1, field[0] == UInt8(ascii: "'"), starts.contains(field[1]) else { return field }
        return Array(field.dropFirst())
    }
}
