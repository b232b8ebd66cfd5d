import ArgumentParser
import Foundation
import VaktaalCore
import VaktaalExchange

extension ImportFormat: ExpressibleByArgument {}

/// `vaktaal import`: turns a partner's glossary or a published thesaurus into vocabulary files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert SKOS (RDF/XML, Turtle, TriG, N-Triples, JSON-LD), TBX or CSV into the vocabulary format.",
        discussion: """
            The format is detected from the extension and the content unless --from says it. Each \
            concept scheme becomes one vocabulary file: -o FILE for one scheme; with several, \
            FILE-<scheme>.xml beside it (or <scheme>.xml inside -o FOLDER/). Files are written \
            atomically in the canonical layout and never replaced without --force. Prints what was \
            imported (labels per kind and language) and what was skipped and why.
            CSV: the columns of `vaktaal export --format csv`, or a minimal sheet with the columns \
            preferred, outdated, language (one row per term; more outdated terms separated by ';').
            Exit codes: 0 imported; 2 unreadable or malformed input, or a file that exists.

            Examples:
              vaktaal import partner.rdf -o Vocabulary/partner.xml
              vaktaal import thesaurus.ttl --scheme http://example.org/thesaurus -o Vocabulary/thesaurus.xml
              vaktaal import glossary.csv --lang nl -o Vocabulary/glossary.xml --force
            """
    )

    @Argument(help: "The file to import.")
    var file: String

    @Option(help: "The format: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: detected).")
    var from: ImportFormat?

    @Option(help: "Import only the concept scheme with this URI.")
    var scheme: String?

    @Option(help: "The language of text that has none, when the file does not say (e.g. nl).")
    var lang: String?

    @Option(name: [.short, .customLong("output")], help: "The vocabulary file to write (e.g. Vocabulary/NAME.xml).")
    var output: String

    @Flag(help: "Replace files that exist.")
    var force = false

    func validate() throws {
        if output == "-" {
            throw ValidationError("import writes vocabulary files: give -o Vocabulary/NAME.xml, not standard output")
        }
        if let lang, !LanguageTag.isValid(lang) {
            throw ValidationError("--lang takes a language tag such as nl or en-GB, not '\(lang)'")
        }
    }

    func run() throws {
        let name = ((output as NSString).lastPathComponent as NSString).deletingPathExtension
        let options = ImportOptions(scheme: scheme, defaultLanguage: lang, name: name.isEmpty ? nil : name)
        let prepared = try Importer.prepareFile(file, format: from, options: options)
        KeptUntilExit.keep(UncheckedBox(prepared))
        ImportRun.avoidTakenIDs(prepared, output: output)
        let written = try ImportRun.write(prepared, to: output, force: force)
        print(ImportSummary.text(prepared.report(), files: written, source: file), terminator: "")
    }
}

/// What `vaktaal import` prints: per file the concepts and labels by kind and language, then
/// what was skipped and what was guessed.
enum ImportSummary {
    static func text(_ report: ImportReport, files: [ImportRun.WrittenFile], source: String) -> String {
        var lines: [String] = []
        lines.append("imported \(source) (\(report.format.rawValue), \(report.sourceItems) \(unit(report.format)))")
        for file in files {
            let vocabulary = file.vocabulary
            lines.append(
                "\(file.path): scheme '\(vocabulary.id)' <\(vocabulary.conceptSchemeURI)>, "
                    + "\(file.conceptCount) \(file.conceptCount == 1 ? "concept" : "concepts")")
            for (kind, language, count) in file.labelCounts {
                lines.append("  \(kind.rawValue) \(language.isEmpty ? "(no language)" : language): \(count)")
            }
        }
        if report.skipped.isEmpty {
            lines.append("skipped: nothing")
        } else {
            lines.append("skipped (the vocabulary format cannot hold these):")
            for entry in report.skipped {
                lines.append("  \(entry.count) × \(entry.what): \(entry.reason)")
                lines.append("      e.g. \(entry.example)")
            }
        }
        if !report.warnings.isEmpty {
            lines.append("warnings:")
            for warning in report.warnings {
                lines.append("  \(warning.count) × \(warning.message)")
                lines.append("      e.g. \(warning.example)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func unit(_ format: ImportFormat) -> String {
        switch format {
        case .tbx: "entries"
        case .csv: "rows"
        default: "statements"
        }
    }
}
