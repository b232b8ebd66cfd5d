import Testing
import VaktaalCore

@testable import VaktaalExchange

@Suite struct TBXImporterTests {
    @Test func tbxVersion3InTheDCTStyle() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic"
                 xmlns:min="http://www.tbxinfo.net/ns/min" type="TBX-Basic" style="dct" xml:lang="en">
              <tbxHeader><fileDesc><titleStmt><title>Glossary</title></titleStmt></fileDesc></tbxHeader>
              <text><body>
                <conceptEntry id="c1">
                  <basic:subjectField>education</basic:subjectField>
                  <langSec xml:lang="en">
                    <basic:definition>Guides a student teacher.</basic:definition>
                    <termSec><term>mentor</term>
                      <min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus></termSec>
                    <termSec><term>workplace supervisor</term>
                      <min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec>
                  </langSec>
                  <langSec xml:lang="nl">
                    <termSec><term>werkplekbegeleider</term><basic:termType>fullForm</basic:termType></termSec>
                    <termSec><term>wpb</term><basic:termType>abbreviation</basic:termType></termSec>
                  </langSec>
                </conceptEntry>
              </body></text>
            </tbx>
            """
        let result = try Importer.importBytes(Array(text.utf8), path: "glossary.tbx", format: .tbx)
        let vocabulary = try #require(result.vocabularies.first)
        #expect(vocabulary.id == "glossary" && vocabulary.uri == "urn:vaktaal:glossary:" && vocabulary.defaultLanguage == "en")
        let concept = try #require(vocabulary.concepts.first)
        #expect(concept.id == "c1")
        #expect(concept.labels.map(\.kind) == [.deprecated, .preferred, .preferred, .alternative])
        #expect(concept.labels[3].isAbbreviation)
        #expect(concept.notes.map(\.text) == ["Guides a student teacher."])
        #expect(result.report.skipped.map(\.what).sorted() == ["subjectField", "termType"])
    }

    @Test func martifVersion2() throws {
        let text = """
            <?xml version="1.0"?>
            <martif type="TBX" xml:lang="nl">
              <martifHeader><fileDesc><sourceDesc><p>from a tool</p></sourceDesc></fileDesc></martifHeader>
              <text><body>
                <termEntry id="_7">
                  <descripGrp><descrip type="definition">Begeleidt op de werkplek.</descrip></descripGrp>
                  <langSet xml:lang="nl">
                    <tig><term>werkplekbegeleider</term>
                      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
                    <ntig><termGrp><term>mentor</term>
                      <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termGrp></ntig>
                  </langSet>
                  <langSet xml:lang="en"><tig><term>workplace supervisor</term></tig></langSet>
                </termEntry>
              </body></text>
            </martif>
            """
        let result = try Importer.importBytes(Array(text.utf8), path: "old.xml", format: .tbx)
        let concept = try #require(result.vocabularies.first?.concepts.first)
        #expect(concept.id == "_7")
        #expect(
            concept.labels.map { "\($0.kind.rawValue) \($0.language) \($0.text)" } == [
                "prefLabel nl werkplekbegeleider", "deprecatedLabel nl mentor", "prefLabel en workplace supervisor",
            ])
        #expect(concept.notes.first?.kind == .definition && concept.notes.first?.language == "nl")
        #expect(result.report.warnings.contains { $0.message.contains("without an administrative status") })
    }

    /// Tools that do not write an administrative status mark a term's status otherwise:
    /// Phrase and TermWeb as a flag (`<termNote type="forbidden">true</termNote>`), others as
    /// a usage status. A forbidden term is an outdated one, never an allowed synonym.
    @Test(arguments: [
        ("<termNote type=\"forbidden\">true</termNote>", "deprecatedLabel"),
        ("<termNote type=\"usageStatus\">forbidden</termNote>", "deprecatedLabel"),
        ("<termNote type=\"usageStatus\">deprecated</termNote>", "deprecatedLabel"),
        ("<termNote type=\"admitted\">true</termNote>", "altLabel"),
        ("<termNote type=\"preferred\">false</termNote>", "altLabel"),
        // The strictest of several wins, in either order; a known status beside an unknown one counts.
        (
            "<termNote type=\"forbidden\">true</termNote><termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>",
            "deprecatedLabel"
        ),
        (
            "<termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote><termNote type=\"forbidden\">true</termNote>",
            "deprecatedLabel"
        ),
        (
            "<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote><termNote type=\"usageStatus\">regional</termNote>",
            "deprecatedLabel"
        ),
        (
            "<termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote><termNote type=\"usageStatus\">notRecommended</termNote>",
            "deprecatedLabel"
        ),
    ])
    func aStatusWrittenAsAFlagOrUsage(note: String, kind: String) throws {
        // The term first, so that the fallback (the first term of a language preferred) cannot
        // give it a kind.
        let text = """
            <martif type="TBX" xml:lang="nl"><text><body><termEntry id="1"><langSet xml:lang="nl">
              <tig><term>mentor</term>\(note)</tig>
              <tig><term>werkplekbegeleider</term><termNote type="preferred">true</termNote></tig>
            </langSet></termEntry></body></text></martif>
            """
        let result = try Importer.importBytes(Array(text.utf8), path: "phrase.tbx", format: .tbx)
        let concept = try #require(result.vocabularies.first?.concepts.first)
        #expect(concept.labels.map { "\($0.kind.rawValue) \($0.text)" } == ["\(kind) mentor", "prefLabel werkplekbegeleider"])
        #expect(result.report.skipped.isEmpty, "\(result.report.skipped)")
    }

    /// A status there is no label kind for could say the term is forbidden: the term is left
    /// out and reported, not allowed as a synonym.
    @Test(arguments: [
        "<termNote type=\"administrativeStatus\">proposedTerm-admn-sts</termNote>",
        "<termNote type=\"forbidden\">maybe</termNote>",
    ])
    func aTermOfAnUnknownStatusIsLeftOutAndReported(note: String) throws {
        let text = """
            <martif type="TBX" xml:lang="nl"><text><body><termEntry id="1"><langSet xml:lang="nl">
              <tig><term>werkplekbegeleider</term></tig>
              <tig><term>mentor</term>\(note)</tig>
            </langSet></termEntry></body></text></martif>
            """
        let result = try Importer.importBytes(Array(text.utf8), path: "tool.tbx", format: .tbx)
        let concept = try #require(result.vocabularies.first?.concepts.first)
        #expect(concept.labels.map(\.text) == ["werkplekbegeleider"])
        let skipped = try #require(result.report.skipped.first { $0.what == "term" })
        #expect(skipped.example.hasPrefix("mentor: ") && skipped.reason.contains("left out"))
    }

    /// Two entries of one id are two concepts, and the one renamed is said to be.
    @Test func entriesOfOneIdAreRenamedWithAWarning() throws {
        let text = """
            <martif type="TBX" xml:lang="nl"><text><body>
              <termEntry id="wpb"><langSet xml:lang="nl"><tig><term>a</term></tig></langSet></termEntry>
              <termEntry id="wpb"><langSet xml:lang="nl"><tig><term>b</term></tig></langSet></termEntry>
              <termEntry id="c"><descrip type="crossReference" target="wpb">a</descrip>
                <langSet xml:lang="nl"><tig><term>c</term></tig></langSet></termEntry>
            </body></text></martif>
            """
        let result = try Importer.importBytes(Array(text.utf8), path: "dup.tbx", format: .tbx)
        #expect(result.vocabularies.first?.concepts.map(\.id) == ["wpb", "wpb-2", "c"])
        // A reference to the id goes to the first entry, which kept it.
        #expect(result.vocabularies.first?.concepts.last?.relations.map(\.reference) == ["wpb"])
        #expect(result.report.warnings.contains { $0.message.contains("id another entry has") && $0.example == "wpb → wpb-2" })
    }

    /// A modification's date is read in both styles of TBX; what else a transaction group
    /// says is reported skipped.
    @Test(arguments: [
        "<transacGrp><transac type=\"transactionType\">modification</transac><date>2025-09-01</date>"
            + "<transacNote type=\"responsibility\">Jan</transacNote><note>uit systeem X</note></transacGrp>",
        "<transacGrp><basic:transactionType>modification</basic:transactionType><date>2025-09-01</date>"
            + "<basic:responsibility>Jan</basic:responsibility></transacGrp>",
    ])
    func modificationDatesInBothStyles(group: String) throws {
        let text = """
            <tbx xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic" type="TBX-Basic" style="dct"
                 xml:lang="nl"><text><body><conceptEntry id="a">\(group)
            <langSec xml:lang="nl"><termSec><term>werkplekbegeleider</term></termSec></langSec></conceptEntry></body></text></tbx>
            """
        let result = try Importer.importBytes(Array(text.utf8), path: "d.tbx", format: .tbx)
        #expect(result.vocabularies.first?.concepts.first?.modified == "2025-09-01")
        #expect(result.vocabularies.first?.concepts.first?.notes.isEmpty == true)
        #expect(result.report.skipped.contains { $0.example.contains("Jan") }, "\(result.report.skipped)")
    }

    /// Our note keys are read with white space before them, as an editor may leave it; a
    /// plain note keeps its spaces, and its inline markup's text stands where it stands.
    @Test func noteKeysAfterWhiteSpace() throws {
        let text = """
            <martif type="TBX" xml:lang="nl"><text><body><termEntry id="a">
            <note> deprecated: true</note><note>
                replacedBy: b
            </note><note>  Een opmerking. </note><note>Zie <hi>dit</hi> ook.</note>
            <langSet xml:lang="nl"><tig><term>mentor</term></tig></langSet></termEntry>
            <termEntry id="b"><langSet xml:lang="nl"><tig><term>werkplekbegeleider</term></tig></langSet></termEntry>
            </body></text></martif>
            """
        let result = try Importer.importBytes(Array(text.utf8), path: "notes.tbx", format: .tbx)
        let concept = try #require(result.vocabularies.first?.concepts.first)
        #expect(concept.isDeprecated && concept.replacedBy == "b")
        #expect(concept.notes.map(\.text) == ["  Een opmerking. ", "Zie dit ook."])
    }

    /// TBX v2 files name their DTD: such a DOCTYPE is accepted (the DTD is never read); one
    /// with an internal subset, which could declare entities, is still refused.
    @Test(arguments: [
        ("<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">", true),
        ("<!DOCTYPE martif PUBLIC \"ISO 30042:2008A//DTD TBX core//EN\" 'TBXcoreStructV02.dtd'>", true),
        ("<!DOCTYPE martif SYSTEM \"a[b].dtd\">", true),
        ("<!DOCTYPE martif SYSTEM \"a<b\" [<!ENTITY x \"werkplekbegeleider\">]>", false),
        ("<!DOCTYPE martif PUBLIC \"-//x//DTD y//EN\" \"a>b.dtd\" [<!ENTITY x \"y\">]>", false),
        ("<!DOCTYPE martif [<!ENTITY x \"werkplekbegeleider\">]>", false),
        ("<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\" [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", false),
    ])
    func aDoctypeThatOnlyNamesTheDTDIsAccepted(doctype: String, accepted: Bool) throws {
        let text = """
            <?xml version="1.0"?>
            \(doctype)
            <martif type="TBX" xml:lang="nl"><text><body><termEntry id="a"><langSet xml:lang="nl">
            <tig><term>werkplekbegeleider</term></tig></langSet></termEntry></body></text></martif>
            """
        let result = Result { try Importer.importBytes(Array(text.utf8), path: "v2.tbx", format: .tbx) }
        if accepted {
            #expect(try result.get().vocabularies.first?.concepts.first?.labels.first?.text == "werkplekbegeleider")
        } else {
            #expect(throws: ImportError.self) { try result.get() }
        }
    }
}

@Suite struct CSVImporterTests {
    @Test func theMinimalLayoutASpreadsheetCanHold() throws {
        let text =
            "\u{FEFF}Preferred;Outdated;Language;Remark\r\nwerkplekbegeleider;mentor|praktijkbegeleider;nl;x\r\n"
            + "werkplekbegeleider;stagementor;nl;\r\n\"voltijd\";fulltime;;\r\nworkplace supervisor;mentor;en;\r\n"
        let result = try Importer.importBytes(Array(text.utf8), path: "Begrippen lijst.csv", format: .csv)
        let vocabulary = try #require(result.vocabularies.first)
        #expect(vocabulary.id == "begrippen-lijst" && vocabulary.defaultLanguage == "nl")
        #expect(vocabulary.concepts.map(\.id) == ["werkplekbegeleider", "voltijd", "workplace-supervisor"])
        #expect(
            vocabulary.concepts[0].labels.map(\.text) == ["werkplekbegeleider", "mentor", "praktijkbegeleider", "stagementor"])
        #expect(vocabulary.concepts[1].labels.map(\.kind) == [.preferred, .deprecated])
        #expect(vocabulary.concepts[2].labels.allSatisfy { $0.declaredLanguage == "en" })
        #expect(result.report.skipped.first?.what == "column 'Remark'")
    }

    /// A sheet without languages, imported without `--lang`: text of no language (as a SKOS
    /// literal without a tag), never an empty `xml:lang` that check calls malformed, and a
    /// warning that says to give one.
    @Test func aSheetWithoutLanguagesGivesTextOfNone() throws {
        let text = "term,definition\nwerkplekbegeleider,Iemand die begeleidt\n"
        let result = try Importer.importBytes(Array(text.utf8), path: "lijst.csv", format: .csv)
        let vocabulary = try #require(result.vocabularies.first)
        #expect(vocabulary.defaultLanguage == nil)
        let concept = try #require(vocabulary.concepts.first)
        #expect(concept.labels.map { "\($0.language)|\($0.declaredLanguage ?? "-")" } == ["|-"])
        #expect(concept.notes.map { $0.declaredLanguage ?? "-" } == ["-"])
        #expect(result.report.warnings.map(\.message) == ["rows without a language, and no language known (give --lang)"])
        let written = VocabularyWriter.xml(for: vocabulary)
        #expect(!written.contains("xml:lang"), "\(written)")
        let withLanguage = try Importer.importBytes(
            Array(text.utf8), path: "lijst.csv", format: .csv, options: .init(defaultLanguage: "nl"))
        #expect(withLanguage.vocabularies.first?.concepts.first?.labels.first?.language == "nl")
        #expect(withLanguage.report.warnings.isEmpty)
    }

    /// A sheet typed `NL` in one row and `nl` in another is in one language.
    @Test func languagesAreReadWithoutCase() throws {
        let text = "preferred,outdated,language\nwerkplekbegeleider,mentor,NL\ncoach,,nl\nsupervisor,,EN-gb\n"
        let result = try Importer.importBytes(Array(text.utf8), path: "lijst.csv", format: .csv)
        let vocabulary = try #require(result.vocabularies.first)
        #expect(vocabulary.defaultLanguage == "nl")
        #expect(vocabulary.concepts.flatMap(\.labels).map(\.language) == ["nl", "nl", "nl", "en-GB"])
    }

    /// The export's layout edited by hand: a language typed with a space and in capitals.
    @Test func theExportsLanguagesAreReadWithoutSpacesOrCase() throws {
        let text =
            "concept_id,uri,language,label,status,preferred_label,definition,broader\n"
            + "wpb,urn:x:wpb, nl ,werkplekbegeleider,preferred,werkplekbegeleider,,\n"
            + "wpb,urn:x:wpb,NL,mentor,deprecated,werkplekbegeleider,,\n"
        let result = try Importer.importBytes(Array(text.utf8), path: "export.csv", format: .csv)
        let vocabulary = try #require(result.vocabularies.first)
        #expect(vocabulary.defaultLanguage == "nl")
        #expect(vocabulary.concepts.first?.labels.map { "\($0.language) \($0.declaredLanguage ?? "-")" } == ["nl -", "nl -"])
    }

    /// Statuses as terminology tools and Dutch sheets write them; a forbidden term is an
    /// outdated one. A status there is no kind for is left out and reported with its line,
    /// never read as an allowed synonym.
    @Test func statusesOfTheExportLayout() throws {
        let text =
            "concept_id,uri,language,label,status,preferred_label,definition,broader,deprecated,replaced_by\n"
            + "a,,nl,werkplekbegeleider,voorkeursterm,,,,,\n" + "a,,nl,mentor,verboden,,,,,\n"
            + "a,,nl,praktijkbegeleider,Forbidden,,,,,\n" + "a,,nl,begeleider,toegestaan,,,,,\n"
            + "a,,nl,stagebegeleider,misschien,,,,,\n" + "a,,nl,praktijkopleider,Admitted Term,,,,,\n"
            + "b,,nl,begeleidster,misschien,,,,,\n"
        let result = try Importer.importBytes(Array(text.utf8), path: "export.csv", format: .csv)
        let concept = try #require(result.vocabularies.first?.concepts.first)
        #expect(
            concept.labels.map { "\($0.kind.rawValue) \($0.text)" } == [
                "prefLabel werkplekbegeleider", "deprecatedLabel mentor", "deprecatedLabel praktijkbegeleider",
                "altLabel begeleider", "altLabel praktijkopleider",
            ])
        // A concept none of whose labels is kept is no concept.
        #expect(result.vocabularies.first?.concepts.count == 1)
        #expect(
            result.report.skipped == [
                ImportReport.Skipped(
                    what: "label 'stagebegeleider'", reason: "a status there is no label kind for", count: 1,
                    example: "line 6: misschien"),
                ImportReport.Skipped(
                    what: "label 'begeleidster'", reason: "a status there is no label kind for", count: 1,
                    example: "line 8: misschien"),
                ImportReport.Skipped(
                    what: "concept 'b'", reason: "none of its labels has a status there is a kind for", count: 1,
                    example: "line 8"),
            ])
    }

    /// A concept may have several definitions in a language: each row's is kept, and one
    /// repeated on every row of its concept once.
    @Test(arguments: [
        "concept,preferred,language,definition\nwpb,werkplekbegeleider,nl,Eerste\nwpb,werkplekbegeleider,nl,Tweede\n"
            + "wpb,werkplekbegeleider,nl,Eerste\n",
        "preferred,language,definition\nwerkplekbegeleider,nl,Eerste\nwerkplekbegeleider,nl,Tweede\n",
        "concept_id,uri,language,label,status,preferred_label,definition,broader,deprecated,replaced_by\n"
            + "a,,nl,werkplekbegeleider,preferred,,Eerste,,,\na,,nl,wpb,alternative,,Eerste,,,\n"
            + "a,,nl,begeleider,alternative,,Tweede,,,\n",
    ])
    func everyDefinitionIsKept(text: String) throws {
        let result = try Importer.importBytes(Array(text.utf8), path: "lijst.csv", format: .csv)
        let concept = try #require(result.vocabularies.first?.concepts.first)
        #expect(concept.notes.map(\.text) == ["Eerste", "Tweede"])
    }

    /// Partners take the columns they do not use out of an export, or move them: the sheet
    /// is still read as the export's, and a column of their own is reported, not dropped.
    @Test(arguments: [
        "concept_id,uri,language,label,status,preferred_label,definition\na,,nl,werkplekbegeleider,preferred,,Begeleidt\n"
            + "a,,nl,mentor,deprecated,,\n",
        "label;status;language;preferred_label\nwerkplekbegeleider;preferred;nl;\nmentor;deprecated;nl;werkplekbegeleider\n",
        "status,label,concept_id,definition\npreferred,werkplekbegeleider,a,Begeleidt\ndeprecated,mentor,a,\n",
    ])
    func anExportWithColumnsTakenOutOrMoved(text: String) throws {
        let result = try Importer.importBytes(Array(text.utf8), path: "export.csv", format: .csv)
        let concepts = try #require(result.vocabularies.first?.concepts)
        #expect(concepts.count == 1)
        #expect(
            concepts.first?.labels.map { "\($0.kind.rawValue) \($0.text)" } == [
                "prefLabel werkplekbegeleider", "deprecatedLabel mentor",
            ])
        #expect(result.report.skipped.isEmpty)
    }

    /// An export without its language column: the labels take `--lang` (or the sheet's
    /// language), never an empty `xml:lang`.
    @Test func anExportWithoutItsLanguageColumn() throws {
        let text = "concept_id,label,status\na,werkplekbegeleider,preferred\na,mentor,deprecated\n"
        let result = try Importer.importBytes(
            Array(text.utf8), path: "export.csv", format: .csv, options: .init(defaultLanguage: "nl"))
        let concept = try #require(result.vocabularies.first?.concepts.first)
        #expect(concept.labels.map { "\($0.language)|\($0.declaredLanguage ?? "-")" } == ["nl|-", "nl|-"])
        let withoutLanguage = try Importer.importBytes(Array(text.utf8), path: "export.csv", format: .csv)
        let written = VocabularyWriter.xml(for: try #require(withoutLanguage.vocabularies.first))
        #expect(!written.contains("xml:lang"), "\(written)")
        #expect(
            withoutLanguage.report.warnings.map(\.message) == ["rows without a language, and no language known (give --lang)"])
    }

    /// Without `concept_id` or `preferred_label`, the rows of an export could not be told
    /// apart by concept: refused, with what is missing; a sheet with `preferred` is the
    /// minimal layout whatever else it has.
    @Test func anExportThatCannotTellItsConceptsIsRefused() throws {
        #expect {
            try Importer.importBytes(Array("label,status\nmentor,deprecated\n".utf8), path: "e.csv", format: .csv)
        } throws: { error in
            "\(error)".contains("need 'concept_id' or 'preferred_label'")
        }
        let minimal = try Importer.importBytes(
            Array("preferred,outdated,label,status\nwerkplekbegeleider,mentor,x,y\n".utf8), path: "m.csv", format: .csv)
        #expect(minimal.vocabularies.first?.concepts.first?.labels.map(\.text) == ["werkplekbegeleider", "mentor"])
    }

    /// A second column of one of the export's names, and a filled column without a name, are
    /// reported, not dropped.
    @Test func secondAndNamelessColumnsAreReported() throws {
        let text = "concept_id,label,status,definition,Definition,\na,werkplekbegeleider,preferred,Eerste,Tweede,x\n"
        let result = try Importer.importBytes(Array(text.utf8), path: "export.csv", format: .csv)
        #expect(result.report.skipped.map(\.what) == ["column 'Definition'", "column 6"])
    }

    @Test func aColumnOfTheirOwnBesideTheExportsIsReported() throws {
        let text =
            "concept_id,uri,language,label,status,preferred_label,definition,broader,deprecated,replaced_by,Opmerking\n"
            + "a,,nl,werkplekbegeleider,preferred,,,,,,nakijken\n"
        let result = try Importer.importBytes(Array(text.utf8), path: "export.csv", format: .csv)
        #expect(
            result.report.skipped == [
                ImportReport.Skipped(
                    what: "column 'Opmerking'", reason: "a column the export's layout does not have", count: 1,
                    example: "line 2: nakijken")
            ])
    }

    @Test func theExportsOwnColumnsComeBack() throws {
        let exported = try #require(Exporters.exporter(for: .csv).export(fixture, baseName: "lerarenopleiding").first)
        let result = try Importer.importBytes(exported.contents, path: exported.path, format: .csv)
        let vocabulary = try #require(result.vocabularies.first)
        #expect(vocabulary.uri == fixture.vocabularies[0].uri)
        #expect(vocabulary.concepts.count == fixture.count)
        let original = fixture.vocabularies[0].concepts.flatMap(\.labels).map { "\($0.kind) \($0.language) \($0.text)" }
        #expect(vocabulary.concepts.flatMap(\.labels).map { "\($0.kind) \($0.language) \($0.text)" } == original)
        let imported = VocabularySet(result.vocabularies)
        #expect(
            imported.keys.map { imported.graph.broader(of: $0).count } == fixture.keys.map { fixture.graph.broader(of: $0).count }
        )
        // Deprecated concepts say so in their rows, with what replaces them, and come back so.
        let deprecated = { (set: VocabularySet) in
            set.keys.map { set[$0] }.filter(\.isDeprecated).map { "\($0.id) → \($0.replacedBy ?? "")" }
        }
        #expect(!deprecated(fixture).isEmpty && deprecated(imported) == deprecated(fixture))
    }

    /// A text a spreadsheet would run as a formula is written as text (a `'` before it) and
    /// read back as it was; other texts are written as they are.
    @Test func formulasAreWrittenAsTextAndReadBack() throws {
        let labels = ["=HYPERLINK(\"http://x\";\"y\")", "+31 regeling", "-ism", "@home", "'s-Hertogenbosch", "a=b", "'=x"]
        let concepts = labels.enumerated().map { index, label in
            "<concept id=\"c\(index)\"><prefLabel>\(label.replacingOccurrences(of: "\"", with: "&quot;"))</prefLabel></concept>"
        }
        let xml = """
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="f" uri="https://example.org/f/" xml:lang="nl">
            \(concepts.joined())
            </vocabulary>
            """
        let set = VocabularyLoader.load(sources: [(path: "f.xml", bytes: Array(xml.utf8))]).set
        let exported = try #require(Exporters.exporter(for: .csv).export(set, baseName: "f").first)
        let text = String(decoding: exported.contents, as: UTF8.self)
        #expect(text.contains(",\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\",") && text.contains(",'+31 regeling,"))
        #expect(text.contains(",'-ism,") && text.contains(",'@home,") && text.contains(",'s-Hertogenbosch,"))
        #expect(text.contains(",a=b,") && text.contains(",''=x,"))
        let result = try Importer.importBytes(exported.contents, path: exported.path, format: .csv)
        #expect(result.vocabularies.first?.concepts.flatMap(\.labels).map(\.text) == labels)
    }

    /// The export edited in a spreadsheet: a row added without id or URI keeps the others'
    /// URIs and gets an id from its term; statuses in another case or in Dutch are read.
    @Test func anEditedExportKeepsItsURIs() throws {
        let exported = try #require(Exporters.exporter(for: .csv).export(fixture, baseName: "lerarenopleiding").first)
        var text = String(decoding: exported.contents, as: UTF8.self)
        text += ",,nl,Praktijk Coach,preferred,,,werkplekbegeleider,,\r\n"
        text += ",,nl,stagecoach,Verouderd,Praktijk Coach,,,,\r\n"
        text = text.replacingOccurrences(of: ",deprecated,", with: ",DEPRECATED,")
        let result = try Importer.importBytes(Array(text.utf8), path: exported.path, format: .csv)
        let vocabulary = try #require(result.vocabularies.first)
        #expect(vocabulary.uri == fixture.vocabularies[0].uri)
        #expect(vocabulary.concepts.count == fixture.count + 1)
        let added = try #require(vocabulary.concepts.last)
        #expect(added.id == "praktijk-coach" && added.mappings.isEmpty)
        #expect(added.labels.map { "\($0.kind) \($0.text)" } == ["preferred Praktijk Coach", "deprecated stagecoach"])
        let deprecatedLabels = { (vocabulary: Vocabulary) in
            vocabulary.concepts.flatMap(\.labels).filter { $0.kind == .deprecated }.count
        }
        #expect(deprecatedLabels(vocabulary) == deprecatedLabels(fixture.vocabularies[0]) + 1)
    }

    /// A row added without an id joins the concept of its preferred term when the sheet has
    /// it; a row with a URI but no id keeps the id its URI ends in.
    @Test func rowsAddedByHandFindTheirConcept() throws {
        let text = """
            concept_id,uri,language,label,status,preferred_label,definition,broader,deprecated,replaced_by
            wpb,https://ex.org/c/wpb,nl,werkplekbegeleider,preferred,werkplekbegeleider,,,,
            coach,https://ex.org/c/coach,nl,coach,preferred,coach,,,,
            ,,nl,mentor,deprecated,werkplekbegeleider,,,,
            ,https://ex.org/c/k42,nl,kwartiermaker,preferred,kwartiermaker,,,,

            """
        let result = try Importer.importBytes(Array(text.utf8), path: "export.csv", format: .csv)
        let vocabulary = try #require(result.vocabularies.first)
        #expect(vocabulary.concepts.map(\.id) == ["wpb", "coach", "k42"])
        #expect(vocabulary.concepts[0].labels.map(\.text) == ["werkplekbegeleider", "mentor"])
        #expect(vocabulary.uri == "https://ex.org/c/" && vocabulary.concepts.allSatisfy(\.mappings.isEmpty))
    }

    /// A quote opens a quoted field at its start (or after spaces when the field ends at its
    /// closing quote), elsewhere it is text; a quoted field goes on to its closing quote, then
    /// to the separator.
    @Test func aQuoteInsideAFieldIsText() throws {
        let text =
            "preferred,outdated,language\nab\"c,\"d\"e,nl\n\"x\" y,\"z, of z\",nl\n12\" scherm,beeldscherm,nl\nmentor,  \"oud, ouder\",nl\n"
            + "plek, \"Werkplek\" is de plek,nl\n"
        let result = try Importer.importBytes(Array(text.utf8), path: "lijst.csv", format: .csv)
        let labels = try #require(result.vocabularies.first).concepts.map { $0.labels.map(\.text) }
        #expect(
            labels == [
                ["ab\"c", "de"], ["x y", "z, of z"], ["12\" scherm", "beeldscherm"], ["mentor", "oud, ouder"],
                ["plek", "\"Werkplek\" is de plek"],
            ])
    }

    /// Input that would import as other data than it holds is refused, naming the place:
    /// bytes that are not UTF-8, a quoted field without its end, a row with more fields than
    /// the header (a Dutch sheet with one `;` too many), a language that is no tag.
    @Test(
        arguments: [
            (Array("preferred,outdated\nmentor,oud\n".utf8) + [0x66, 0xE9, 0x65, 0x0A], "lijst.csv:3:2: error: invalid UTF-8"),
            (Array("preferred,outdated\nmentor,\"oud\ncoach,x\n".utf8), "lijst.csv:2:8: error: a quoted field that does not end"),
            (
                Array("preferred;outdated;language\r\nwerkplekbegeleider;mentor; praktijkbegeleider;nl\r\n".utf8),
                "lijst.csv:2:47: error: line 2 has more fields than the header has columns (3)"
            ),
            (
                Array("preferred,outdated,language\nmentor,oud,Nederlands\n".utf8),
                "lijst.csv:2:12: error: 'Nederlands' in column 'language'"
            ),
            // Well-formed, but a tag of no language.
            (
                Array("preferred,outdated,language\nmentor,oud,Dutch\n".utf8),
                "lijst.csv:2:12: error: 'Dutch' in column 'language'"
            ),
        ] as [([UInt8], String)])
    func malformedSheetsAreRefusedWithTheirPlace(bytes: [UInt8], message: String) {
        #expect {
            try Importer.importBytes(bytes, path: "lijst.csv", format: .csv)
        } throws: { error in
            (error as? ImportError)?.description.hasPrefix(message) == true
        }
    }

    @Test(arguments: ["", "preferred,outdated,language\n", "\u{FEFF}preferred;outdated\r\n;oud\r\n"])
    func aSheetWithoutRowsSaysSo(text: String) {
        #expect(throws: ImportError.noRows(path: "lijst.csv")) {
            try Importer.importBytes(Array(text.utf8), path: "lijst.csv", format: .csv)
        }
    }

    @Test func trailingEmptyFieldsAreFine() throws {
        let text = "preferred;outdated;language\nwerkplekbegeleider;mentor;nl;;\n"
        let result = try Importer.importBytes(Array(text.utf8), path: "lijst.csv", format: .csv)
        #expect(result.vocabularies.first?.concepts.first?.labels.map(\.text) == ["werkplekbegeleider", "mentor"])
    }

    /// A spreadsheet saves the deprecation flag back as TRUE.
    @Test func aDeprecationWrittenAsTRUEStays() throws {
        let text =
            "concept_id,uri,language,label,status,preferred_label,definition,broader,deprecated,replaced_by\r\n"
            + "oud,urn:x:oud,nl,stagementor,preferred,stagementor,,,TRUE,nieuw\r\nnieuw,urn:x:nieuw,nl,werkplekbegeleider,preferred,"
            + "werkplekbegeleider,,,,\r\n"
        let concepts = try #require(try Importer.importBytes(Array(text.utf8), path: "x.csv", format: .csv).vocabularies.first)
            .concepts
        #expect(concepts.map(\.isDeprecated) == [true, false] && concepts[0].replacedBy == "nieuw")
    }

    @Test func aSheetWithoutAPreferredColumnIsRefused() {
        #expect(throws: ImportError.self) {
            try Importer.importBytes(Array("a,b\n1,2\n".utf8), path: "x.csv", format: .csv)
        }
    }
}
