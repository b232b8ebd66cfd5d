import Foundation
import Testing
import VaktaalTestSupport

@Suite struct ImportCommandTests {
    static let skos = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:skos="http://www.w3.org/2004/02/skos/core#"
                 xmlns:dct="http://purl.org/dc/terms/">
          <skos:ConceptScheme rdf:about="https://partner.example.org/glossary/">
            <dct:title xml:lang="nl">Woordenlijst</dct:title>
          </skos:ConceptScheme>
          <skos:Concept rdf:about="https://partner.example.org/glossary/begeleider">
            <skos:inScheme rdf:resource="https://partner.example.org/glossary/"/>
            <skos:prefLabel xml:lang="nl">begeleider</skos:prefLabel>
            <skos:altLabel>coach</skos:altLabel>
            <skos:definition xml:lang="nl">Iemand die begeleidt.</skos:definition>
            <dct:created>2020-01-01</dct:created>
          </skos:Concept>
        </rdf:RDF>

        """

    @Test func importsWritesACheckedFolderAndSaysWhatItDid() throws {
        let folder = try Vaktaal.folder(with: ["partner.rdf": Self.skos])
        let result = try Vaktaal.run(["import", "partner.rdf", "-o", "Vocabulary/partner.xml"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.contains(
                "Vocabulary/partner.xml: scheme 'glossary' <https://partner.example.org/glossary/>, 1 concept"))
        #expect(result.standardOutput.contains("  prefLabel nl: 1\n  altLabel nl: 1\n"))
        #expect(result.standardOutput.contains("1 × http://purl.org/dc/terms/created"))
        #expect(result.standardOutput.contains("1 × text without a language tag given the default language 'nl'"))
        let check = try Vaktaal.run(["check", "--vocabulary", "Vocabulary"], in: folder)
        #expect(check.status == 0, "\(check.standardOutput)")
        let format = try Vaktaal.run(["format", "--check", "Vocabulary/partner.xml"], in: folder)
        #expect(format.status == 0)
    }

    /// The default language is a tag of a language, written in canonical case.
    /// A file named by one character is written; standard output is refused with a word, as
    /// import writes vocabulary files.
    @Test func aOneCharacterNameIsAFileAndStandardOutputIsRefused() throws {
        let folder = try Vaktaal.folder(with: ["partner.rdf": Self.skos])
        let file = try Vaktaal.run(["import", "partner.rdf", "-o", "a"], in: folder)
        #expect(file.status == 0, "\(file.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder + "/a"))
        let standardOutput = try Vaktaal.run(["import", "partner.rdf", "-o", "-"], in: folder)
        #expect(standardOutput.status == 2 && standardOutput.standardError.contains("give -o Vocabulary/NAME.xml"))
    }

    @Test func theDefaultLanguageIsATag() throws {
        let folder = try Vaktaal.folder(with: ["lijst.csv": "preferred,outdated\nwerkplekbegeleider,mentor\n"])
        let refused = try Vaktaal.run(["import", "lijst.csv", "--lang", "Dutch", "-o", "Vocabulary/lijst.xml"], in: folder)
        #expect(refused.status == 2 && refused.standardError.contains("--lang takes a language tag"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/Vocabulary/lijst.xml"))
        let imported = try Vaktaal.run(["import", "lijst.csv", "--lang", "EN-gb", "-o", "Vocabulary/lijst.xml"], in: folder)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(try String(contentsOfFile: folder + "/Vocabulary/lijst.xml", encoding: .utf8).contains("xml:lang=\"en-GB\""))
    }

    @Test func anExistingFileIsReplacedOnlyWithForce() throws {
        let folder = try Vaktaal.folder(with: [
            "partner.ttl": try String(contentsOfFile: repositoryRoot + "/Exports/lerarenopleiding.ttl", encoding: .utf8),
            "out.xml": "keep",
        ])
        let refused = try Vaktaal.run(["import", "partner.ttl", "-o", "out.xml"], in: folder)
        #expect(refused.status == 2)
        #expect(refused.standardError == "out.xml: error: the file exists: give --force to replace it\n")
        #expect(try String(contentsOfFile: folder + "/out.xml", encoding: .utf8) == "keep")
        let forced = try Vaktaal.run(["import", "partner.ttl", "-o", "out.xml", "--force"], in: folder)
        #expect(forced.status == 0)
        #expect(forced.standardOutput.contains("skipped: nothing"))
    }

    @Test func severalSchemesGiveOneFileEach() throws {
        let folder = try Vaktaal.folder(with: [:])
        let export = try Vaktaal.run(
            ["export", "--format", "jsonld", "-o", "all.jsonld", "--vocabulary", fixturesFolder + "/EveryFeature"], in: folder)
        #expect(export.status == 0)
        let result = try Vaktaal.run(["import", "all.jsonld", "-o", "Vocabulary/all.xml"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        for name in ["all-features.xml", "all-other.xml", "all-shared.xml"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/Vocabulary/" + name), "\(name)")
        }
        let check = try Vaktaal.run(["check", "--vocabulary", "Vocabulary"], in: folder)
        #expect(check.status == 0, "\(check.standardOutput)")
        let one = try Vaktaal.run(
            ["import", "all.jsonld", "--scheme", "https://example.org/other#", "-o", "other.xml"], in: folder)
        #expect(one.status == 0)
        #expect(one.standardOutput.contains("other.xml: scheme 'other' <https://example.org/other#>, 2 concepts"))
    }

    @Test(arguments: [
        ("bad.ttl", "@prefix a: <http://a/> .\na:s a:p b:o .\n", "bad.ttl:2:9: error: the prefix 'b:' is not declared"),
        (
            "bad.rdf", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n  <rdf:li/>\n</rdf:RDF>\n",
            "bad.rdf:2:3: error: rdf:li cannot be a node element"
        ),
        ("notes.txt", "just some words\n", "notes.txt: error: cannot tell the format"),
        ("empty.ttl", "@prefix a: <http://a/> .\n", "empty.ttl: error: the file holds no concepts"),
    ])
    func badInputIsExitTwoWithItsPlace(_ name: String, _ content: String, _ message: String) throws {
        let folder = try Vaktaal.folder(with: [name: content])
        let result = try Vaktaal.run(["import", name, "-o", "out.xml"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix(message), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.xml"))
    }
}
