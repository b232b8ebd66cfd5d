import Foundation
import TOMLKit

/// Why a `.vaktaal.toml` could not be used. Every case names the file (and the key or the
/// place), so a typo is found at once.
public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not valid TOML.
    case malformed(path: String, line: Int, column: Int, message: String)
    /// A key vaktaal does not know.
    case unknownKey(path: String, key: String, known: [String])
    /// A key with a value of the wrong type.
    case invalidValue(path: String, key: String, expected: String)

    public var description: String {
        switch self {
        case .malformed(let path, let line, let column, let message):
            return "\(path):\(line):\(column): error: \(message)"
        case .unknownKey(let path, let key, let known):
            return "\(path): error: unknown key '\(key)' (known keys: \(known.joined(separator: ", ")))"
        case .invalidValue(let path, let key, let expected):
            return "\(path): error: '\(key)' must be \(expected)"
        }
    }
}

/// The settings of a `.vaktaal.toml`, found upward from a file or folder.
public struct ProjectConfiguration: Sendable, Equatable {
    /// The file the settings come from.
    public var path: String
    /// The vocabulary file or folder, resolved against the configuration's folder.
    public var vocabulary: String?
    /// The language of the documents (`nl`, `en`, or `all`).
    public var language: String?

    static let knownKeys = ["language", "vocabulary"]

    /// The name of the configuration file.
    public static let fileName = ".vaktaal.toml"

    /// Reads a configuration file.
    /// - Throws: ``ConfigurationError`` for malformed TOML, unknown keys and wrong types.
    public static func load(path: String) throws(ConfigurationError) -> ProjectConfiguration {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .malformed(
                path: path, line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw .malformed(path: path, line: 1, column: 1, message: "\(error)")
        }
        var configuration = ProjectConfiguration(path: path)
        let folder = (path as NSString).deletingLastPathComponent
        for key in table.keys.sorted() {
            guard knownKeys.contains(key) else { throw .unknownKey(path: path, key: key, known: knownKeys) }
        }
        if let value = table["vocabulary"] {
            guard let vocabulary = value.string else { throw .invalidValue(path: path, key: "vocabulary", expected: "a path (a string)") }
            configuration.vocabulary =
                vocabulary.hasPrefix("/") ? vocabulary : (folder.isEmpty ? vocabulary : folder + "/" + vocabulary)
        }
        if let value = table["language"] {
            guard let language = value.string else { throw .invalidValue(path: path, key: "language", expected: "a language tag (a string)") }
            configuration.language = language
        }
        return configuration
    }

    /// The nearest `.vaktaal.toml` in `folder` or a folder above it.
    public static func find(from folder: String) -> String? {
        var current = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }
}
