import Foundation
import TOMLKit
import VaktaalText

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

/// Settings that apply to the files matching a glob (`[[overrides]]`).
public struct ConfigurationOverride: Sendable, Equatable {
    /// Glob patterns (`*`, `**`, `?`), relative to the configuration's folder.
    public var files: [String]
    /// The documents' language for these files.
    public var language: String?
    /// Rule severities for these files (`error`, `warning`, `info` or `off`).
    public var rules: [String: String]
}

/// The settings of a `.vaktaal.toml`, found upward from a file or folder.
///
/// ```toml
/// vocabulary = "Vocabulary"          # a folder or file, relative to this file
/// language = "nl"                    # or "en", or "all"
/// allow = ["mentor van de klas"]     # phrases that are always fine
/// ignore = ["archive/**", "*.min.html"]
/// front-matter = ["title", "description"]   # Markdown front matter values that are prose
///
/// [rules]
/// inconsistent-term = "info"         # error, warning, info or off
///
/// [[overrides]]
/// files = ["en/**"]
/// language = "en"
/// rules = { abbreviation-first-use = "off" }
/// ```
public struct ProjectConfiguration: Sendable, Equatable {
    /// The file the settings come from.
    public var path: String
    /// The vocabulary file or folder, resolved against the configuration's folder.
    public var vocabulary: String?
    /// The language of the documents (`nl`, `en`, or `all`).
    public var language: String?
    /// Phrases that are always fine.
    public var allow: [String] = []
    /// Glob patterns of paths not to lint, relative to the configuration's folder.
    public var ignore: [String] = []
    /// Rule severities (`error`, `warning`, `info` or `off`).
    public var rules: [String: String] = [:]
    /// Settings for some files.
    public var overrides: [ConfigurationOverride] = []
    /// The keys of Markdown front matter whose values are linted (`title`, `description`);
    /// the rest of the front matter is skipped, as by default all of it is.
    public var frontMatter: [String] = []

    /// The folder the configuration file is in.
    public var folder: String { FilePaths.folder(of: path) }

    static let knownKeys = ["allow", "front-matter", "ignore", "language", "overrides", "rules", "vocabulary"]
    static let severities = ["error", "warning", "info", "off"]

    /// The name of the configuration file.
    public static let fileName = ".vaktaal.toml"

    /// Reads a configuration file.
    /// - Throws: ``ConfigurationError`` for malformed TOML, unknown keys and wrong types.
    public static func load(path: String) throws(ConfigurationError) -> ProjectConfiguration {
        // A configuration that cannot be read (a folder, bytes that are not UTF-8) is no
        // empty one: it would hide a parent's and change nothing without a word.
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .malformed(path: path, line: 1, column: 1, message: "the file cannot be read (a folder, or no permission)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .malformed(path: path, line: 1, column: 1, message: "invalid UTF-8: save the file as UTF-8")
        }
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
        let folder = FilePaths.folder(of: path)
        for key in table.keys.sorted() {
            guard knownKeys.contains(key) else { throw .unknownKey(path: path, key: key, known: knownKeys) }
        }
        if let value = table["vocabulary"] {
            guard let vocabulary = value.string else {
                throw .invalidValue(path: path, key: "vocabulary", expected: "a path (a string)")
            }
            configuration.vocabulary =
                vocabulary.hasPrefix("/") ? vocabulary : (folder.isEmpty ? vocabulary : folder + "/" + vocabulary)
        }
        if let value = table["language"] {
            guard let language = value.string else {
                throw .invalidValue(path: path, key: "language", expected: "a language tag (a string)")
            }
            configuration.language = language
        }
        configuration.allow = try strings(table["allow"], key: "allow", path: path)
        configuration.ignore = try strings(table["ignore"], key: "ignore", path: path)
        configuration.frontMatter = try strings(table["front-matter"], key: "front-matter", path: path)
        configuration.rules = try rules(table["rules"], key: "rules", path: path)
        if let value = table["overrides"] {
            guard let array = value.array else {
                throw .invalidValue(path: path, key: "overrides", expected: "an array of tables ([[overrides]])")
            }
            for (index, item) in array.enumerated() {
                let key = "overrides[\(index)]"
                guard let override = item.table else { throw .invalidValue(path: path, key: key, expected: "a table") }
                for name in override.keys.sorted() where !["files", "language", "rules"].contains(name) {
                    throw .unknownKey(path: path, key: "\(key).\(name)", known: ["files", "language", "rules"])
                }
                let files = try strings(override["files"], key: "\(key).files", path: path)
                guard !files.isEmpty else {
                    throw .invalidValue(path: path, key: "\(key).files", expected: "a non-empty array of globs")
                }
                var language: String?
                if let value = override["language"] {
                    guard let text = value.string else {
                        throw .invalidValue(path: path, key: "\(key).language", expected: "a string")
                    }
                    language = text
                }
                configuration.overrides.append(
                    ConfigurationOverride(
                        files: files, language: language, rules: try rules(override["rules"], key: "\(key).rules", path: path)))
            }
        }
        return configuration
    }

    private static func strings(_ value: (any TOMLValueConvertible)?, key: String, path: String) throws(ConfigurationError)
        -> [String]
    {
        guard let value else { return [] }
        guard let array = value.array else { throw .invalidValue(path: path, key: key, expected: "an array of strings") }
        var result: [String] = []
        for item in array {
            guard let text = item.string else { throw .invalidValue(path: path, key: key, expected: "an array of strings") }
            result.append(text)
        }
        return result
    }

    private static func rules(_ value: (any TOMLValueConvertible)?, key: String, path: String) throws(ConfigurationError)
        -> [String: String]
    {
        guard let value else { return [:] }
        guard let table = value.table else { throw .invalidValue(path: path, key: key, expected: "a table of rule = severity") }
        var result: [String: String] = [:]
        for name in table.keys.sorted() {
            guard let severity = table[name]?.string, severities.contains(severity) else {
                throw .invalidValue(path: path, key: "\(key).\(name)", expected: "one of error, warning, info, off")
            }
            result[name] = severity
        }
        return result
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

extension ConfigurationError: LocalizedError {
    /// The same text as `description`, for callers that show `localizedDescription`.
    public var errorDescription: String? { description }
}
