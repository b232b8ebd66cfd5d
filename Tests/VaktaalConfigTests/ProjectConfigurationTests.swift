import Foundation
import Testing
import VaktaalTestSupport

@testable import VaktaalConfig

@Suite struct ProjectConfigurationTests {
    func write(_ text: String) throws -> String {
        let folder = try scratchFolder("config")
        try FileManager.default.createDirectory(atPath: folder + "/a/b", withIntermediateDirectories: true)
        try text.write(toFile: folder + "/.vaktaal.toml", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func readsKeysAndResolvesTheVocabularyAgainstItsFolder() throws {
        let folder = try write("vocabulary = \"terms\"\nlanguage = \"nl\"\n")
        let path = try #require(ProjectConfiguration.find(from: folder + "/a/b"))
        #expect(path.hasSuffix("/.vaktaal.toml"))
        let configuration = try ProjectConfiguration.load(path: path)
        #expect(configuration.vocabulary?.hasSuffix("/terms") == true)
        #expect(configuration.language == "nl")
    }

    @Test func frontMatterKeysAreReadAndNoneByDefault() throws {
        let folder = try write("front-matter = [\"title\", \"description\"]\n")
        #expect(try ProjectConfiguration.load(path: folder + "/.vaktaal.toml").frontMatter == ["title", "description"])
        let plain = try write("language = \"nl\"\n")
        #expect(try ProjectConfiguration.load(path: plain + "/.vaktaal.toml").frontMatter.isEmpty)
    }

    /// A configuration that cannot be read is an error, not an empty configuration that
    /// would hide its parent's.
    @Test func anUnreadableConfigurationIsAnError() throws {
        let folder = try write("")
        // vocabulary = "é" in Latin-1: a path that would be fine, but the file is no UTF-8.
        try Data(Array("vocabulary = \"".utf8) + [0xE9, 0x22, 0x0A]).write(to: URL(fileURLWithPath: folder + "/.vaktaal.toml"))
        #expect {
            try ProjectConfiguration.load(path: folder + "/.vaktaal.toml")
        } throws: { error in
            "\(error)".contains("UTF-8")
        }
        try FileManager.default.createDirectory(atPath: folder + "/a/.vaktaal.toml", withIntermediateDirectories: true)
        #expect(throws: ConfigurationError.self) { try ProjectConfiguration.load(path: folder + "/a/.vaktaal.toml") }
    }

    @Test(arguments: [
        ("front-matter = \"title\"\n", "'front-matter' must be an array of strings"),
        ("vocabulary = 3\n", "'vocabulary' must be a path"),
        ("langauge = \"nl\"\n", "unknown key 'langauge'"),
        ("vocabulary = \"a\nlanguage", ":1:"),
    ])
    func reportsProblemsWithTheFileName(text: String, expected: String) throws {
        let folder = try write(text)
        #expect {
            try ProjectConfiguration.load(path: folder + "/.vaktaal.toml")
        } throws: { error in
            let description = (error as? ConfigurationError)?.description ?? ""
            return description.contains(".vaktaal.toml") && description.contains(expected)
        }
    }
}
