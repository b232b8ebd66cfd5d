import Foundation
import Synchronization
import VaktaalConfig
import VaktaalCore
import VaktaalText

/// The lint settings of each file: the nearest `.vaktaal.toml` up from it, its overrides
/// for the file, and the caller's language choice, which wins. Each configuration file is
/// read once per run.
final class LintConfigurationResolver: Sendable {
    /// The vocabulary's language: a document's when neither it nor a configuration names one.
    let defaultLanguage: String?
    let language: String?
    /// Office documents: read image descriptions too.
    let includesAltText: Bool
    /// Each configuration file read, or the error it gave.
    private let configurations = Mutex<[String: Result<ProjectConfiguration?, ConfigurationError>]>([:])
    /// Per folder: the configuration file that applies there, if any (looked for once per
    /// folder, not once per file: looking walks up every folder above it).
    private let configurationFiles = Mutex<[String: String?]>([:])

    init(defaultLanguage: String?, language: String?, includesAltText: Bool = false) {
        self.defaultLanguage = defaultLanguage
        self.language = language
        self.includesAltText = includesAltText
    }

    /// The configuration that applies in `folder`, each file read once.
    ///
    /// - Throws: ``ConfigurationError`` when that file is broken.
    func configuration(forFolder folder: String) throws(ConfigurationError) -> ProjectConfiguration? {
        let found =
            configurationFiles.withLock { $0[folder] }
            ?? {
                let path = ProjectConfiguration.find(from: folder)
                configurationFiles.withLock { $0[folder] = path }
                return path
            }()
        guard let path = found else { return nil }
        let result = configurations.withLock { cache in
            if let known = cache[path] { return known }
            let result = Result<ProjectConfiguration?, ConfigurationError> { () throws(ConfigurationError) in
                let loaded = try ProjectConfiguration.load(path: path)
                try Self.validate(loaded)
                return loaded
            }
            cache[path] = result
            return result
        }
        return try result.get()
    }

    /// Checks once per configuration what only the linter knows: the rules it names, and its
    /// language choices (`language`, and those of `[[overrides]]`).
    private static func validate(_ configuration: ProjectConfiguration) throws(ConfigurationError) {
        let languages =
            [("language", configuration.language)]
            + configuration.overrides.enumerated().map { ("overrides[\($0.offset)].language", $0.element.language) }
        for case (let key, let language?) in languages where !LintOptions.Languages.isValidChoice(language) {
            throw .invalidValue(
                path: configuration.path, key: key,
                expected: "a language tag such as nl or en-GB, tags separated by commas, or all")
        }
        let known = Linter.rules.map(\.id.rawValue)
        let named =
            configuration.rules.map { ("rules.\($0.key)", $0.key) }
            + configuration.overrides.enumerated().flatMap { index, override in
                override.rules.keys.map { ("overrides[\(index)].rules.\($0)", $0) }
            }
        for (key, rule) in named where !known.contains(rule) {
            throw .unknownKey(path: configuration.path, key: key, known: known)
        }
    }

    /// Whether the configuration's `ignore` globs leave `path` out. A broken configuration
    /// ignores nothing here; linting the file reports it.
    func isIgnored(_ path: String) -> Bool {
        let absolute = StandardPaths.standardized(path)
        guard let configuration = try? configuration(forFolder: FilePaths.folder(of: absolute)) else {
            return false
        }
        let relative = relativePath(absolute, to: configuration.folder)
        return configuration.ignore.contains { Glob.matches($0, relative) }
    }

    /// The options a file is linted with.
    ///
    /// - Throws: ``ConfigurationError`` when the file's configuration is broken.
    func options(for path: String) throws(ConfigurationError) -> LintOptions {
        let absolute = StandardPaths.standardized(path)
        let configuration = try configuration(forFolder: FilePaths.folder(of: absolute))
        let overrides =
            configuration.map { configuration in
                configuration.overrides.filter { override in
                    override.files.contains { Glob.matches($0, relativePath(absolute, to: configuration.folder)) }
                }
            } ?? []
        var rules = configuration?.rules ?? [:]
        for override in overrides { rules.merge(override.rules) { $1 } }
        let configured = overrides.last(where: { $0.language != nil })?.language ?? configuration?.language
        let languageChoice = language ?? configured
        var settings: [RuleID: RuleSetting] = [:]
        for (rule, value) in rules { settings[RuleID(rawValue: rule)] = RuleSetting(value) }
        return LintOptions(
            languages: LintOptions.Languages(choice: languageChoice, default: defaultLanguage),
            rules: settings, allowed: configuration?.allow ?? [],
            reading: ReadingOptions(includesAltText: includesAltText, frontMatterKeys: configuration?.frontMatter ?? []))
    }

    private func relativePath(_ path: String, to folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
