import Foundation
import PackagePlugin

/// Compiles the project's own `Vocabulary/*.xml` into the target as Swift source, so the
/// installed `vaktaal` answers lookups from any folder. The XML stays the one source of
/// truth: the generated file is rebuilt whenever a vocabulary file changes.
@main
struct EmbedVocabularyPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Vocabulary")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path())
            .filter { $0.hasSuffix(".xml") && !$0.hasPrefix(".") }
            .sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedVocabularyFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) vocabulary file(s)",
                executable: try context.tool(named: "vaktaal-embed").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
