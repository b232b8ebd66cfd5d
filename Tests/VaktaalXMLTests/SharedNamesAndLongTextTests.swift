import Testing
import VaktaalText

@testable import VaktaalXML

/// Keeps the namespace URIs and the texts it is handed.
private final class NameKeeper: XMLContentHandler {
    let sharedNames: [String]
    var namespaces: [String] = []
    var texts: [String] = []

    init(sharedNames: [String]) { self.sharedNames = sharedNames }

    func startElement(_ tag: XMLStartTag) {
        namespaces += [tag.name.namespaceURI].compactMap { $0 } + tag.attributes.compactMap(\.name.namespaceURI)
    }
    func endElement(_ name: XMLName, at position: SourcePosition) {}
    func text(_ text: String, at position: SourcePosition) { texts.append(text) }
    func comment(_ text: String, at position: SourcePosition) {}
}

@Suite("Names the handler compares with, and long texts")
struct SharedNamesAndLongTextTests {
    /// The address of a (large) string's bytes: two strings with the same one share their storage.
    private func storage(_ text: String) -> UnsafeRawPointer? {
        var copy = text
        return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test("the parser hands over the handler's own strings for its names and for the xml namespace")
    func sharedNamesAreTheHandlersOwn() throws {
        let own = "urn:example:a-namespace-long-enough-to-be-stored"
        let keeper = NameKeeper(sharedNames: [own])
        let xml = "<a xmlns='\(own)' xmlns:o='urn:example:other-namespace-not-shared'><o:b xml:lang='nl'/><b/></a>"
        try XMLStreamParser.parse(Array(xml.utf8), path: "n.xml", handler: keeper)
        #expect(keeper.namespaces.filter { $0 == own }.count == 2)
        for namespace in keeper.namespaces where namespace == own {
            #expect(storage(namespace) == storage(own))
        }
        let xmlNamespace = try #require(keeper.namespaces.first { $0 == xmlNamespaceURI })
        #expect(storage(xmlNamespace) == storage(xmlNamespaceURI))
        let other = try #require(keeper.namespaces.first { $0.hasSuffix("not-shared") })
        #expect(storage(other) != storage(own))
    }

    @Test("a text longer than the parser's chunks, with characters of every length, arrives whole")
    func longTextArrivesWhole() throws {
        let piece = "aé€😀 &amp; <![CDATA[<x>]]>"
        let text = String(repeating: piece, count: 40_000)  // about 1.3 MB, several chunks of 256 KB
        let keeper = NameKeeper(sharedNames: [])
        try XMLStreamParser.parse(Array("<a>\(text)</a><!-- -->".utf8), path: "t.xml", handler: keeper)
        let expected = String(repeating: "aé€😀 & <x>", count: 40_000)
        #expect(keeper.texts == [expected])
    }
}
