import Foundation
import VaktaalTestSupport

@testable import VaktaalCore

/// A vocabulary file around `body` (concepts), in the format's namespace.
func vocabularyXML(_ body: String, id: String = "test", uri: String = "https://example.org/test/", language: String = "nl")
    -> String
{
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="\(id)" uri="\(uri)" xml:lang="\(language)">
    \(body)
    </vocabulary>

    """
}

/// Loads in-memory files as one folder.
func load(_ files: [(String, String)]) -> LoadedVocabulary {
    VocabularyLoader.load(sources: files.map { (path: $0.0, bytes: Array($0.1.utf8)) })
}

/// Loads one in-memory file named `test.xml`.
func load(_ xml: String) -> LoadedVocabulary { load([("test.xml", xml)]) }

/// Every diagnostic of reading and checking, as `rule@line:column`.
func findings(_ loaded: LoadedVocabulary) -> [Finding] { VocabularyChecker.check(loaded) }

/// A fresh temporary folder.
func temporaryFolder() throws -> String {
    try scratchFolder("core")
}
