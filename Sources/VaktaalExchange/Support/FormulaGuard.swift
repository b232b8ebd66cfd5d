/// Cells that a spreadsheet would run as a formula (OWASP's CSV injection): a text that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return, such as a label
/// `=HYPERLINK(…)` from an imported glossary, is written with a `'` before it, which Excel
/// and LibreOffice read as "this cell is text"; the CSV importer takes the `'` off again.
enum FormulaGuard {
    private static let starts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// `value`, with a `'` before it when a spreadsheet would read it as a formula, or when it
    /// reads as guarded already (`'=x`, which ``unguarded(_:)`` would take the `'` off).
    static func guarded(_ value: String) -> String {
        guard let first = value.utf8.first else { return value }
        let needsGuard =
            starts.contains(first) || (first == UInt8(ascii: "'") && value.utf8.dropFirst().first.map(starts.contains) == true)
        return needsGuard ? "'" + value : value
    }

    /// A field read from a CSV file without the `'` that ``guarded(_:)`` wrote.
    static func unguarded(_ field: [UInt8]) -> [UInt8] {
        let quote = UInt8(ascii: "'")
        guard field.count > 1, field[0] == quote else { return field }
        let isGuarded = starts.contains(field[1]) || (field.count > 2 && field[1] == quote && starts.contains(field[2]))
        return isGuarded ? Array(field.dropFirst()) : field
    }
}
