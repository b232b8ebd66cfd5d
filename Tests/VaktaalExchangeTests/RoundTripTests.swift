import Testing
import VaktaalCore
import VaktaalTestSupport

@testable import VaktaalExchange

let fixture = try! VocabularyLoader.load(path: fixtureVocabularyFolder).set
let everyFeature = try! VocabularyLoader.load(path: fixturesFolder + "/EveryFeature").set

/// What differs between two sets, concept by concept, for test messages.
func differences(_ left: VocabularySet, _ right: VocabularySet) -> String {
    var lines: [String] = []
    let leftSchemes = Dictionary(left.vocabularies.map { ($0.id, SchemeContent($0)) }) { first, _ in first }
    let rightSchemes = Dictionary(right.vocabularies.map { ($0.id, SchemeContent($0)) }) { first, _ in first }
    for (id, scheme) in leftSchemes where rightSchemes[id] != scheme {
        lines.append("scheme \(id):\n  \(scheme)\n  \(rightSchemes[id].map { "\($0)" } ?? "missing")")
    }
    let leftConcepts = left.contentsByURI
    let rightConcepts = right.contentsByURI
    for (uri, content) in leftConcepts.sorted(by: { $0.key < $1.key }) where rightConcepts[uri] != content {
        lines.append("concept \(uri):\n  \(content)\n  \(rightConcepts[uri].map { "\($0)" } ?? "missing")")
    }
    for uri in rightConcepts.keys where leftConcepts[uri] == nil { lines.append("extra concept \(uri)") }
    return lines.joined(separator: "\n")
}

/// Export, then import: the same vocabulary comes back, and nothing is reported skipped.
@Suite struct RoundTripTests {
    static let formats: [(ExportFormat, ImportFormat)] = [(.skos, .skos), (.turtle, .turtle), (.jsonld, .jsonld), (.tbx, .tbx)]

    @Test(arguments: formats)
    func fixtureVocabularySurvives(_ export: ExportFormat, _ format: ImportFormat) throws {
        try expectRoundTrip(fixture, export, format)
    }

    @Test(arguments: formats)
    func everyFeatureSurvives(_ export: ExportFormat, _ format: ImportFormat) throws {
        try expectRoundTrip(everyFeature, export, format)
    }

    /// A note's own spaces at its ends, and its line breaks, are part of it in every format.
    @Test(arguments: formats)
    func spacesAtTheEndsOfNotesSurvive(_ export: ExportFormat, _ format: ImportFormat) throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="t" uri="https://example.org/t/" xml:lang="nl">
              <concept id="a" top="true"><prefLabel>a</prefLabel>
                <definition>met een spatie aan het eind </definition>
                <scopeNote> en aan het begin</scopeNote>
                <example>twee
            regels</example></concept>
            </vocabulary>
            """
        let set = VocabularyLoader.load(sources: [(path: "t.xml", bytes: Array(xml.utf8))]).set
        #expect(set[set.keys[0]].notes.map(\.text) == ["met een spatie aan het eind ", " en aan het begin", "twee\nregels"])
        try expectRoundTrip(set, export, format)
    }

    /// A namespace that is a URN (`urn:vaktaal:x:`, as CSV and TBX imports make them)
    /// comes back as it was.
    @Test(arguments: formats)
    func aURNNamespaceSurvives(_ export: ExportFormat, _ format: ImportFormat) throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="x" uri="urn:vaktaal:x:" xml:lang="nl">
              <concept id="a" top="true"><prefLabel>a</prefLabel></concept>
              <concept id="b"><prefLabel>b</prefLabel><broader ref="a"/></concept>
            </vocabulary>
            """
        try expectRoundTrip(VocabularyLoader.load(sources: [(path: "x.xml", bytes: Array(xml.utf8))]).set, export, format)
    }

    /// Concept ids that a TBX entry id writes alike (`a~b`, `a_b`) stay apart, and a relation
    /// to one of them comes back to it.
    @Test func idsThatTBXWritesAlikeStayApart() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="x" uri="https://example.org/x/" xml:lang="nl">
              <concept id="a~b" top="true"><prefLabel>tilde</prefLabel></concept>
              <concept id="a_b" top="true"><prefLabel>streep</prefLabel></concept>
              <concept id="c"><prefLabel>kind</prefLabel><broader ref="a~b"/></concept>
            </vocabulary>
            """
        let set = VocabularyLoader.load(sources: [(path: "x.xml", bytes: Array(xml.utf8))]).set
        let file = try #require(Exporters.exporter(for: .tbx).export(set, baseName: "x").first)
        let imported = VocabularySet(try Importer.importBytes(file.contents, path: file.path, format: .tbx).vocabularies)
        let child = try #require(imported.keys.first { imported[$0].preferredLabel(in: "nl")?.text == "kind" })
        #expect(imported.graph.broader(of: child).map { imported[$0].preferredLabel(in: "nl")?.text } == ["tilde"])
    }

    /// A scheme without a default language comes back without one through TBX, whose root
    /// must name a language; one with a default language keeps it.
    @Test(arguments: ["", " xml:lang=\"nl\""])
    func aDefaultLanguageComesBackAsItWasThroughTBX(attribute: String) throws {
        let xml = """
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="x" uri="https://example.org/x/"\(attribute)>
              <concept id="a" top="true"><prefLabel xml:lang="nl">a</prefLabel></concept>
            </vocabulary>
            """
        let set = VocabularyLoader.load(sources: [(path: "x.xml", bytes: Array(xml.utf8))]).set
        let file = try #require(Exporters.exporter(for: .tbx).export(set, baseName: "x").first)
        let imported = try Importer.importBytes(file.contents, path: file.path, format: .tbx).vocabularies
        #expect(imported.map(\.defaultLanguage) == [set.vocabularies[0].defaultLanguage])
    }

    private func expectRoundTrip(_ set: VocabularySet, _ export: ExportFormat, _ format: ImportFormat) throws {
        let files = Exporters.exporter(for: export).export(set, baseName: "vocabulary")
        let file = try #require(files.first)
        let result = try Importer.importBytes(file.contents, path: file.path, format: format)
        let imported = VocabularySet(result.vocabularies)
        let isEqual = imported.isSemanticallyEqual(to: set)
        #expect(isEqual, "\(differences(set, imported))")
        #expect(result.report.skipped.isEmpty, "\(result.report.skipped)")
    }
}
