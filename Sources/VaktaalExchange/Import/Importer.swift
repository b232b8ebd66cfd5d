import VaktaalCore

/// Reads partner glossaries and published thesauri into vocabularies.
public enum Importer {
    /// Imports a file; the format is detected from the extension and content when `nil`.
    ///
    /// - Throws: ``ImportError`` for an unreadable or malformed file, an unknown format, a
    ///   file with no concepts, or a `--scheme` the file does not have.
    public static func importFile(
        _ path: String, format: ImportFormat? = nil, options: ImportOptions = ImportOptions()
    ) throws(ImportError) -> ImportResult {
        try prepareFile(path, format: format, options: options).collect()
    }

    /// Reads a file and decides its schemes, concepts and ids, leaving the concepts to be
    /// made one at a time as they are written (``ImportRun/write(_:to:force:)``).
    ///
    /// - Throws: ``ImportError``, as ``importFile(_:format:options:)``.
    public static func prepareFile(
        _ path: String, format: ImportFormat? = nil, options: ImportOptions = ImportOptions()
    ) throws(ImportError) -> PreparedImport {
        guard var bytes = FileBytes.read(path) else { throw .unreadable(path: path) }
        guard let format = format ?? ImportFormat.detect(path: path, bytes: bytes) else { throw .unknownFormat(path: path) }
        if let syntax = format.rdfSyntax {
            // The file's bytes are let go once its statements are read, before the model is built.
            let table = try SKOSImporter.read(&bytes, syntax: syntax, path: path, options: options)
            return try SKOSImporter(table: table, options: options, path: path, format: format).prepare()
        }
        return PreparedImport(try importBytes(bytes, path: path, format: format, options: options))
    }

    /// Imports a document held in memory; `path` names it in errors and ids.
    ///
    /// - Throws: ``ImportError``.
    public static func importBytes(
        _ bytes: [UInt8], path: String, format: ImportFormat, options: ImportOptions = ImportOptions()
    ) throws(ImportError) -> ImportResult {
        if let syntax = format.rdfSyntax {
            return try SKOSImporter.run(bytes, syntax: syntax, format: format, path: path, options: options)
        }
        switch format {
        case .tbx: return try TBXImporter.run(bytes, path: path, options: options)
        case .csv: return try CSVImporter.run(bytes, path: path, options: options)
        default: throw .unknownFormat(path: path)
        }
    }
}
