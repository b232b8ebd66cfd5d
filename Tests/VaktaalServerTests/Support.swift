import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import VaktaalTestSupport

@testable import VaktaalServer

/// A vocabulary folder of its own for each test: the fixture vocabulary copied into a
/// temporary folder, so that publishing and reloading change nothing shared.
func temporaryVocabularyFolder() throws -> String {
    let folder = try scratchFolder("server")
    try FileManager.default.copyItem(
        atPath: fixtureVocabularyFolder + "/lerarenopleiding.xml", toPath: folder + "/lerarenopleiding.xml")
    return folder
}

/// The token the tests publish with, and a token for another scheme.
let partnerToken = "s3cret-partner-token"
let otherToken = "token-of-another-scheme"
let testTokens = PublishTokens(hashes: [
    "lerarenopleiding": [PublishTokens.hash(of: partnerToken)], "elders": [PublishTokens.hash(of: otherToken)],
])

/// An application over a fresh folder store.
func makeApplication(
    folder: String? = nil, configuration: ServiceConfiguration = ServiceConfiguration(tokens: testTokens)
) throws -> (application: some ApplicationProtocol, store: FolderStore, folder: String) {
    let folder = try folder ?? temporaryVocabularyFolder()
    let store = try FolderStore(folder: folder)
    let application = Application(router: buildRouter(store: store, configuration: configuration))
    return (application, store, folder)
}

extension ByteBuffer {
    /// The readable bytes as text.
    var text: String { String(buffer: self) }
}

/// The fixture's file.
let fixtureBytes: [UInt8] = Array(FileManager.default.contents(atPath: fixtureVocabularyFolder + "/lerarenopleiding.xml")!)

/// The fixture with one more Dutch alternative label on the werkplekbegeleider.
func changedVocabulary(_ label: String = "praktijkopleider") -> String {
    String(decoding: fixtureBytes, as: UTF8.self).replacingOccurrences(
        of: "<altLabel abbreviation=\"true\">wpb</altLabel>",
        with: "<altLabel abbreviation=\"true\">wpb</altLabel>\n    <altLabel>\(label)</altLabel>")
}
