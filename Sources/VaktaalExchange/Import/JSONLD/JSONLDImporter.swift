import VaktaalCore

enum JSONLDImporter {
    static func run(_ bytes: [UInt8], path: String, options: ImportOptions) throws(ImportError) -> ImportResult {
        throw .unknownFormat(path: path)
    }
}
