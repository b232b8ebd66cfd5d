import Foundation
import VaktaalTestSupport

/// The result of running the built `vaktaal` binary.
struct CommandResult {
    let status: Int32
    let standardOutput: String
    let standardError: String
}

/// Runs the built `vaktaal` binary end to end, as users and scripts do.
enum Vaktaal {
    static let executable: URL = {
        let beside = Bundle.main.bundleURL.appendingPathComponent("vaktaal")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("vaktaal")
    }()

    /// Runs `vaktaal arguments…` in `folder` with `input` (or `inputBytes`) on standard input.
    static func run(
        _ arguments: [String], in folder: String? = nil, input: String? = nil, inputBytes: [UInt8]? = nil,
        environment: [String: String] = [:]
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder ?? repositoryRoot)
        var variables = ProcessInfo.processInfo.environment
        variables["VAKTAAL_VOCABULARY"] = nil
        // Compiled indexes go in the test run's scratch folder, not the user's cache.
        variables["XDG_CACHE_HOME"] = scratchRoot + "/cache"
        variables.merge(environment) { $1 }
        process.environment = variables
        let output = Pipe()
        let error = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = inputPipe
        try process.run()
        if let bytes = inputBytes ?? input.map({ Array($0.utf8) }) { inputPipe.fileHandleForWriting.write(Data(bytes)) }
        try inputPipe.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A fresh temporary folder holding `files` (name → content).
    static func folder(with files: [String: String]) throws -> String {
        let path = try scratchFolder("cli")
        for (name, content) in files {
            let file = path + "/" + name
            try FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try content.write(toFile: file, atomically: true, encoding: .utf8)
        }
        return path
    }
}

/// A small valid vocabulary file.
func vocabularyFile(_ concepts: String = #"<concept id="a"><prefLabel>a</prefLabel><definition>d</definition></concept>"#)
    -> String
{
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="t" uri="https://example.org/t/" xml:lang="nl">
    \(concepts)
    </vocabulary>

    """
}
