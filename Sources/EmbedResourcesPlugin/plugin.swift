import Foundation
import PackagePlugin

/// Compiles the files of a target's `Resources/` folder (the OpenAPI document, page
/// templates, styles and scripts) into the target as Swift source (`embeddedResources`), so
/// that the installed binary serves them from anywhere, with no resource bundle to find.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Sources/\(target.name)/Resources")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path())) ?? [])
            .filter { !$0.hasPrefix(".") }
            .sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) resource file(s) of \(target.name)",
                executable: try context.tool(named: "vaktaal-embed").url,
                arguments: ["--variable", "embeddedResources", output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
