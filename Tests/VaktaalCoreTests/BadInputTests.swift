import Foundation
import Testing

@testable import VaktaalCore

/// Bad input never crashes: each case gives a diagnostic with the rule, line and column.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let xml: String
        let rule: String
        let line: Int
        let column: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "malformed XML", xml: "<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\">\n  <concept id=\"a\">\n</vocabulary>",
            rule: "malformed-xml", line: 3, column: 14),
        Case(name: "empty file", xml: "", rule: "malformed-xml", line: 1, column: 1),
        Case(
            name: "another namespace", xml: "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>",
            rule: "wrong-namespace", line: 1, column: 1),
        Case(
            name: "no namespace", xml: "<vocabulary format=\"1\" id=\"a\" uri=\"urn:a:\"/>", rule: "wrong-namespace", line: 1,
            column: 1),
        Case(
            name: "missing uri", xml: "<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\" format=\"1\" id=\"a\"/>",
            rule: "missing-attribute", line: 1, column: 1),
        Case(
            name: "missing concept id", xml: vocabularyXML("<concept><prefLabel>a</prefLabel></concept>"),
            rule: "missing-attribute", line: 3, column: 1),
        Case(
            name: "misspelt element", xml: vocabularyXML("<concept id=\"a\">\n  <preflabel>a</preflabel>\n</concept>"),
            rule: "unknown-element", line: 4, column: 3),
        Case(
            name: "misspelt attribute",
            xml: vocabularyXML("<concept id=\"a\">\n  <prefLabel xml:lang=\"nl\" plurals=\"as\">a</prefLabel>\n</concept>"),
            rule: "unknown-attribute", line: 4, column: 28),
        Case(
            name: "since on a preferred label",
            xml: vocabularyXML("<concept id=\"a\"><prefLabel since=\"2020-01-01\">a</prefLabel></concept>"),
            rule: "unknown-attribute", line: 3, column: 28),
        Case(
            name: "bad boolean", xml: vocabularyXML("<concept id=\"a\" top=\"yes\"/>"), rule: "invalid-value", line: 3, column: 17
        ),
        Case(
            name: "bad date", xml: vocabularyXML("<concept id=\"a\" modified=\"1 mei 2025\"/>"), rule: "invalid-value", line: 3,
            column: 17),
        Case(
            name: "bad severity",
            xml: vocabularyXML(
                "<concept id=\"a\"><prefLabel>b</prefLabel><deprecatedLabel severity=\"fatal\">a</deprecatedLabel></concept>"),
            rule: "invalid-value", line: 3, column: 58),
        Case(
            name: "unsupported format",
            xml: "<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\" format=\"2\" id=\"a\" uri=\"urn:a:\"/>",
            rule: "unsupported-format", line: 1, column: 46),
        Case(
            name: "text between concepts", xml: vocabularyXML("stray words\n<concept id=\"a\"/>"), rule: "unexpected-text",
            line: 3, column: 1),
        Case(
            name: "element inside a label", xml: vocabularyXML("<concept id=\"a\"><prefLabel>a <b>b</b></prefLabel></concept>"),
            rule: "unknown-element", line: 3, column: 30),
        Case(
            name: "mapping with both uri and ref",
            xml: vocabularyXML("<concept id=\"a\"><exactMatch uri=\"urn:x\" ref=\"a\"/></concept>"), rule: "invalid-value",
            line: 3, column: 17),
        Case(
            name: "duplicate ids", xml: vocabularyXML("<concept id=\"a\"/>\n<concept id=\"a\"/>"), rule: "duplicate-id", line: 4,
            column: 1),
        Case(
            name: "dangling reference", xml: vocabularyXML("<concept id=\"a\">\n<broader ref=\"nergens\"/></concept>"),
            rule: "dangling-reference", line: 4, column: 1),
        Case(
            name: "broader cycle",
            xml: vocabularyXML(
                "<concept id=\"a\"><broader ref=\"b\"/></concept>\n<concept id=\"b\"><broader ref=\"a\"/></concept>"),
            rule: "broader-cycle", line: 3, column: 1),
        Case(
            name: "two Dutch preferred labels",
            xml: vocabularyXML("<concept id=\"a\"><prefLabel>a</prefLabel>\n<prefLabel>b</prefLabel></concept>"),
            rule: "multiple-preferred-labels", line: 4, column: 1),
        Case(
            name: "preferred and alternative",
            xml: vocabularyXML("<concept id=\"a\"><prefLabel>a</prefLabel>\n<altLabel>A</altLabel></concept>"),
            rule: "label-kind-clash", line: 4, column: 1),
        Case(
            name: "same preferred label twice",
            xml: vocabularyXML(
                "<concept id=\"a\"><prefLabel>x</prefLabel></concept>\n<concept id=\"b\"><prefLabel>x</prefLabel></concept>"),
            rule: "duplicate-preferred-label", line: 4, column: 17),
        Case(
            name: "deprecated label is preferred elsewhere",
            xml: vocabularyXML(
                "<concept id=\"a\"><prefLabel>mentor</prefLabel></concept>\n<concept "
                    + "id=\"b\"><prefLabel>wpb</prefLabel><deprecatedLabel>Mentor</deprecatedLabel></concept>"
            ), rule: "outdated-label-is-allowed", line: 4, column: 43),
    ]

    @Test(arguments: cases)
    func isReportedWithItsPlace(_ example: Case) {
        let diagnostics = findings(load(example.xml))
        let matching = diagnostics.filter { $0.rule.rawValue == example.rule }
        #expect(!matching.isEmpty, "\(diagnostics)")
        let location = matching.first?.location
        #expect(location?.path == "test.xml")
        #expect(location?.line == example.line && location?.column == example.column, "\(matching)")
        #expect(matching.allSatisfy { $0.severity == .error })
    }

    /// An attribute an element does not take is reported and not read, even when another
    /// element of the format takes it (a `since` belongs on outdated labels only).
    @Test(arguments: [
        "<altLabel since=\"2025-01-01\">b</altLabel>", "<altLabel severity=\"hoog\">b</altLabel>",
        "<definition date=\"x\">d</definition>",
    ])
    func attributesOfOtherElementsAreReportedNotRead(_ element: String) throws {
        let loaded = load(vocabularyXML("<concept id=\"a\"><prefLabel>a</prefLabel>\(element)</concept>"))
        #expect(loaded.diagnostics.map(\.rule) == ["unknown-attribute"])
        let concept = try #require(loaded.set.vocabularies.first?.concepts.first)
        #expect(concept.labels.allSatisfy { $0.since == nil && $0.severity == nil })
        #expect(concept.notes.allSatisfy { $0.date == nil })
    }

    @Test func binaryAndInvalidUTF8FilesAreReportedNotCrashedOn() {
        let binary = load([("logo.xml", String(decoding: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], as: UTF8.self))])
        #expect(binary.hasUnreadableFiles)
        let head =
            "<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\" format=\"1\" id=\"a\" uri=\"urn:a:\">\n\n<concept "
            + "id=\"a\"><prefLabel>caf"
        var bytes = Array(head.utf8)
        bytes += [0xE9]  // Latin-1 é: not UTF-8
        bytes += Array("</prefLabel></concept>\n</vocabulary>".utf8)
        let invalid = VocabularyLoader.load(sources: [(path: "latin1.xml", bytes: bytes)])
        let diagnostic = invalid.diagnostics.first { $0.rule == "malformed-xml" }
        #expect(diagnostic?.location?.line == 3)
        #expect(diagnostic?.message.contains("UTF-8") == true)
    }

    /// A pipe named `*.xml` in a vocabulary folder is no file of it: reading it would block.
    @Test func aPipeInAVocabularyFolderIsNoFileOfIt() throws {
        let folder = try temporaryFolder()
        try vocabularyXML("<concept id=\"a\"><prefLabel>a</prefLabel></concept>")
            .write(toFile: folder + "/a.xml", atomically: true, encoding: .utf8)
        #expect(mkfifo(folder + "/b.xml", 0o644) == 0)
        #expect(try VocabularyLoader.vocabularyFiles(at: folder).map { ($0 as NSString).lastPathComponent } == ["a.xml"])
    }

    @Test func externalEntityContentNeverAppears() throws {
        let folder = try temporaryFolder()
        let secret = folder + "/secret.txt"
        try "TOPSECRET-CONTENT".write(toFile: secret, atomically: true, encoding: .utf8)
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE vocabulary [ <!ENTITY leak SYSTEM "file://\(secret)"> ]>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="a" uri="urn:a:">
              <concept id="x"><prefLabel>&leak;</prefLabel></concept>
            </vocabulary>
            """
        let loaded = load(xml)
        let diagnostic = try #require(loaded.diagnostics.first)
        #expect(diagnostic.rule == "malformed-xml" && diagnostic.location?.line == 2)
        #expect(!"\(loaded.diagnostics)\(loaded.set.vocabularies)".contains("TOPSECRET"))
    }

    @Test func entityBombFailsAtOnce() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE vocabulary [\n<!ENTITY a \"aaaaaaaaaa\">\n"
        var previous = "a"
        for level in 1...12 {
            xml += "<!ENTITY a\(level) \"\(String(repeating: "&\(previous);", count: 10))\">\n"
            previous = "a\(level)"
        }
        xml +=
            "]>\n<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\" format=\"1\" id=\"a\" uri=\"urn:a:\">&\(previous);</vocabulary>"
        let loaded = load(xml)
        #expect(loaded.hasUnreadableFiles)
        #expect(loaded.diagnostics.first?.location?.line == 2)
    }

    @Test func everyProblemInEveryFileIsListed() {
        let first = vocabularyXML("<concept id=\"a\"><broader ref=\"x\"/></concept>", id: "one", uri: "urn:one:")
        let second = vocabularyXML("<concept id=\"b\"><broader ref=\"y\"/><bogus/></concept>", id: "two", uri: "urn:two:")
        let broken = "<vocabulary"
        let diagnostics = findings(load([("1.xml", first), ("2.xml", second), ("3.xml", broken)]))
        let rules = diagnostics.filter { $0.severity == .error }.map { "\($0.location!.path) \($0.rule)" }
        #expect(
            rules == ["1.xml dangling-reference", "2.xml dangling-reference", "2.xml unknown-element", "3.xml malformed-xml"])
    }
}
