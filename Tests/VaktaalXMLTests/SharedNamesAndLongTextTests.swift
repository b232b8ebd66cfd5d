import Testing
import VaktaalText

@testable import VaktaalXML

/// Keeps the namespace URIs and the texts it is handed.
private final class NameKeeper: XMLContentHandler {
    let sharedNames: [String]
    var namespaces: [String] = []
    var localNames: [String] = []
    var texts: [String] = []

    init(sharedNames: [String]) { self.sharedNames = sharedNames }

    func startElement(_ tag: XMLStartTag) {
        localNames.append(tag.name.localName)
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
        let xml = "<a xmlns='\(own)' xmlns:o='urn:example:other-namespace'><o:b xml:lang='nl'/><b/></a>"
        try XMLStreamParser.parse(Array(xml.utf8), path: "n.xml", handler: keeper)
        #expect(keeper.namespaces.filter { $0 == own }.count == 2)
        for namespace in keeper.namespaces where namespace == own {
            #expect(storage(namespace) == storage(own))
        }
        let xmlNamespace = try #require(keeper.namespaces.first { $0 == xmlNamespaceURI })
        #expect(storage(xmlNamespace) == storage(xmlNamespaceURI))
    }

    @Test("a shared name is handed over only for the same bytes, not for a canonically equivalent name")
    func sharedNamesMatchByteForByte() throws {
        let precomposed = "caf\u{E9}-element-with-a-long-name"
        let decomposed = "cafe\u{301}-element-with-a-long-name"
        #expect(precomposed == decomposed)  // Swift's `==` holds them equal; XML does not
        let keeper = NameKeeper(sharedNames: [precomposed])
        try XMLStreamParser.parse(Array("<\(decomposed)/>".utf8), path: "n.xml", handler: keeper)
        let name = try #require(keeper.localNames.first)
        #expect(Array(name.utf8) == Array(decomposed.utf8))
    }

    @Test("a short run of text after a long one is only itself")
    func shortTextAfterLongText() throws {
        let long = String(repeating: "lange tekst ", count: 100)
        let keeper = NameKeeper(sharedNames: [])
        try XMLStreamParser.parse(Array("<a>\(long)<b/>x<c/>\(long)é<d/>y</a>".utf8), path: "t.xml", handler: keeper)
        #expect(keeper.texts == [long, "x", long + "é", "y"])
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
