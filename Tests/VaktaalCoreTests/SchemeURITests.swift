import Testing

@testable import VaktaalCore

/// `scheme="…"`: a file whose concept scheme has a URI of its own, apart from the namespace
/// its concepts hang from, so that schemes sharing a namespace can each have a file.
@Suite struct SchemeURITests {
    static func file(_ id: String, scheme: String?, concept: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="\(id)" uri="https://example.org/thes/"\
        \(scheme.map { " scheme=\"\($0)\"" } ?? "") xml:lang="nl">

          <concept id="\(concept)">
            <prefLabel>\(concept)</prefLabel>
            <definition>d</definition>
          </concept>
        </vocabulary>

        """
    }

    @Test func theAttributeIsReadWrittenAndCompared() throws {
        let text = Self.file("a", scheme: "https://example.org/schemes/a", concept: "x")
        let loaded = load(text)
        #expect(loaded.diagnostics.isEmpty)
        let vocabulary = try #require(loaded.set.vocabularies.first)
        #expect(vocabulary.schemeURI == "https://example.org/schemes/a")
        #expect(vocabulary.conceptSchemeURI == "https://example.org/schemes/a")
        #expect(VocabularyWriter.xml(for: vocabulary) == text)
        var other = vocabulary
        other.schemeURI = nil
        #expect(!vocabulary.isSemanticallyEqual(to: other))
    }

    @Test func filesMayShareANamespaceWhenTheirSchemesDifferAndTheirConceptsDo() {
        let shared = load([
            ("a.xml", Self.file("a", scheme: "https://example.org/schemes/a", concept: "x")),
            ("b.xml", Self.file("b", scheme: "https://example.org/schemes/b", concept: "y")),
        ])
        #expect(!findings(shared).contains { $0.rule == "duplicate-id" })
        let clash = load([
            ("a.xml", Self.file("a", scheme: "https://example.org/schemes/a", concept: "x")),
            ("b.xml", Self.file("b", scheme: "https://example.org/schemes/b", concept: "x")),
        ])
        #expect(
            findings(clash).filter { $0.rule == "duplicate-id" }.map(\.message) == [
                "concept URI 'https://example.org/thes/x' is also a concept of a.xml"
            ])
        let sameScheme = load([
            ("a.xml", Self.file("a", scheme: nil, concept: "x")), ("b.xml", Self.file("b", scheme: nil, concept: "y")),
        ])
        #expect(findings(sameScheme).contains { $0.rule == "duplicate-id" && $0.message.contains("scheme uri") })
    }

    @Test func aSchemeThatIsNotAnAbsoluteURIIsAReaderError() {
        let loaded = load(Self.file("a", scheme: "schemes/a", concept: "x"))
        #expect(loaded.diagnostics.map(\.rule) == [ReaderRule.invalidValue.id])
    }
}

@Suite struct StreamedWritingTests {
    @Test func piecesMakeTheSameBytesAsTheWhole() throws {
        let vocabulary = try #require(
            load(vocabularyXML((0..<50).map { "<concept id=\"c\($0)\"><prefLabel>c\($0)</prefLabel></concept>" }.joined())).set
                .vocabularies.first)
        var pieces: [[UInt8]] = []
        VocabularyWriter.write(vocabulary, pieceSize: 256) { pieces.append($0) }
        #expect(pieces.count > 5)
        #expect(Array(pieces.joined()) == VocabularyWriter.bytes(for: vocabulary))
    }
}
