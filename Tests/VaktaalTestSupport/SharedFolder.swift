import Foundation

/// `../shared` beside the repository: the W3C test suites and published vocabularies that
/// nobody on this project wrote. Tests that read it are skipped when it is absent, so that
/// `swift test` passes in a clone anywhere.
public let sharedFolder: String = URL(fileURLWithPath: repositoryRoot + "/../shared").standardizedFileURL.path

/// Whether `../shared/<relativePath>` exists (for `.enabled(if:)`).
public func sharedFileExists(_ relativePath: String) -> Bool {
    FileManager.default.fileExists(atPath: sharedFolder + "/" + relativePath)
}
