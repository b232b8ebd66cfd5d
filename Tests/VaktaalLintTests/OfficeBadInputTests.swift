import Foundation
import Testing
import VaktaalCore
import VaktaalTestSupport
import VaktaalText

@testable import VaktaalLint

/// Broken, hostile and password-protected packages: each is one clear problem for its file,
/// nothing is written, and the other files are still linted.
@Suite struct OfficeBadInputTests {
    static let paragraph = "<w:p><w:r><w:t>De mentor.</w:t></w:r></w:p>"

    func problem(_ bytes: [UInt8], _ format: DocumentFormat = .docx) -> DocumentProblem? {
        dutchLinter.lint(bytes, path: "t", format: format).problem
    }

    @Test func bytesThatAreNoZIPArchive() {
        #expect(problem(Array("Dit is geen Word-bestand.".utf8)) == .package(.notAZIP))
        #expect(problem([]) == .package(.notAZIP))
        var truncated = TestPackage.word(Self.paragraph).bytes
        truncated.removeLast(30)
        #expect(problem(truncated) == .package(.damaged(reason: "no end of central directory record")))
    }

    @Test func passwordProtectedDocuments() {
        // Office keeps an encrypted document in a compound file with an EncryptedPackage stream.
        let compound =
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 500)
            + Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(problem(compound) == .package(.encrypted))
        var flagged = TestPackage.word(Self.paragraph)
        flagged.entries[1].flags = 1
        #expect(problem(flagged.bytes) == .package(.encrypted))
        var openDocument = TestPackage.openDocumentText("<text:p>mentor</text:p>")
        openDocument.entries.append(
            .init(
                name: "META-INF/manifest.xml",
                bytes: Array(
                    ("<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                        + "<manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data/>"
                        + "</manifest:file-entry></manifest:manifest>").utf8)))
        #expect(problem(openDocument.bytes, .odt) == .package(.encrypted))
        // An old binary document renamed is no ZIP, not an encrypted one.
        #expect(
            problem([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 500)) == .package(.notAZIP))
    }

    @Test func packagesWithoutTheirMainPart() {
        var word = TestPackage.word(Self.paragraph)
        word.entries.remove(at: 1)
        #expect(problem(word.bytes) == .package(.missingPart("word/document.xml")))
        #expect(
            problem(TestPackage([("mimetype", "application/vnd.oasis.opendocument.text")]).bytes, .odt)
                == .package(.missingPart("content.xml")))
        var slides = TestPackage.presentation([TestPackage.shape("<a:p/>")])
        slides.entries.removeAll { $0.name == "ppt/slides/slide1.xml" }
        #expect(problem(slides.bytes, .pptx) == .package(.missingPart("ppt/slides/slide1.xml")))
    }

    /// A presentation saved as `.docx`, or a Word document as `.pptx`, is one clear problem,
    /// not a document without findings.
    @Test func aMainPartOfAnotherKindOfDocument() {
        let slides = TestPackage.presentation([TestPackage.shape("<a:p><a:r><a:t>De mentor.</a:t></a:r></a:p>")])
        #expect(
            problem(slides.bytes, .docx)
                == .package(.otherDocumentKind(part: "ppt/presentation.xml", found: "p:presentation", expected: "w:document")))
        #expect(
            problem(TestPackage.word(Self.paragraph).bytes, .pptx)
                == .package(.otherDocumentKind(part: "word/document.xml", found: "w:document", expected: "p:presentation")))
        #expect(problem(slides.bytes, .pptx) == nil && problem(TestPackage.word(Self.paragraph).bytes, .docx) == nil)
    }

    @Test func malformedPartsNameThePartLineAndColumn() {
        let broken = TestPackage.word("<w:p><w:r><w:t>mentor</w:r></w:p>")
        guard case .package(.malformedPart(let part, let position, _)) = problem(broken.bytes) else {
            Issue.record("expected a malformed part")
            return
        }
        #expect(part == "word/document.xml" && position.line == 1)
        let description = problem(broken.bytes)?.description ?? ""
        #expect(description.hasPrefix("word/document.xml:1:"), "\(description)")
    }

    @Test func partsWithADoctypeOrEntitiesAreRefused() {
        var package = TestPackage.word(Self.paragraph)
        package.entries[1].bytes = Array(
            ("<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [<!ENTITY x \"mentor\">]>\n<w:document "
                + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&x;</w:t>"
                + "</w:r></w:p></w:body></w:document>").utf8)
        #expect(
            problem(package.bytes)
                == .package(
                    .malformedPart(
                        part: "word/document.xml", position: SourcePosition(line: 2, column: 1),
                        message: XMLErrorMessages.doctype)))
        package.entries[1].bytes = Array(
            ("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
                + "<w:t>&x;</w:t></w:r></w:p></w:body></w:document>").utf8)
        guard case .package(.malformedPart(part: "word/document.xml", _, _)) = problem(package.bytes) else {
            Issue.record("an undeclared entity is malformed XML")
            return
        }
    }

    @Test func zipBombsStopAtTheLimits() throws {
        // 5 MB of spaces in 5 kB: the declared ratio gives it away before anything expands.
        #expect(
            problem(try officeFixture("bomb.docx"))
                == .package(.compressionRatio(part: "word/document.xml", ratio: 999, limit: 100)))
        // Headers that declare less than the data expands to: the stream stops at the declared size.
        #expect(
            problem(try officeFixture("lying-sizes.docx"))
                == .package(.damaged(reason: "the part 'word/document.xml' is longer than its header says")))
        // Many parts that each stay under the limits, but not together.
        guard case .package(.packageTooLarge(let size, let limit)) = problem(try officeFixture("many-parts.pptx"), .pptx) else {
            Issue.record("expected the package to be too large")
            return
        }
        #expect(size > limit && limit < 10_000_000)
        // A part declared larger than 200 MB is not even opened.
        var huge = TestPackage.word(Self.paragraph)
        huge.entries[1].declaredSize = 300_000_000
        #expect(
            problem(huge.bytes) == .package(.partTooLarge(part: "word/document.xml", size: 300_000_000, limit: 209_715_200)))
    }

    /// Two entries of one name leave open which one Word or LibreOffice reads: the package is
    /// refused rather than linted, or fixed, in the one another reader ignores. (OpenDocument
    /// names are case-sensitive: entries that differ in case are two.)
    @Test func entriesThatShareAName() {
        var package = TestPackage.word(Self.paragraph)
        package.entries.append(.init(name: "word/document.xml", bytes: Array("<w:document/>".utf8)))
        #expect(problem(package.bytes) == .package(.damaged(reason: "two entries are named 'word/document.xml'")))
        var openDocument = TestPackage.openDocumentText("<text:p>mentor</text:p>")
        openDocument.entries.append(.init(name: "Content.xml", bytes: Array("<x/>".utf8)))
        #expect(problem(openDocument.bytes, .odt) == nil)
    }

    @Test func pathsThatLeaveThePackage() {
        var entry = TestPackage.word(Self.paragraph)
        entry.entries.append(.init(name: "../../etc/evil.xml", bytes: Array("<x/>".utf8)))
        #expect(problem(entry.bytes) == .package(.pathEscapes("../../etc/evil.xml")))
        var absolute = TestPackage.word(Self.paragraph)
        absolute.entries.append(.init(name: "/etc/evil.xml", bytes: Array("<x/>".utf8)))
        #expect(problem(absolute.bytes) == .package(.pathEscapes("/etc/evil.xml")))
        var target = TestPackage.presentation([TestPackage.shape("<a:p/>")])
        target.entries[2].bytes = Array(
            ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide\" "
                + "Target=\"../../../secret.xml\"/></Relationships>").utf8)
        #expect(problem(target.bytes, .pptx) == .package(.pathEscapes("../../../secret.xml")))
    }

    @Test func badFilesAreReportedNotWrittenAndTheOthersStillLinted() throws {
        let folder = try scratchFolder("bad")
        let bomb = try officeFixture("bomb.docx")
        try Data(bomb).write(to: URL(fileURLWithPath: folder + "/a-bomb.docx"))
        try Data(Array("geen zip".utf8)).write(to: URL(fileURLWithPath: folder + "/b-fake.pptx"))
        try Data(TestPackage.word(Self.paragraph).bytes).write(to: URL(fileURLWithPath: folder + "/c-good.docx"))
        try Data(Array("x".utf8)).write(to: URL(fileURLWithPath: folder + "/~$c-good.docx"))
        let results = try LintRun(set: shippedSet, options: .init(fix: true)).lint([folder])
        #expect(results.map { ($0.path as NSString).lastPathComponent } == ["a-bomb.docx", "b-fake.pptx", "c-good.docx"])
        #expect(results.map { $0.problem == nil } == [false, false, true])
        #expect(FileBytes.read(folder + "/a-bomb.docx") == bomb)
        let good = try #require(FileBytes.read(folder + "/c-good.docx"))
        #expect(try partText(good, "word/document.xml").contains("De werkplekbegeleider."))
    }
}

/// The message of a refused DOCTYPE, as the XML parser gives it.
enum XMLErrorMessages {
    static let doctype =
        "DOCTYPE declarations are not allowed (they can declare entities that read files or explode in size)"
}
