import Testing
import VaktaalText

@testable import VaktaalXML

/// Records every event as a line of text, so tests compare readable dumps.
final class EventRecorder: XMLContentHandler {
    var events: [String] = []

    func startElement(_ tag: XMLStartTag) {
        let attributes = tag.attributes.map { "\($0.name.qualifiedName)=\($0.value)@\($0.position)" }
        let namespace = tag.name.namespaceURI.map { "{\($0)}" } ?? ""
        events.append("start \(namespace)\(tag.name.localName)@\(tag.position) \(attributes.joined(separator: " "))")
    }

    func endElement(_ name: XMLName, at position: SourcePosition) {
        events.append("end \(name.localName)@\(position)")
    }

    func text(_ text: String, at position: SourcePosition) {
        events.append("text \(text.debugDescription)@\(position)")
    }

    func comment(_ text: String, at position: SourcePosition) {
        events.append("comment \(text.debugDescription)@\(position)")
    }
}

func parse(_ source: String) throws(XMLError) -> [String] {
    let recorder = EventRecorder()
    try XMLStreamParser.parse(Array(source.utf8), path: "test.xml", handler: recorder)
    return recorder.events
}

@Suite struct XMLStreamParserTests {
    @Test func reportsElementsAttributesAndTextWithPositions() throws {
        let events = try parse(
            "<a xmlns=\"urn:x\">\n  <b k=\"v\"  x:y='w' xmlns:x=\"urn:y\">tekst &amp; meer</b><!-- a < b --></a>")
        #expect(
            events == [
                "start {urn:x}a@1:1 ",
                "text \"\\n  \"@1:18",
                "start {urn:x}b@2:3 k=v@2:6 x:y=w@2:13",
                "text \"tekst & meer\"@2:37",
                "end b@2:53",
                "comment \" a < b \"@2:57",
                "end a@2:71",
            ])
    }

    /// libxml2 (without entity substitution) hands an ampersand in an attribute value on as
    /// `&#38;`, however it was written; the handler must see the ampersand itself.
    @Test(arguments: ["&amp;", "&#38;", "&#x26;"])
    func decodesAmpersandsInAttributeValues(written: String) throws {
        let events = try parse("<a href=\"q?a=1\(written)b=2\" t=\"&amp;#38; &lt;\"/>")
        #expect(events.first == "start a@1:1 href=q?a=1&b=2@1:4 t=&#38; <@1:\(20 + written.count)")
    }

    /// Without positions the events are the same, each at the start; with those of start
    /// tags only, start tags have theirs and nothing else; errors keep their place in both.
    @Test func positionsCanBeLeftOut() throws {
        let source = "<a xmlns=\"urn:x\">\n  <b k=\"v\">tekst</b><!-- c --><c\n/></a>"
        let withPositions = try parse(source)
        let recorder = EventRecorder()
        try XMLStreamParser.parse(Array(source.utf8), path: "test.xml", handler: recorder, positions: .none)
        #expect(recorder.events.count == withPositions.count)
        #expect(recorder.events.allSatisfy { $0.contains("@1:1") })

        let tagsOnly = EventRecorder()
        try XMLStreamParser.parse(Array(source.utf8), path: "test.xml", handler: tagsOnly, positions: .startTags)
        let starts = tagsOnly.events.filter { $0.hasPrefix("start") }
        #expect(starts == ["start {urn:x}a@1:1 ", "start {urn:x}b@2:3 k=v@1:1", "start {urn:x}c@2:31 "])
        #expect(tagsOnly.events.filter { !$0.hasPrefix("start") }.allSatisfy { $0.contains("@1:1") })
        for positions in [XMLPositions.none, .startTags] {
            #expect(
                throws: XMLError.malformed(
                    path: "test.xml", position: SourcePosition(line: 2, column: 8),
                    message: "Opening and ending tag mismatch: b line 2 and a")
            ) {
                try XMLStreamParser.parse(
                    Array("<a>\n<b></a>".utf8), path: "test.xml", handler: EventRecorder(), positions: positions)
            }
        }
    }

    @Test func tagsAndTextComeWithTheirRawBytes() throws {
        final class Ranges: XMLContentHandler {
            var events: [String] = []
            let source: [UInt8]
            init(_ source: [UInt8]) { self.source = source }
            func text(_ bytes: Range<Int>) -> String { String(decoding: source[bytes], as: UTF8.self) }
            func startElement(_ tag: XMLStartTag) { events.append("start " + text(tag.bytes)) }
            func endElement(_ name: XMLName, at position: SourcePosition) {}
            func endElement(_ name: XMLName, at position: SourcePosition, bytes: Range<Int>) {
                events.append("end " + text(bytes))
            }
            func text(_ text: String, at position: SourcePosition) {}
            func text(_ value: String, at position: SourcePosition, bytes: Range<Int>) {
                events.append("text \(value.debugDescription) " + text(bytes))
            }
            func comment(_ text: String, at position: SourcePosition) {}
        }
        let source = Array(
            "<w:r xmlns:w='urn:w'><w:t xml:space='preserve'>a &amp; é<![CDATA[<x>]]><!--c-->b</w:t ><w:tab/></w:r>".utf8)
        let ranges = Ranges(source)
        try XMLStreamParser.parse(source, path: "t.xml", handler: ranges)
        #expect(
            ranges.events == [
                "start <w:r xmlns:w='urn:w'>", "start <w:t xml:space='preserve'>", "text \"a & é<x>\" a &amp; é<![CDATA[<x>]]>",
                "text \"b\" b", "end </w:t >", "start <w:tab/>", "end <w:tab/>", "end </w:r>",
            ])
        // Handlers that know nothing of byte ranges still get every event.
        #expect(try parse("<a>x<b/></a>") == ["start a@1:1 ", "text \"x\"@1:4", "start b@1:5 ", "end b@1:5", "end a@1:9"])
    }

    @Test func columnsCountCodePointsAndAllLineEndings() throws {
        let events = try parse("<a>\r\n<é/>\r<b c=\"😀\" d=\"1\"/>\n\t<é/></a>")
        #expect(events.contains("start é@2:1 "))
        #expect(events.contains("start b@3:1 c=😀@3:4 d=1@3:10"))
        #expect(events.contains("start é@4:2 "))
    }

    @Test func positionsStayExactAcrossChunkBoundaries() throws {
        let filler = String(repeating: "<x>ë</x>\n", count: 60_000)
        let events = try parse("<a>\n\(filler)<last/></a>")
        #expect(events.contains("start last@60002:1 "))
    }

    @Test(arguments: [
        ("<a><b></a>", 1, "Opening and ending tag mismatch"),
        ("<a>\n\n  <b x=1/></a>", 3, "AttValue"),
        ("<a>&undefined;</a>", 1, "Entity 'undefined' not defined"),
        ("<a></a><b/>", 1, "Extra content"),
        ("<a>\u{1}</a>", 1, "PCDATA invalid Char value"),
        // Text without a tag (a sheet saved as `.xml`) is no "empty document".
        ("preferred,outdated\nx,y\n", 1, "not XML: text where the document's first element must start"),
        ("\u{FEFF}\n\n   hello <vocabulary/>", 3, "not XML: text where the document's first element must start"),
        ("<?xml version=\"1.0\"?>\nhello", 2, "not XML: text where the document's first element must start"),
    ])
    func malformedXMLNamesTheLine(source: String, line: Int, message: String) {
        #expect {
            try parse(source)
        } throws: { error in
            guard case .malformed(let path, let position, let text) = error as? XMLError else { return false }
            return path == "test.xml" && position.line == line && text.contains(message)
        }
    }

    @Test func invalidUTF8IsMalformedAtItsLine() {
        var bytes = Array("<a>\n<b>ok</b>\n<c>".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("</c></a>".utf8)
        #expect {
            try XMLStreamParser.parse(bytes, path: "bad.xml", handler: EventRecorder())
        } throws: { error in
            guard case .malformed(_, let position, let message) = error as? XMLError else { return false }
            return position.line == 3 && message.contains("UTF-8")
        }
    }

    @Test func emptyAndBinaryFilesAreRecognised() {
        for blank in ["", "  \n", "\u{FEFF}\r\n\t"] {
            #expect(throws: XMLError.empty(path: "e.xml")) {
                try XMLStreamParser.parse(Array(blank.utf8), path: "e.xml", handler: EventRecorder())
            }
        }
        #expect(throws: XMLError.binary(path: "b.xml")) {
            try XMLStreamParser.parse([0x89, 0x50, 0x4E, 0x47, 0, 0, 1], path: "b.xml", handler: EventRecorder())
        }
    }

    /// A file cut short is said to end too soon (libxml2's push parser calls it "extra
    /// content at the end"); content after the root is still extra content.
    @Test(arguments: [
        ("<a>\n  <b>tekst</b>\n  <c>", "2 elements are still open"), ("<a>\n<b/>", "an element is still open"),
        ("<a/><b/>", "Extra content at the end of the document"),
    ])
    func aFileCutShortIsSaidToEndTooSoon(xml: String, message: String) {
        #expect {
            try XMLStreamParser.parse(Array(xml.utf8), path: "cut.xml", handler: EventRecorder())
        } throws: { error in
            guard case .malformed(_, _, let said) = error as? XMLError else { return false }
            return said.contains(message)
        }
    }

    /// A UTF-16 file (Notepad's "Unicode", with or without its byte order mark, either byte
    /// order) is named as such, with what to do, not as binary.
    @Test(arguments: [[UInt8(0xFF), 0xFE], [0xFE, 0xFF], []])
    func utf16FilesAreNamedAsSuch(byteOrderMark: [UInt8]) {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>tekst</a>"
        let units = text.utf16.flatMap { unit in
            byteOrderMark == [0xFE, 0xFF] ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(throws: XMLError.utf16(path: "u.xml")) {
            try XMLStreamParser.parse(byteOrderMark + units, path: "u.xml", handler: EventRecorder())
        }
        #expect(XMLError.utf16(path: "u.xml").description.hasSuffix("save it as UTF-8"))
    }

    /// A buffer (a mapped file's bytes) parses as the array with the same bytes does: the same
    /// events, and the same error for empty, binary, invalid and malformed input.
    @Test(arguments: [
        Array("<a x=\"1\">\n<b>tekst</b><!-- c --></a>".utf8), [], [0x89, 0x50, 0x4E, 0x47, 0, 0, 1],
        Array("<a>\n<c>".utf8) + [0xFF] + Array("</c></a>".utf8), Array("<a>\n<b></a>".utf8),
    ])
    func aBufferParsesAsTheArrayWithItsBytes(_ bytes: [UInt8]) {
        func outcome(_ parse: (EventRecorder) throws(XMLError) -> Void) -> (events: [String], error: XMLError?) {
            let recorder = EventRecorder()
            do throws(XMLError) {
                try parse(recorder)
                return (recorder.events, nil)
            } catch {
                return (recorder.events, error)
            }
        }
        let fromArray = outcome { recorder throws(XMLError) in
            try XMLStreamParser.parse(bytes, path: "a.xml", handler: recorder, positions: .all)
        }
        let fromBuffer = outcome { recorder throws(XMLError) in
            try bytes.withUnsafeBufferPointer { (buffer) throws(XMLError) in
                try XMLStreamParser.parse(buffer, path: "a.xml", handler: recorder, positions: .all)
            }
        }
        #expect(fromBuffer.events == fromArray.events)
        #expect(fromBuffer.error == fromArray.error)
        #expect(!fromArray.events.isEmpty || fromArray.error != nil)
    }

    @Test func externalEntitiesAreRefusedAndNeverRead() {
        let source = """
            <?xml version="1.0"?>
            <!DOCTYPE a [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <a>&secret;</a>
            """
        let recorder = EventRecorder()
        #expect(throws: XMLError.doctypeNotAllowed(path: "x.xml", position: SourcePosition(line: 2, column: 1))) {
            try XMLStreamParser.parse(Array(source.utf8), path: "x.xml", handler: recorder)
        }
        #expect(!recorder.events.joined().contains("root:"))
    }

    @Test func entityBombStopsAtTheDoctype() {
        var source = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            source += "<!ENTITY lol\(level) \"\(String(repeating: "&\(previous);", count: 10))\">\n"
        }
        source += "]>\n<lolz>&lol9;</lolz>"
        let recorder = EventRecorder()
        #expect(throws: XMLError.self) {
            try XMLStreamParser.parse(Array(source.utf8), path: "bomb.xml", handler: recorder)
        }
        #expect(recorder.events.isEmpty)
    }

    @Test func deepNestingIsLimitedNotACrash() {
        let depth = 100_000
        let source = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect {
            try parse(source)
        } throws: { error in
            (error as? XMLError)?.message.contains("nested more than 256") == true
        }
    }
}

@Suite struct UTF8ValidationTests {
    @Test(
        arguments: [
            ([0x61, 0xC3, 0xA9], nil),
            ([0x61, 0xE9, 0x3C], 1),
            ([0xC0, 0x80], 0),  // overlong
            ([0xED, 0xA0, 0x80], 0),  // surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // beyond U+10FFFF
            ([0x61, 0xF0, 0x9F, 0x98], 1),  // truncated
            ([0xF0, 0x9F, 0x98, 0x80], nil),
        ] as [([UInt8], Int?)])
    func findsTheFirstInvalidByte(bytes: [UInt8], expected: Int?) {
        #expect(bytes.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset) == expected)
    }

    @Test func aDeclaredLatin1DocumentIsLeftToLibxml2() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>caf".utf8)
        bytes += [0xE9]
        bytes += Array("</a>".utf8)
        let recorder = EventRecorder()
        try XMLStreamParser.parse(bytes, path: "latin1.xml", handler: recorder)
        #expect(recorder.events.contains("text \"café\"@2:4"))
    }
}
