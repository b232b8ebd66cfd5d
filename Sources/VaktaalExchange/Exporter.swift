import Synchronization
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

/// A vocabulary set prepared for export. What several formats derive from the set (the
/// glossary of the HTML and Markdown pages, the substitutions of the Vale and textlint
/// rules) is made once, on first use, however many formats are written, in parallel or not.
public final class ExportInput: Sendable {
    /// The vocabulary exported.
    public let set: VocabularySet
    /// The name single files get (e.g. `lerarenopleiding`).
    public let baseName: String
    private let glossaryMade = Mutex<Glossary?>(nil)
    private let substitutionsMade = Mutex<Substitutions?>(nil)

    /// Prepares `set`; `baseName` defaults to ``Exporters/baseName(for:)``.
    public init(_ set: VocabularySet, baseName: String? = nil) {
        self.set = set
        self.baseName = baseName ?? Exporters.baseName(for: set)
    }

    var glossary: Glossary {
        glossaryMade.withLock { made in
            if let made { return made }
            let glossary = Glossary(set)
            made = glossary
            return glossary
        }
    }

    var substitutions: Substitutions {
        substitutionsMade.withLock { made in
            if let made { return made }
            let substitutions = Substitutions(set)
            made = substitutions
            return substitutions
        }
    }
}

/// Writes a vocabulary set in one exchange format. Output is deterministic: the same set
/// gives the same bytes.
public protocol Exporter: Sendable {
    /// The format written.
    var format: ExportFormat { get }
    /// The files of the export; the input's `baseName` names single files.
    func export(_ input: ExportInput) -> [ExportFile]
}

extension Exporter {
    /// The files of the export; `baseName` names single files (e.g. `lerarenopleiding`).
    public func export(_ set: VocabularySet, baseName: String) -> [ExportFile] {
        export(ExportInput(set, baseName: baseName))
    }
}

/// Every exporter, one per format.
public enum Exporters {
    /// All exporters in the order of ``ExportFormat``; a test keeps it complete.
    public static let all: [any Exporter] = [
        SKOSExporter(), TurtleExporter(), JSONLDExporter(), TBXExporter(), CSVExporter(), HTMLExporter(),
        MarkdownExporter(), ValeExporter(), TextlintExporter(),
    ]

    /// The order in which `export --all` starts the formats on parallel workers: the
    /// slowest first, and the formats that share a glossary or substitutions far apart.
    public static let parallelSchedule: [ExportFormat] = [
        .html, .vale, .skos, .jsonld, .turtle, .tbx, .markdown, .textlint, .csv,
    ]

    /// The exporter of a format.
    public static func exporter(for format: ExportFormat) -> any Exporter {
        all.first { $0.format == format }!
    }

    /// The name single-file exports get: the scheme id for one scheme, else `vocabulary`.
    public static func baseName(for set: VocabularySet) -> String {
        set.vocabularies.count == 1 ? set.vocabularies[0].id : "vocabulary"
    }
}
