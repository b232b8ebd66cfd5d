import Foundation

/// The root of the repository, found upward from this file.
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}()

/// The fixtures tests share: `Tests/Fixtures`.
public let fixturesFolder = repositoryRoot + "/Tests/Fixtures"

/// The vocabulary the library tests run against: the 42 concepts of the presentation that
/// started vaktaal, kept apart from the shipped `Vocabulary/` so that the tests do not
/// change whenever the shipped vocabulary grows.
public let fixtureVocabularyFolder = fixturesFolder + "/Vocabulary"
