import Foundation

/// Where a command's vocabulary is.
public enum VocabularyLocation: Equatable, Sendable {
    /// A folder of `*.xml` files, or one file.
    case path(String)
    /// None was named or found: the vocabulary built into the program.
    case builtIn
}

/// Finds the vocabulary in the documented order: the path the user named, else
/// `$VAKTAAL_VOCABULARY`, else `vocabulary` in the nearest `.vaktaal.toml` up from the
/// working folder (relative to that file), else `./Vocabulary`, else the built-in one.
public enum VocabularyLocator {
    /// The environment variable that names a vocabulary.
    public static let environmentVariable = "VAKTAAL_VOCABULARY"

    /// Where the vocabulary is.
    ///
    /// - Throws: ``ConfigurationError`` when the `.vaktaal.toml` that would name it is broken.
    public static func locate(
        named: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        workingFolder: String = FileManager.default.currentDirectoryPath
    ) throws(ConfigurationError) -> VocabularyLocation {
        if let named { return .path(named) }
        if let variable = environment[environmentVariable], !variable.isEmpty { return .path(variable) }
        if let configuration = ProjectConfiguration.find(from: workingFolder),
            let path = try ProjectConfiguration.load(path: configuration).vocabulary
        {
            return .path(path)
        }
        let local = (workingFolder as NSString).appendingPathComponent("Vocabulary")
        if FileManager.default.fileExists(atPath: local) {
            return .path(workingFolder == FileManager.default.currentDirectoryPath ? "Vocabulary" : local)
        }
        return .builtIn
    }
}
