import Foundation
import Testing
import VaktaalTestSupport

@testable import VaktaalCore

@Suite struct VocabularyWriterTests {
    func canonical(_ xml: String) throws -> String {
        let (vocabulary, diagnostics) = VocabularyLoader.read(bytes: Array(xml.utf8), path: "in.xml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return VocabularyWriter.xml(for: try #require(vocabulary))
    }

    @Test func writesTheSpecificationExampleCanonically() throws {
        let output = try canonical(specificationExample)
        #expect(
            output.hasPrefix(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\" "
                    + "format=\"1\" id=\"lerarenopleiding\""
            ))
        #expect(output.hasSuffix("</vocabulary>\n"))
        #expect(
            output.contains(
                "\n    <deprecatedLabel xml:lang=\"nl\" plural=\"mentoren; mentors\" since=\"2025-09-01\" "
                    + "exceptions=\"mentor van de klas; mentoruur\">mentor</deprecatedLabel>\n"
            ))
        #expect(output.contains("\n  <concept id=\"stagementor\" deprecated=\"true\" replacedBy=\"werkplekbegeleider\">\n"))
        #expect(!output.contains("\t") && !output.contains("\r"))
    }

    /// A large scheme is written in pieces on all cores: the bytes are those of writing one
    /// concept after the other (streamed, or on one core into a buffer sized from the first
    /// concepts), comments, extension namespaces and indentation included.
    @Test func aLargeSchemeWrittenInPiecesIsWrittenAsOneAfterTheOther() throws {
        let concepts = (0..<5_003).map { index in
            "<!-- c\(index) --><concept id=\"c\(index)\" x:n=\"\(index)\"><prefLabel>begrip \(index) &amp; zo</prefLabel>"
                + "<broader ref=\"c\(index / 2)\"/><x:extra>\(index)</x:extra></concept>"
        }
        let xml = vocabularyXML(concepts.joined()).replacingOccurrences(
            of: "<vocabulary ", with: "<vocabulary xmlns:x=\"https://example.org/x\" ")
        let vocabulary = try #require(load(xml).set.vocabularies.first)
        try #require(vocabulary.concepts.count == 5_003)
        var streamed: [[UInt8]] = []
        VocabularyWriter.write(vocabulary) { streamed.append($0) }
        let whole = VocabularyWriter.bytes(for: vocabulary)
        #expect(whole == Array(streamed.joined()))
        #expect(whole == VocabularyWriter.bytes(for: vocabulary, onAllCores: false), "written on one core, sized ahead")
        let reread = try #require(VocabularyLoader.read(bytes: whole, path: "x").vocabulary)
        #expect(strippingLocations(reread) == strippingLocations(vocabulary))
    }

    @Test func writingIsIdempotentAndLosesNothing() throws {
        let once = try canonical(specificationExample)
        let twice = try canonical(once)
        #expect(once == twice)
        let original = try #require(VocabularyLoader.read(bytes: Array(specificationExample.utf8), path: "x").vocabulary)
        let reread = try #require(VocabularyLoader.read(bytes: Array(once.utf8), path: "x").vocabulary)
        #expect(strippingLocations(original) == strippingLocations(reread))
    }

    @Test func canonicalOrderDoesNotDependOnTheSourceOrder() throws {
        let scrambled = vocabularyXML(
            """
            <concept modified="2025-01-01" id="a" top="true">
              <related ref="a"/><definition>d</definition><hiddenLabel>b</hiddenLabel><broader ref="a"/><prefLabel>a</prefLabel>
            </concept>
            """)
        let output = try canonical(scrambled)
        let expected = """
              <concept id="a" top="true" modified="2025-01-01">
                <prefLabel>a</prefLabel>
                <hiddenLabel>b</hiddenLabel>
                <definition>d</definition>
                <broader ref="a"/>
                <related ref="a"/>
              </concept>

            """
        #expect(output.contains(expected), "\(output)")
    }

    /// A comment inside a concept moves with the child it was written before (or inside), as
    /// a code formatter keeps a comment with the line it describes; one before the end tag stays
    /// last.
    @Test func commentsMoveWithTheChildTheyStandBefore() throws {
        let scrambled = vocabularyXML(
            """
            <concept id="a">
              <!-- about the relation -->
              <related ref="a"/>
              <definition>d<!-- inside the definition --></definition>
              <!-- about the extension -->
              <ex:extra xmlns:ex="urn:ex"/>
              <!-- about the hidden label -->
              <!-- and more about it -->
              <hiddenLabel>b</hiddenLabel>
              <prefLabel>a</prefLabel>
              <!-- at the end -->
            </concept>
            """)
        let output = try canonical(scrambled)
        let expected = """
              <concept id="a">
                <prefLabel>a</prefLabel>
                <!-- about the hidden label -->
                <!-- and more about it -->
                <hiddenLabel>b</hiddenLabel>
                <!-- inside the definition -->
                <definition>d</definition>
                <!-- about the relation -->
                <related ref="a"/>
                <!-- about the extension -->
                <ex:extra/>
                <!-- at the end -->
              </concept>

            """
        #expect(output.contains(expected), "\(output)")
        #expect(try canonical(output) == output)
    }

    /// A comment among the scheme's fields moves with the field it stands before; one before a
    /// field the scheme no longer has comes first.
    @Test func commentsMoveWithTheSchemeFieldTheyStandBefore() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" xmlns:ex="urn:ex" format="1" id="t" uri="urn:t:">
              <!-- the partners' text -->
              <description>D</description>
              <ex:extra/>
              <!-- the name -->
              <title>T</title>
              <concept id="a"><prefLabel>a</prefLabel></concept>
            </vocabulary>
            """
        let output = try canonical(xml)
        #expect(
            output.contains(
                "format=\"1\" id=\"t\" uri=\"urn:t:\">\n  <!-- the name -->\n  <title>T</title>\n"
                    + "  <!-- the partners' text -->\n  <description>D</description>\n  <ex:extra/>\n"), "\(output)")
        #expect(try canonical(output) == output)
        var vocabulary = try #require(VocabularyLoader.read(bytes: Array(output.utf8), path: "x").vocabulary)
        #expect(vocabulary.headerComments.map(\.before) == [.metadata(0), .metadata(1)])
        vocabulary.metadata.removeLast()
        let written = String(decoding: VocabularyWriter.bytes(for: vocabulary), as: UTF8.self)
        #expect(
            written.contains("<!-- the partners' text -->\n  <!-- the name -->\n  <title>T</title>\n  <ex:extra/>"), "\(written)")
    }

    /// Processing instructions before the root (the style sheet a browser shows the file with,
    /// the schema an XML editor checks it against) are kept as written, in their places among
    /// the comments there.
    @Test func processingInstructionsBeforeTheRootAreKept() throws {
        let prolog = """
            <?xml version="1.0" encoding="UTF-8"?>
            <?xml-model href="vocabulary.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
            <!-- Shown in a browser: -->
            <?xml-stylesheet type="text/xsl" href="view.xsl"?>
            <?editor-mark?>
            <!-- last -->

            """
        let xml =
            prolog + """
                <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="t" uri="urn:t:">
                  <concept id="a"><prefLabel>a</prefLabel></concept>
                </vocabulary>
                """
        let output = try canonical(xml)
        #expect(output.hasPrefix(prolog.replacingOccurrences(of: "\n\n", with: "\n") + "<vocabulary "), "\(output)")
        #expect(try canonical(output) == output)
        let vocabulary = try #require(VocabularyLoader.read(bytes: Array(xml.utf8), path: "x").vocabulary)
        #expect(vocabulary.prologInstructions.map(\.target) == ["xml-model", "xml-stylesheet", "editor-mark"])
        #expect(vocabulary.prologInstructions.map(\.data).last == "")
    }

    /// Comments and processing instructions after the root (a licence note, an editor's mark)
    /// stay after it, in their order; the last comment inside the root stays inside.
    @Test func whatFollowsTheRootIsKeptAfterIt() throws {
        let epilog = """
            <!-- Licensed under CC BY 4.0. -->
            <?editor-mark saved="2026-12-05"?>
            <!-- end -->
            <?last?>

            """
        let xml =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="t" uri="urn:t:">
              <concept id="a"><prefLabel>a</prefLabel></concept>
              <!-- inside -->
            </vocabulary>

            """ + epilog
        let output = try canonical(xml)
        #expect(output.hasSuffix("  <!-- inside -->\n</vocabulary>\n" + epilog), "\(output)")
        #expect(try canonical(output) == output)
        let (vocabulary, diagnostics) = VocabularyLoader.read(bytes: Array(xml.utf8), path: "x")
        #expect(diagnostics.isEmpty)
        #expect(vocabulary?.epilogComments == [" Licensed under CC BY 4.0. ", " end "])
        #expect(vocabulary?.epilogInstructions.map(\.commentsBefore) == [1, 2])
    }

    /// A processing instruction inside the root has no place in the canonical layout: reading
    /// the file warns of it, where it stands (formatting then leaves the file alone).
    @Test(arguments: [
        ("<?page break?><concept id=\"a\"/>", 3, 1),
        ("<concept id=\"a\"><prefLabel>a<?oxy_comment_start author=\"x\"?></prefLabel></concept>", 3, 29),
    ])
    func aProcessingInstructionInsideTheRootIsReported(body: String, line: Int, column: Int) throws {
        let (vocabulary, diagnostics) = VocabularyLoader.read(bytes: Array(vocabularyXML(body).utf8), path: "x")
        #expect(vocabulary != nil)
        #expect(diagnostics.map(\.rule) == [ReaderRule.unkeptProcessingInstruction.id])
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == "\(line):\(column)")
    }

    /// A comment whose child is gone (a tool removed the label) is written before the end tag.
    @Test func aCommentBeforeAChildThatIsGoneComesLast() throws {
        var vocabulary = try #require(
            VocabularyLoader.read(
                bytes: Array(
                    vocabularyXML("<concept id=\"a\"><prefLabel>a</prefLabel><!-- c --><altLabel>b</altLabel></concept>").utf8),
                path: "x"
            ).vocabulary)
        #expect(vocabulary.concepts[0].innerComments == [InnerComment(" c ", before: .label(1))])
        vocabulary.concepts[0].labels.removeLast()
        let written = String(decoding: VocabularyWriter.bytes(for: vocabulary), as: UTF8.self)
        #expect(written.contains("    <prefLabel>a</prefLabel>\n    <!-- c -->\n  </concept>"), "\(written)")
    }

    @Test func extensionsCommentsAndEscapesSurviveARoundTrip() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- bestand van de werkgroep -->
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" xmlns:dc="http://purl.org/dc/terms/"
                        format="1" id="t" uri="urn:t:" dc:source="seed">
              <!-- kop -->
              <title>R&amp;D &lt;taal&gt;</title>
              <dc:rights>CC0 <dc:note lang="nl">ook <b xmlns="urn:other">vet</b></dc:note></dc:rights>
              <!-- over a -->
              <concept id="a">
                <!-- binnen -->
                <prefLabel xmlns:ex="urn:ex" ex:flag="&quot;ja&quot;">a "b" 'c'</prefLabel>
                <ex:extra xmlns:ex="urn:ex"><ex:item n="1"/><ex:item n="2"/></ex:extra>
              </concept>
              <!-- slot -->
            </vocabulary>
            """
        let once = try canonical(xml)
        let twice = try canonical(once)
        #expect(once == twice)
        for fragment in [
            "<!-- bestand van de werkgroep -->", "<!-- kop -->", "<!-- over a -->", "<!-- binnen -->", "<!-- slot -->",
            "R&amp;D &lt;taal&gt;", "dc:source=\"seed\"", "ex:flag=\"&quot;ja&quot;\"", "a \"b\" 'c'",
            "<b xmlns=\"urn:other\">vet</b>", "<ex:item n=\"2\"/>", "xmlns:ex=\"urn:ex\"",
        ] {
            #expect(once.contains(fragment), "\(fragment) missing in\n\(once)")
        }
    }

    /// The root declares a prefix with the namespace it is first used with, however many
    /// concepts come between (a large scheme's concepts are looked through in ranges); a
    /// later use with another namespace declares it where it is used.
    @Test func aPrefixIsDeclaredForItsFirstNamespace() throws {
        let plain = (0..<10_000).map { "<concept id=\"c\($0)\"><prefLabel>c\($0)</prefLabel></concept>" }
        func tagged(_ id: String, _ namespace: String) -> String {
            "<concept id=\"\(id)\" xmlns:x=\"\(namespace)\" x:n=\"1\"><prefLabel>\(id)</prefLabel></concept>"
        }
        let body = plain[..<7_000].joined() + tagged("early", "urn:early") + plain[7_000...].joined() + tagged("late", "urn:late")
        let written = try canonical(vocabularyXML(body))
        let root = try #require(written.split(separator: "\n").first { $0.hasPrefix("<vocabulary ") })
        #expect(root.contains("xmlns:x=\"urn:early\"") && !root.contains("urn:late"))
        #expect(written.contains("<concept id=\"late\" xmlns:x=\"urn:late\" x:n=\"1\">"))
    }

    @Test func theShippedVocabularyIsCanonical() throws {
        let path = repositoryRoot + "/Vocabulary/lerarenopleiding.xml"
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let (vocabulary, diagnostics) = VocabularyLoader.read(bytes: [UInt8](bytes), path: path)
        #expect(diagnostics.isEmpty)
        #expect(Array(VocabularyWriter.xml(for: try #require(vocabulary)).utf8) == [UInt8](bytes))
    }

    private func strippingLocations(_ vocabulary: Vocabulary) -> Vocabulary {
        var copy = vocabulary
        copy.path = nil
        copy.concepts = copy.concepts.map { concept in
            var concept = concept
            concept.position = nil
            concept.labels = concept.labels.map {
                var label = $0
                label.position = nil
                return label
            }
            concept.notes = concept.notes.map {
                var note = $0
                note.position = nil
                return note
            }
            concept.relations = concept.relations.map {
                var relation = $0
                relation.position = nil
                return relation
            }
            concept.mappings = concept.mappings.map {
                var mapping = $0
                mapping.position = nil
                return mapping
            }
            return concept
        }
        return copy
    }
}

@Suite struct AtomicFileTests {
    @Test func replacesTheFileAndKeepsItsPermissions() throws {
        let folder = try temporaryFolder()
        let path = folder + "/v.xml"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try AtomicFile.write("new ✓", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new ✓")
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["v.xml"])
    }

    @Test func aFileWrittenInPiecesAppearsOnlyWhenCommitted() throws {
        let folder = try temporaryFolder()
        let path = folder + "/big.txt"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let file = try AtomicFileWriter(path: path)
        try file.write(Array("piece one, ".utf8))
        try file.write(Array("piece two".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "piece one, piece two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["big.txt"])
    }

    @Test func aWriterDroppedWithoutCommitLeavesTheOldFileAndNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        let path = folder + "/big.txt"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        do {
            let file = try AtomicFileWriter(path: path)
            try file.write(Array("half of it".utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 2)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["big.txt"])
    }

    /// A symbolic link is followed: the file it names is replaced and the link stays a link.
    @Test func aSymbolicLinkIsFollowed() throws {
        let folder = try temporaryFolder()
        try "old".write(toFile: folder + "/target.docx", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.docx", withDestinationPath: "target.docx")
        try AtomicFile.write("new", to: folder + "/link.docx")
        #expect(try String(contentsOfFile: folder + "/target.docx", encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.docx") == "target.docx")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["link.docx", "target.docx"])
    }

    /// A link to a file that is not there yet (through another link, into another folder)
    /// makes the file where it points, and stays a link.
    @Test func aLinkToAMissingFileMakesIt() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder + "/sub/next", withDestinationPath: "new.xml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.xml", withDestinationPath: "sub/next")
        try AtomicFile.write("new", to: folder + "/link.xml")
        #expect(try String(contentsOfFile: folder + "/sub/new.xml", encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.xml") == "sub/next")
    }

    /// Links that go round in a circle are an error, and every link stays as it was.
    @Test func linksInACircleAreAnError() throws {
        let folder = try temporaryFolder()
        for (link, target) in [("a", "b"), ("b", "c"), ("c", "a")] {
            try FileManager.default.createSymbolicLink(atPath: folder + "/" + link, withDestinationPath: target)
        }
        #expect {
            try AtomicFile.write("new", to: folder + "/a")
        } throws: { error in
            "\(error)".contains("cannot follow the symbolic link")
        }
        for (link, target) in [("a", "b"), ("b", "c"), ("c", "a")] {
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + link) == target)
        }
    }

    /// A file made read-only (no write permission for anyone) is not replaced, also by root.
    @Test func aReadOnlyFileIsNotReplaced() throws {
        let folder = try temporaryFolder()
        let path = folder + "/v.xml"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        #expect(throws: FileWriteError.self) { try AtomicFile.write("new", to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    }

    @Test func aFailedWriteLeavesNothingBehind() throws {
        #expect(throws: FileWriteError.self) { try AtomicFile.write("x", to: "/nonexistent-folder-vaktaal/v.xml") }
        // The rename fails when the target is a folder: the temporary file must go too.
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/v.xml/inside", withIntermediateDirectories: true)
        #expect(throws: FileWriteError.self) { try AtomicFile.write("new", to: folder + "/v.xml") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["v.xml"])
    }
}
