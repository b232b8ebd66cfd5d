import VaktaalCore

/// The formats `vaktaal export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case skos
    case turtle
    case jsonld
    case tbx
    case csv
    case html
    case markdown
    case vale
    case textlint

    /// How many files the format writes (more than one needs an output folder).
    public var fileCount: Int { self == .vale ? 7 : 1 }
}

/// One file an exporter produces, at a path relative to the output folder.
public struct ExportFile: Sendable, Equatable {
    /// Where the file goes, relative to the output folder (`/`-separated).
    public let path: String
    /// The file's bytes.
    public let contents: [UInt8]

    /// Creates a file from bytes.
    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    /// Creates a file from UTF-8 text.
    public init(path: String, text: String) {
        self.path = path
        contents = Array(text.utf8)
    }
}

/// Writes a vocabulary set in one exchange format. Output is deterministic: the same set
/// gives the same bytes.
public protocol Exporter: Sendable {
    /// The format written.
    var format: ExportFormat { get }
    /// Writes the files of the export to `sink`, in pieces as they are made; the input's
    /// `baseName` names single files.
    func export(_ input: ExportInput, to sink: any ExportSink)
}

extension Exporter {
    /// The files of the export, in memory.
    public func export(_ input: ExportInput) -> [ExportFile] {
        let sink = MemorySink()
        export(input, to: sink)
        return sink.files
    }

    /// The files of the export, in memory; `baseName` names single files (e.g. `lerarenopleiding`).
    public func export(_ set: VocabularySet, baseName: String) -> [ExportFile] {
        export(ExportInput(set, baseName: baseName))
    }
}

/// Every exporter, one per format.
public enum Exporters {
    /// All exporters in the order of ``ExportFormat``.
    public static let all: [any Exporter] = ExportFormat.allCases.map(exporter(for:))

    /// The order in which `export --all` starts the formats on parallel workers: longest
    /// first (measured on 100,000 concepts), so that the workers finish together, and the
    /// formats that share a glossary or substitutions apart, so that the second one finds
    /// them made.
    public static let parallelSchedule: [ExportFormat] = [
        .html, .vale, .jsonld, .markdown, .skos, .tbx, .turtle, .csv, .textlint,
    ]

    /// The exporter of a format.
    public static func exporter(for format: ExportFormat) -> any Exporter {
        switch format {
        case .skos: SKOSExporter()
        case .turtle: TurtleExporter()
        case .jsonld: JSONLDExporter()
        case .tbx: TBXExporter()
        case .csv: CSVExporter()
        case .html: HTMLExporter()
        case .markdown: MarkdownExporter()
        case .vale: ValeExporter()
        case .textlint: TextlintExporter()
        }
    }

    /// The name single-file exports get: the scheme id for one scheme, else `vocabulary`.
    public static func baseName(for set: VocabularySet) -> String {
        set.vocabularies.count == 1 ? set.vocabularies[0].id : "vocabulary"
    }
}
