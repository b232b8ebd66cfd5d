import VaktaalCore
import VaktaalText

/// Spreadsheets: the columns `vaktaal export --format csv` writes (`concept_id, uri,
/// language, label, status, preferred_label, definition, broader`, one row per label; they
/// may be moved, and taken out but for `label`, `status`, and `concept_id` or
/// `preferred_label`), or a minimal layout a person can type:
///
/// - `preferred` (or `preferred term`, `term`, `voorkeursterm`): the term to use (required);
/// - `outdated` (or `outdated term`, `deprecated`, `verouderd`): a term not to use any more;
///   several separated by `;` (`|` when `;` separates the columns), or one row each;
/// - `language` (or `lang`, `taal`): its language (else `--lang`, else the most common one);
/// - optional: `alternative` (admitted synonyms), `definition`, and `concept` (an id that
///   joins rows of other languages into one concept).
///
/// Rows with the same preferred term and language (or the same `concept`) make one concept.
enum CSVImporter {
    /// The columns every CSV export has (the later `deprecated` and `replaced_by` are read
    /// when they are there): a sheet that starts with them is an export read back.
    static let exportColumns = Array(CSVExporter.header.prefix(8))

    static func run(_ bytes: [UInt8], path: String, options: ImportOptions) throws(ImportError) -> ImportResult {
        func malformed(_ problem: CSVTable.Problem) -> ImportError {
            var lines = bytes.withUnsafeBufferPointer { LineIndex(bytes: $0) }
            return .malformed(path: path, position: lines.position(at: problem.offset), message: problem.message)
        }
        let read: CSVTable?
        do {
            read = try CSVTable(bytes)
        } catch {
            throw malformed(error)
        }
        guard let table = read else { throw .noRows(path: path) }
        let columns = table.header.map { $0.lowercased() }
        if Array(columns.prefix(exportColumns.count)) == exportColumns {
            if let problem = problem(in: table, languageColumn: 2) { throw malformed(problem) }
            return try ExportLayout(table: table, path: path, options: options).run()
        }
        // An export whose unused columns a partner took out, or moved (a sheet with the minimal
        // layout's `preferred` column is that layout).
        if columns.contains("label"), columns.contains("status"), !columns.contains("preferred") {
            // Without them, each row would be a concept of its own.
            guard columns.contains("concept_id") || columns.contains("preferred_label") else {
                throw .malformed(
                    path: path, position: .start,
                    message: "the export's columns 'label' and 'status' need 'concept_id' or 'preferred_label' to tell "
                        + "which labels make one concept")
            }
            if let problem = problem(in: table, languageColumn: columns.firstIndex(of: "language")) { throw malformed(problem) }
            return try ExportLayout(table: table.reordered(into: CSVExporter.header), path: path, options: options).run()
        }
        let layout = MinimalLayout(table: table, columns: columns, path: path, options: options)
        if let problem = problem(in: table, languageColumn: layout.column("language")) { throw malformed(problem) }
        return try layout.run()
    }

    /// What makes the rows of `table` mean something else than they say: more fields than
    /// the header has columns (a separator too many, a quote missing), or a language that
    /// is no language tag. Both would import as wrong data rather than fail later.
    static func problem(in table: CSVTable, languageColumn: Int?) -> CSVTable.Problem? {
        for row in table.rows {
            if let extra = row.fields.indices.dropFirst(table.header.count).first(where: {
                !row.fields[$0].trimmingSpaces.isEmpty
            }) {
                return CSVTable.Problem(
                    offset: row.offsets[extra],
                    message: "line \(row.line) has more fields than the header has columns (\(table.header.count)): "
                        + "a separator too many, or a quote missing around a field that holds one?")
            }
            if let languageColumn, languageColumn < row.fields.count {
                let language = row.fields[languageColumn].trimmingSpaces
                if !language.isEmpty, !LanguageTag.isValid(language) {
                    return CSVTable.Problem(
                        offset: row.offsets[languageColumn],
                        message:
                            "'\(language)' in column '\(table.header[languageColumn])' is not a language tag such as nl or en-GB")
                }
            }
        }
        return nil
    }

    /// The vocabulary a spreadsheet becomes: named after the file (or `--name`), URIs under
    /// `urn:vaktaal:<id>:` unless the sheet gives them.
    static func vocabulary(path: String, options: ImportOptions, base: String?, language: String?) -> Vocabulary {
        let slug = SKOSImporter.slug(options.name ?? TBXImporter.fileStem(path))
        let id = slug.isEmpty ? "glossary" : slug
        return Vocabulary(id: id, uri: base ?? "urn:vaktaal:\(id):", defaultLanguage: language)
    }

    /// An id for a concept named `term`: lowercase, spaces as `-`, only what ids allow.
    static func conceptID(_ term: String, taken: inout Set<String>) -> String {
        let stem = ConceptIdentifiers.stem(term.lowercased().split(separator: " ").joined(separator: "-"))
        var candidate = stem
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(stem)-\(number)"
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// The most common of `languages`, else the caller's.
    static func mostCommon(_ languages: [String], _ fallback: String?) -> String? {
        var counts: [String: Int] = [:]
        for language in languages where !language.isEmpty { counts[LanguageTag.canonicalCase(language), default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? fallback
    }
}
