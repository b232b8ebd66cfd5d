import Foundation
import VaktaalCore
import VaktaalTestSupport

@testable import VaktaalSync

/// A vocabulary file around `body` (concepts), in the format's namespace.
func vocabularyXML(
    _ body: String, id: String = "test", uri: String = "https://example.org/test/", language: String = "nl",
    version: String? = nil
) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="\(id)" uri="\(uri)"\
    \(version.map { " version=\"\($0)\"" } ?? "") xml:lang="\(language)">
    \(body)
    </vocabulary>

    """
}

/// Loads in-memory files as one folder; the reader must find no error.
func load(_ files: [(String, String)]) throws -> VocabularySet {
    let loaded = VocabularyLoader.load(sources: files.map { (path: $0.0, bytes: Array($0.1.utf8)) })
    let errors = loaded.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else { throw TestInputError(findings: errors) }
    return loaded.set
}

/// Loads one in-memory file of concepts.
func load(_ body: String) throws -> VocabularySet { try load([("test.xml", vocabularyXML(body))]) }

/// A test's own input did not read.
struct TestInputError: Error, CustomStringConvertible {
    let findings: [Finding]
    var description: String { findings.map(\.description).joined(separator: "\n") }
}

/// The vocabulary shared by the library tests.
let fixture: VocabularySet = {
    (try? VocabularyLoader.load(path: fixtureVocabularyFolder).set) ?? VocabularySet([])
}()

/// The merged vocabularies as one set.
func resultSet(_ result: MergeResult) -> VocabularySet { VocabularySet(result.vocabularies) }

/// A fresh temporary folder.
func temporaryFolder() throws -> String {
    try scratchFolder("sync")
}
