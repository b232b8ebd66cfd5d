import Foundation
import VaktaalCore
import VaktaalTestSupport

@testable import VaktaalLint

/// Builds office packages for tests: ZIP archives of stored entries with exactly the XML a
/// test needs, and the means to break them (flags, declared sizes, names).
struct TestPackage {
    struct Entry {
        var name: String
        var bytes: [UInt8]
        var flags: UInt16 = 0
        /// A size to declare instead of the real one.
        var declaredSize: UInt32?
    }

    var entries: [Entry]

    init(_ parts: [(String, String)]) {
        entries = parts.map { Entry(name: $0.0, bytes: Array($0.1.utf8)) }
    }

    /// The ZIP archive.
    var bytes: [UInt8] {
        var output: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let offset = output.count
            let name = Array(entry.name.utf8)
            let crc = Self.crc32(entry.bytes)
            let size = entry.declaredSize ?? UInt32(entry.bytes.count)
            var header: [UInt8] = []
            Self.put32(&header, 0x0403_4B50)
            Self.put16(&header, 20)
            Self.put16(&header, entry.flags)
            Self.put16(&header, 0)
            Self.put32(&header, 0)
            Self.put32(&header, crc)
            Self.put32(&header, UInt32(entry.bytes.count))
            Self.put32(&header, size)
            Self.put16(&header, UInt16(name.count))
            Self.put16(&header, 0)
            output += header + name + entry.bytes
            var record: [UInt8] = []
            Self.put32(&record, 0x0201_4B50)
            Self.put16(&record, 20)
            Self.put16(&record, 20)
            Self.put16(&record, entry.flags)
            Self.put16(&record, 0)
            Self.put32(&record, 0)
            Self.put32(&record, crc)
            Self.put32(&record, UInt32(entry.bytes.count))
            Self.put32(&record, size)
            Self.put16(&record, UInt16(name.count))
            Self.put16(&record, 0)
            Self.put16(&record, 0)
            Self.put16(&record, 0)
            Self.put16(&record, 0)
            Self.put32(&record, 0)
            Self.put32(&record, UInt32(offset))
            directory += record + name
        }
        let directoryOffset = output.count
        output += directory
        var end: [UInt8] = []
        Self.put32(&end, 0x0605_4B50)
        Self.put16(&end, 0)
        Self.put16(&end, 0)
        Self.put16(&end, UInt16(entries.count))
        Self.put16(&end, UInt16(entries.count))
        Self.put32(&end, UInt32(directory.count))
        Self.put32(&end, UInt32(directoryOffset))
        Self.put16(&end, 0)
        return output + end
    }

    private static func put16(_ bytes: inout [UInt8], _ value: UInt16) {
        bytes += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    private static func put32(_ bytes: inout [UInt8], _ value: UInt32) {
        for shift in [0, 8, 16, 24] { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    // MARK: - Documents

    static let wordNamespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
        + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
        + "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""

    static func rootRelationships(_ target: String) -> String {
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            + "officeDocument\" Target=\"\(target)\"/></Relationships>"
    }

    /// A Word document whose body is `body`, with a styles part declaring `language`.
    static func word(_ body: String, language: String = "nl-NL") -> TestPackage {
        TestPackage([
            ("_rels/.rels", rootRelationships("word/document.xml")),
            ("word/document.xml", "<?xml version=\"1.0\"?><w:document \(wordNamespaces)><w:body>\(body)</w:body></w:document>"),
            (
                "word/_rels/document.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    + "styles\" Target=\"styles.xml\"/></Relationships>"
            ),
            (
                "word/styles.xml",
                "<w:styles \(wordNamespaces)><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"\(language)\"/>"
                    + "</w:rPr></w:rPrDefault></w:docDefaults></w:styles>"
            ),
        ])
    }

    static let drawingNamespaces =
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        + "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    /// A presentation of slides whose shape trees are `slides`, listed in `order` (indexes
    /// into `slides`), each with optional notes.
    static func presentation(_ slides: [String], order: [Int]? = nil, notes: [Int: String] = [:]) -> TestPackage {
        let order = order ?? Array(slides.indices)
        var parts: [(String, String)] = [
            ("_rels/.rels", rootRelationships("ppt/presentation.xml")),
            (
                "ppt/presentation.xml",
                "<p:presentation \(drawingNamespaces)><p:sldIdLst>"
                    + order.map { "<p:sldId id=\"\(256 + $0)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
                    + "</p:sldIdLst><p:defaultTextStyle><a:lvl1pPr><a:defRPr lang=\"nl-NL\"/></a:lvl1pPr>"
                    + "</p:defaultTextStyle></p:presentation>"
            ),
            (
                "ppt/_rels/presentation.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + slides.indices.map {
                        "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                            + "relationships/slide\" Target=\"slides/slide\($0 + 1).xml\"/>"
                    }.joined() + "</Relationships>"
            ),
        ]
        for (index, tree) in slides.enumerated() {
            parts.append(
                (
                    "ppt/slides/slide\(index + 1).xml",
                    "<p:sld \(drawingNamespaces)><p:cSld><p:spTree>\(tree)</p:spTree></p:cSld></p:sld>"
                ))
            if let note = notes[index] {
                parts.append(
                    (
                        "ppt/slides/_rels/slide\(index + 1).xml.rels",
                        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rIdN\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                            + "relationships/notesSlide\" Target=\"../notesSlides/notesSlide\(index + 1).xml\"/></Relationships>"
                    ))
                parts.append(
                    (
                        "ppt/notesSlides/notesSlide\(index + 1).xml",
                        "<p:notes \(drawingNamespaces)><p:cSld><p:spTree>\(note)</p:spTree></p:cSld></p:notes>"
                    ))
            }
        }
        return TestPackage(parts)
    }

    /// A shape with one text body of `paragraphs` (DrawingML `a:p` elements).
    static func shape(_ paragraphs: String, description: String? = nil) -> String {
        let described = description.map { " descr=\"\($0)\"" } ?? ""
        return
            "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Tekst\"\(described)/></p:nvSpPr><p:txBody>\(paragraphs)</p:txBody></p:sp>"
    }

    /// An OpenDocument text whose `office:text` is `body`.
    static func openDocumentText(_ body: String) -> TestPackage {
        TestPackage([
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            (
                "content.xml",
                "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                    + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                    + "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
                    + "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\">"
                    + "<office:body><office:text>\(body)</office:text></office:body></office:document-content>"
            ),
        ])
    }
}

/// The office fixtures made by `Tests/Interop/make_office_fixtures.py`.
func officeFixture(_ name: String) throws -> [UInt8] {
    guard let bytes = FileBytes.read(fixturesFolder + "/Office/" + name) else {
        throw DocumentProblem.notFound
    }
    return bytes
}

/// The findings of an office document as `place, column match rule` lines.
func officeFindings(_ bytes: [UInt8], format: DocumentFormat, linter: Linter = dutchLinter) -> [String] {
    let result = linter.lint(bytes, path: "t", format: format)
    if let problem = result.problem { return ["problem: \(problem)"] }
    return result.findings.map { finding in
        "\(finding.documentPlace.map { "\($0)" } ?? "-"), column \(finding.column) \(finding.match ?? "") \(finding.rule)"
    }
}

/// The text of a part of a package.
func partText(_ package: [UInt8], _ name: String) throws -> String {
    let opened = try ZIPPackage(package)
    return String(decoding: try opened.part(name) ?? [], as: UTF8.self)
}

/// A document fixed with its own safe fixes.
func fixedOffice(_ bytes: [UInt8], format: DocumentFormat, linter: Linter = dutchLinter) throws -> (bytes: [UInt8], applied: Int)
{
    let findings = linter.lint(bytes, path: "t", format: format).findings
    return try Linter.applyingFixes(findings, to: bytes, format: format, options: linter.options.reading)
}
