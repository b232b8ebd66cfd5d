import ArgumentParser
import Foundation
import Synchronization
import VaktaalConfig
import VaktaalCore
import VaktaalLint

/// The lint settings of each file: the nearest `.vaktaal.toml` up from it, its overrides
/// for the file, and the command line, which wins. Linters are shared between files with
/// the same settings.
final class LintSettings: Sendable {
    let set: VocabularySet
    let language: String?
    /// Each configuration file read, or the error it gave (reported once).
    private let configurations = Mutex<[String: Result<ProjectConfiguration?, ConfigurationError>]>([:])
    private let linters = Mutex<[String: Linter]>([:])

    init(set: VocabularySet, language: String?) {
        self.set = set
        self.language = language
    }

    /// The configuration that applies in `folder`, each file read once.
    func configuration(forFolder folder: String) throws -> ProjectConfiguration? {
        // Keyed by the configuration file, so a broken one is reported once, however many
        // folders it covers.
        guard let path = ProjectConfiguration.find(from: folder) else { return nil }
        let result = configurations.withLock { cache -> (Result<ProjectConfiguration?, ConfigurationError>, isNew: Bool) in
            if let known = cache[path] { return (known, false) }
            let result = Result<ProjectConfiguration?, ConfigurationError> { () throws(ConfigurationError) in
                let loaded = try ProjectConfiguration.load(path: path)
                try validateRules(loaded)
                return loaded
            }
            cache[path] = result
            return (result, true)
        }
        switch result.0 {
        case .success(let configuration):
            return configuration
        case .failure(let error):
            if result.isNew { printError(error.description) }
            throw ExitCode(2)
        }
    }

    private func validateRules(_ configuration: ProjectConfiguration) throws(ConfigurationError) {
        let known = Linter.rules.map(\.id)
        let named = configuration.rules.keys.map { ("rules.\($0)", $0) }
            + configuration.overrides.enumerated().flatMap { index, override in
                override.rules.keys.map { ("overrides[\(index)].rules.\($0)", $0) }
            }
        for (key, rule) in named where !known.contains(rule) {
            throw .unknownKey(path: configuration.path, key: key, known: known)
        }
    }

    /// Whether the configuration's `ignore` globs leave `path` out.
    func isIgnored(_ path: String) -> Bool {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let configuration = try? configuration(forFolder: (absolute as NSString).deletingLastPathComponent) else {
            return false
        }
        let relative = relativePath(absolute, to: configuration.folder)
        return configuration.ignore.contains { Glob.matches($0, relative) }
    }

    /// The linter for a file.
    func linter(for path: String) throws -> Linter {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let configuration = try configuration(forFolder: (absolute as NSString).deletingLastPathComponent)
        let overrides = configuration.map { configuration in
            configuration.overrides.filter { override in
                override.files.contains { Glob.matches($0, relativePath(absolute, to: configuration.folder)) }
            }
        } ?? []
        var rules = configuration?.rules ?? [:]
        for override in overrides { rules.merge(override.rules) { $1 } }
        let languageChoice = language ?? overrides.last(where: { $0.language != nil })?.language ?? configuration?.language
        let options = LintOptions(
            languages: languages(languageChoice),
            severities: rules.mapValues { $0 == "off" ? nil : Severity(rawValue: $0) },
            allowed: configuration?.allow ?? [])
        let key = "\(options.languages)|\(rules.sorted { $0.key < $1.key })|\(options.allowed)"
        return linters.withLock { cache in
            if let linter = cache[key] { return linter }
            let linter = Linter(set: set, options: options)
            cache[key] = linter
            return linter
        }
    }

    private func languages(_ choice: String?) -> LintOptions.Languages {
        guard let choice else { return .automatic(default: set.vocabularies.first?.defaultLanguage ?? "nl") }
        if choice == "all" { return .all }
        return .fixed(Set(choice.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }))
    }

    private func relativePath(_ path: String, to folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
