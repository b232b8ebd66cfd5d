import Foundation
import Testing
import VaktaalCore
import VaktaalTestSupport
import VaktaalText
import VaktaalXML

@testable import VaktaalExchange

let shipped = try! VocabularyLoader.load(path: repositoryRoot + "/Vocabulary").set
let tricky = try! VocabularyLoader.load(path: repositoryRoot + "/Tests/Interop/Fixtures/tricky").set

final class Discard: XMLContentHandler {
    func startElement(_ tag: XMLStartTag) {}
    func endElement(_ name: XMLName, at position: SourcePosition) {}
    func text(_ text: String, at position: SourcePosition) {}
    func comment(_ text: String, at position: SourcePosition) {}
}

@Suite struct ExporterTests {
    @Test func everyFormatHasOneExporterAndAPlaceInTheSchedule() {
        #expect(Exporters.all.map(\.format) == ExportFormat.allCases)
        #expect(
            Exporters.parallelSchedule.sorted { $0.rawValue < $1.rawValue }
                == ExportFormat.allCases.sorted { $0.rawValue < $1.rawValue })
    }

    @Test(arguments: ExportFormat.allCases)
    func formatsSayHowManyFilesTheyWrite(_ format: ExportFormat) {
        #expect(Exporters.exporter(for: format).export(tricky, baseName: "t").count == format.fileCount)
    }

    @Test func sharedPartsAreMadeOnceAndGiveTheSameBytes() {
        let input = ExportInput(tricky)
        let html = Exporters.exporter(for: .html).export(input)
        let markdown = Exporters.exporter(for: .markdown).export(input)
        #expect(html == Exporters.exporter(for: .html).export(tricky, baseName: input.baseName))
        #expect(markdown == Exporters.exporter(for: .markdown).export(tricky, baseName: input.baseName))
        #expect(input.baseName == "vocabulary")
    }

    @Test(arguments: ExportFormat.allCases)
    func outputIsDeterministicAndNotEmpty(_ format: ExportFormat) {
        let exporter = Exporters.exporter(for: format)
        let first = exporter.export(tricky, baseName: "t")
        #expect(first == exporter.export(tricky, baseName: "t"))
        #expect(!first.isEmpty && first.allSatisfy { !$0.contents.isEmpty })
    }

    @Test(arguments: [ExportFormat.skos, .tbx])
    func xmlFormatsAreWellFormed(_ format: ExportFormat) throws {
        for file in Exporters.exporter(for: format).export(tricky, baseName: "t") {
            try XMLStreamParser.parse(file.contents, path: file.path, handler: Discard())
        }
    }

    @Test func theExportsFolderIsUpToDate() throws {
        for format in ExportFormat.allCases {
            let files = Exporters.exporter(for: format).export(shipped, baseName: Exporters.baseName(for: shipped))
            for file in files {
                let folder = files.count > 1 ? "\(format.rawValue)/" : ""
                let path = "\(repositoryRoot)/Exports/\(folder)\(file.path)"
                let stored = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
                let upToDate = stored == file.contents
                #expect(upToDate, "\(path) is stale: run vaktaal export --all -o Exports")
            }
        }
    }

    @Test func graphHasBothDirectionsAndDeprecation() {
        let triples = Set(SKOSGraph.triples(tricky))
        let kind = "https://example.org/tricky/kind"
        let creeren = "https://example.org/tricky/creeren"
        #expect(triples.contains(Triple(subject: kind, predicate: RDFNamespace.skos + "broader", object: .iri(creeren))))
        #expect(triples.contains(Triple(subject: creeren, predicate: RDFNamespace.skos + "narrower", object: .iri(kind))))
        #expect(
            triples.contains(
                Triple(subject: "https://example.org/other#ding", predicate: RDFNamespace.skos + "related", object: .iri(kind))))
        let oud = "https://example.org/tricky/oud"
        #expect(triples.contains(Triple(subject: oud, predicate: RDFNamespace.dct + "isReplacedBy", object: .iri(kind))))
        #expect(
            triples.contains(
                Triple(
                    subject: oud, predicate: RDFNamespace.owl + "deprecated",
                    object: .literal("true", language: nil, datatype: RDFNamespace.xsd + "boolean"))))
    }

    @Test(arguments: [
        ("plain", "\"plain\""), ("a \"b\"", "\"a \\\"b\\\"\""), ("x\\y", "\"x\\\\y\""), ("1\n2", "\"1\\n2\""),
    ])
    func turtleEscapesLiterals(value: String, expected: String) {
        #expect(TurtleExporter.term(.literal(value, language: nil, datatype: nil)) == expected)
    }

    @Test func turtleEscapesIRIs() {
        #expect(TurtleExporter.iri("https://e.org/a b") == "<https://e.org/a\\u0020b>")
        #expect(TurtleExporter.iri(RDFNamespace.skos + "prefLabel") == "skos:prefLabel")
    }

    @Test(arguments: [("a", "a"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("1\n2", "\"1\n2\"")])
    func csvQuotesFieldsAsRFC4180(value: String, expected: String) {
        #expect(CSVExporter.field(value) == expected)
    }

    @Test func tbxGivesAPartOfSpeechOnlyWhereTheVocabularyShowsIt() {
        #expect(TBXExporter.partOfSpeech(Label(kind: .preferred, text: "mentor", plurals: ["mentoren"])) == "noun")
        #expect(TBXExporter.partOfSpeech(Label(kind: .preferred, text: "feed up")) == nil)
        #expect(TBXExporter.partOfSpeech(Label(kind: .preferred, text: "AL", isAbbreviation: true)) == nil)
    }

    @Test func tbxStatusesFollowTheFormatSpecification() {
        #expect(TBXExporter.status(Label(kind: .preferred, text: "a"), false) == "preferredTerm-admn-sts")
        #expect(TBXExporter.status(Label(kind: .alternative, text: "a"), false) == "admittedTerm-admn-sts")
        #expect(TBXExporter.status(Label(kind: .deprecated, text: "a"), false) == "deprecatedTerm-admn-sts")
        #expect(TBXExporter.status(Label(kind: .deprecated, text: "a", since: "2025-01-01"), false) == "supersededTerm-admn-sts")
        #expect(TBXExporter.status(Label(kind: .preferred, text: "a"), true) == "supersededTerm-admn-sts")
    }

    @Test func substitutionsKeepTheGrammaticalForm() {
        let substitutions = Substitutions(shipped).substitutions
        func replacement(_ outdated: String) -> String? { substitutions.first { $0.outdated == outdated }?.replacement }
        #expect(replacement("mentor") == "werkplekbegeleider")
        #expect(replacement("mentoren") == "werkplekbegeleiders")
        #expect(replacement("stagementor") == "werkplekbegeleider")
        #expect(replacement("IPABO") == "iPabo")
        #expect(substitutions.first { $0.outdated == "InHolland" }?.isCaseSensitive == true)
        #expect(Substitutions.regexEscaped("a.b (c)") == "a\\.b \\(c\\)")
        // A preferred label without the outdated form's grammatical form: Vale suggests it, textlint does not write it.
        #expect(replacement("SBL-competenties") == "bekwaamheidseisen" && replacement("SBL-competentie") == "bekwaamheidseisen")
        #expect(substitutions.first { $0.outdated == "SBL-competentie" }?.isSameForm == false)
        let textlint = String(
            decoding: Exporters.exporter(for: .textlint).export(shipped, baseName: "x")[0].contents, as: UTF8.self)
        #expect(textlint.contains("[\"SBL-competenties\", ") && !textlint.contains("[\"SBL-competentie\", "))
        let vale = Exporters.exporter(for: .vale).export(shipped, baseName: "x").map {
            String(decoding: $0.contents, as: UTF8.self)
        }
        #expect(vale.contains { $0.contains("\"SBL-competentie\": \"bekwaamheidseisen\"") })
    }

    /// A name with signs of a regular expression (`C++`) goes to textlint as an escaped
    /// pattern and itself: the rule joins plain strings into one expression as they are.
    @Test func textlintNamesWithRegexSignsArePatterns() throws {
        let xml = """
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="t" uri="urn:t:" xml:lang="nl">
              <concept id="c"><prefLabel caseSensitive="true">C++</prefLabel></concept>
              <concept id="i"><prefLabel caseSensitive="true">iPabo</prefLabel></concept>
            </vocabulary>
            """
        let set = VocabularySet([try #require(VocabularyLoader.read(bytes: Array(xml.utf8), path: "t.xml").vocabulary)])
        let terms = String(decoding: Exporters.exporter(for: .textlint).export(set, baseName: "t")[0].contents, as: UTF8.self)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(terms.utf8)) as? [Any])
        #expect(parsed.contains { ($0 as? [String]) == ["C\\+\\+", "C++"] }, "\(terms)")
        #expect(parsed.contains { ($0 as? String) == "iPabo" })
    }

    /// textlint matches every pattern ignoring case: `HVA` (outdated, case-sensitive) would
    /// match and rewrite the right `HvA`, so it is left out; `IPABO` is kept, as the term it
    /// would match ignoring case is its own replacement, and so is a pattern of no other casing.
    @Test func textlintLeavesOutWhatWouldRewriteATermToUse() throws {
        let terms = String(
            decoding: Exporters.exporter(for: .textlint).export(shipped, baseName: "x")[0].contents, as: UTF8.self)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(terms.utf8)) as? [Any])
        let pairs = parsed.compactMap { $0 as? [String] }
        #expect(!pairs.contains { $0.first == "HVA" } && parsed.contains { ($0 as? String) == "HvA" })
        #expect(pairs.contains { $0 == ["IPABO", "iPabo"] } && pairs.contains { $0.first == "mentor" })
        let vale = Exporters.exporter(for: .vale).export(shipped, baseName: "x").map {
            String(decoding: $0.contents, as: UTF8.self)
        }
        #expect(vale.contains { $0.contains("HVA") })
    }

    /// Terms are literal regular expressions, each on one line: a line break or tab in a
    /// label is one space.
    @Test(arguments: [
        ("feed up", "feed up"), ("a.b (c)", "a\\.b \\(c\\)"), ("twee\nregels", "twee regels"), ("tab\tx", "tab x"),
        ("10\u{A0}%", "10\u{A0}%"), ("twee\r\nregels", "twee regels"), ("tab\t\tx", "tab x"),
    ])
    func termsAreLiteralRegularExpressionsOnOneLine(term: String, pattern: String) {
        #expect(Substitutions.regexEscaped(term) == pattern)
    }

    @Test func stringsAreQuotedForJSONYAMLAndTurtle() {
        #expect(JSONText.quoted("a \"b\" \\ c") == "\"a \\\"b\\\" \\\\ c\"")
        #expect(JSONText.quoted("tab\tbel\u{7}") == "\"tab\\tbel\\u0007\"")
    }

    @Test func termsThatStartWithADigitGetAValidLetterAnchor() throws {
        let xml = """
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="d" uri="https://example.org/d/" xml:lang="nl">
            <concept id="a"><prefLabel>eerstejaars</prefLabel><hiddenLabel>1e jaars</hiddenLabel></concept>
            <concept id="b"><prefLabel>2e graad</prefLabel></concept>
            <concept id="c"><prefLabel>€-norm</prefLabel></concept>
            </vocabulary>
            """
        let set = VocabularyLoader.load(sources: [(path: "d.xml", bytes: Array(xml.utf8))]).set
        let html = String(decoding: Exporters.exporter(for: .html).export(set, baseName: "d")[0].contents, as: UTF8.self)
        #expect(html.contains("href=\"#nl-letter-other\"") && html.contains("id=\"nl-letter-other\""))
        #expect(!html.contains("letter-#"))
        // Digits and other scripts are one section, before A (one id, one link).
        #expect(html.components(separatedBy: "id=\"nl-letter-other\"").count == 2, "\(html)")
        #expect(html.components(separatedBy: "href=\"#nl-letter-other\"").count == 2)
        let markdown = String(decoding: Exporters.exporter(for: .markdown).export(set, baseName: "d")[0].contents, as: UTF8.self)
        #expect(markdown.contains("(#nl-letter-other)") && !markdown.contains("letter-#"))
    }

    /// A text of several lines or paragraphs stays in its list item (its line breaks are
    /// `<br>`, so `- geen lijst` starts no list), and `&` is escaped, so that `&copy;` is
    /// shown as written, not as ©.
    @Test func markdownKeepsEachEntryOnItsLineAndShowsEntitiesAsWritten() throws {
        let xml = """
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="d" uri="https://example.org/d/" xml:lang="nl">
            <concept id="a"><prefLabel>R&amp;amp;D</prefLabel><definition>Eerste regel
            - geen lijst

            Tweede alinea &amp;copy; 2026.</definition><related ref="b"/></concept>
            <concept id="b"><prefLabel>beta</prefLabel><related ref="a"/></concept>
            </vocabulary>
            """
        let set = VocabularySet([try #require(VocabularyLoader.read(bytes: Array(xml.utf8), path: "d.xml").vocabulary)])
        let markdown = String(decoding: Exporters.exporter(for: .markdown).export(set, baseName: "d")[0].contents, as: UTF8.self)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let entry = try #require(lines.firstIndex { $0.contains("**R\\&amp;D**") })
        #expect(lines[entry].hasPrefix("- <a id="), "\(markdown)")
        #expect(lines[entry].hasSuffix("**: Eerste regel<br>- geen lijst<br><br>Tweede alinea \\&copy; 2026.  "), "\(markdown)")
        #expect(lines[entry + 1] == "  verwant: [beta](#nl-b)", "\(markdown)")
    }

    /// Concept ids the anchor writes alike (`a~b`, `a_b`) get anchors told apart, in HTML and
    /// Markdown, so that a link jumps to its own entry.
    @Test(arguments: [ExportFormat.html, .markdown])
    func glossaryAnchorsOfIdsWrittenAlikeDiffer(_ format: ExportFormat) throws {
        let xml = """
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="d" uri="https://example.org/d/" xml:lang="nl">
            <concept id="a~b"><prefLabel>tilde</prefLabel><related ref="c"/></concept>
            <concept id="a_b"><prefLabel>laag</prefLabel><related ref="c"/></concept>
            <concept id="c"><prefLabel>kind</prefLabel><related ref="a~b"/><related ref="a_b"/></concept>
            </vocabulary>
            """
        let set = VocabularySet([try #require(VocabularyLoader.read(bytes: Array(xml.utf8), path: "d.xml").vocabulary)])
        let text = String(decoding: Exporters.exporter(for: format).export(set, baseName: "d")[0].contents, as: UTF8.self)
        #expect(text.components(separatedBy: "id=\"nl-a_b\"").count == 2, "\(text)")
        #expect(text.components(separatedBy: "id=\"nl-a_b_2\"").count == 2, "\(text)")
        #expect(text.contains("#nl-a_b_2"))
    }

    /// A right-to-left language's section runs right to left, and a definition shown in another
    /// language than its section's says which, and which way it runs.
    @Test func glossarySectionsSayTheirDirectionAndDefinitionsTheirLanguage() throws {
        let xml = """
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="d" uri="https://example.org/d/" xml:lang="nl">
            <concept id="a"><prefLabel>leraar</prefLabel><prefLabel xml:lang="he">מורה</prefLabel><definition>Iemand die lesgeeft.</definition></concept>
            </vocabulary>
            """
        let set = VocabularySet([try #require(VocabularyLoader.read(bytes: Array(xml.utf8), path: "d.xml").vocabulary)])
        let html = String(decoding: Exporters.exporter(for: .html).export(set, baseName: "d")[0].contents, as: UTF8.self)
        #expect(html.contains("<section lang=\"he\" id=\"he\" dir=\"rtl\">") && html.contains("<section lang=\"nl\" id=\"nl\">"))
        #expect(html.contains("<dd lang=\"nl\" dir=\"ltr\">Iemand die lesgeeft.</dd>"), "\(html)")
        #expect(html.components(separatedBy: "<dd>Iemand die lesgeeft.</dd>").count == 2, "the Dutch section's own definition")
    }

    @Test func glossaryListsOutdatedTermsWithTheirReplacement() throws {
        let html = String(decoding: Exporters.exporter(for: .html).export(shipped, baseName: "x")[0].contents, as: UTF8.self)
        #expect(
            html.contains(
                "<del>mentor</del></dt><dd>verouderd: gebruik <a href=\"#nl-werkplekbegeleider\">werkplekbegeleider</a>"))
        #expect(html.contains("id=\"nl-werkplekbegeleider\""))
        #expect(html.contains("<input type=\"search\""))
        let markdown = String(
            decoding: Exporters.exporter(for: .markdown).export(shipped, baseName: "x")[0].contents, as: UTF8.self)
        #expect(markdown.contains("- ~~mentor~~ (verouderd): gebruik [werkplekbegeleider](#nl-werkplekbegeleider)"))
    }

    /// Every link of a glossary reaches an entry: a concept without a preferred label in the
    /// section's language is named, not linked. A deprecated concept that nothing replaces
    /// is still listed, as outdated.
    @Test func glossaryLinksReachEntriesAndEveryOutdatedTermIsListed() throws {
        let xml = """
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="d" uri="https://example.org/d/" xml:lang="nl">
            <concept id="a"><prefLabel>alfa</prefLabel><prefLabel xml:lang="en">alpha</prefLabel><related ref="c"/></concept>
            <concept id="c"><prefLabel>gamma</prefLabel><related ref="a"/></concept>
            <concept id="e" deprecated="true"><prefLabel>zonder vervanger</prefLabel></concept>
            <concept id="f" deprecated="true" replacedBy="c"><prefLabel>oud</prefLabel>
              <prefLabel xml:lang="en">old</prefLabel></concept>
            </vocabulary>
            """
        let set = VocabularyLoader.load(sources: [(path: "d.xml", bytes: Array(xml.utf8))]).set
        let html = String(decoding: Exporters.exporter(for: .html).export(set, baseName: "d")[0].contents, as: UTF8.self)
        let ids = Set(html.matches(of: /id="([^"]+)"/).map { String($0.output.1) })
        let targets = html.matches(of: /href="#([^"]+)"/).map { String($0.output.1) }
        #expect(!targets.isEmpty && targets.filter { !ids.contains($0) }.isEmpty, "\(targets.filter { !ids.contains($0) })")
        #expect(html.contains("<del>zonder vervanger</del></dt><dd>verouderd</dd>"))
        #expect(
            html.contains("<dd class=\"meta\">related: gamma</dd>")
                && html.contains("<del>old</del></dt><dd>outdated: use gamma</dd>"))
        let markdown = String(decoding: Exporters.exporter(for: .markdown).export(set, baseName: "d")[0].contents, as: UTF8.self)
        let anchors = Set(markdown.matches(of: /<a id="([^"]+)">/).map { String($0.output.1) })
        let links = markdown.matches(of: /\]\(#([^)]+)\)/).map { String($0.output.1) }
        #expect(!links.isEmpty && links.filter { !anchors.contains($0) && !$0.contains("-letter-") }.isEmpty, "\(links)")
        #expect(markdown.contains("- ~~zonder vervanger~~ (verouderd)\n") && markdown.contains("related: gamma"))
    }
}
