import CLibXML2
import VaktaalText

/// A streaming (SAX) XML parser over libxml2 that reports exact positions and refuses
/// everything unsafe.
///
/// - The parse never fetches over the network (`XML_PARSE_NONET`), never substitutes
///   entities (no `XML_PARSE_NOENT`) and keeps libxml2's size and depth limits (no
///   `XML_PARSE_HUGE`).
/// - A `<!DOCTYPE` stops the parse with ``XMLError/doctypeNotAllowed(path:position:)``, so
///   neither external entities nor entity-expansion bombs get a chance. Formats whose files
///   name their DTD (TBX's `<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`) may accept a
///   DOCTYPE without an internal subset: the DTD is never loaded, so nothing gets declared.
/// - Positions are computed from byte offsets in the caller's buffer: lines and columns
///   in code points, pointing at the `<` of a tag and at the first letter of an attribute.
public enum XMLStreamParser {
    /// Never with `XML_PARSE_RECOVER`: a large vocabulary file is read in pieces, and a piece
    /// cut inside a comment or a deeper element must fail to parse (VaktaalCore's `PieceReader`).
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    static let chunkSize = 1 << 18
    /// The deepest nesting accepted, as libxml2's own tree builder allows.
    static let maximumDepth = 256

    /// Parses `bytes` and reports its content to `handler`, every event with its position.
    ///
    /// - Parameters:
    ///   - bytes: The document's bytes (UTF-8 unless it declares another encoding).
    ///   - path: The file name used in errors.
    ///   - handler: Receives elements, text and comments in document order.
    /// - Throws: ``XMLError`` for empty, binary, malformed or DOCTYPE-bearing input. The
    ///   handler may have received part of the document before the error.
    ///   - acceptsDTDName: Accept a DOCTYPE that only names a DTD (`SYSTEM` or `PUBLIC`,
    ///     no `[` internal subset): it is never loaded.
    public static func parse(
        _ bytes: [UInt8], path: String, handler: any XMLContentHandler, acceptsDTDName: Bool = false
    ) throws(XMLError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(XMLError) in
            try parse(buffer, path: path, handler: handler, positions: .all, acceptsDTDName: acceptsDTDName)
        }
    }

    /// Parses `bytes` and reports its content to `handler`, with the positions asked for.
    ///
    /// - Parameters:
    ///   - bytes: The document's bytes (UTF-8 unless it declares another encoding).
    ///   - path: The file name used in errors.
    ///   - handler: Receives elements, text and comments in document order.
    ///   - positions: Which events carry their line and column (see ``XMLPositions``);
    ///     ``XMLError``s always have theirs.
    /// - Throws: ``XMLError`` for empty, binary, malformed or DOCTYPE-bearing input. The
    ///   handler may have received part of the document before the error.
    public static func parse(
        _ bytes: [UInt8], path: String, handler: any XMLContentHandler, positions: XMLPositions
    ) throws(XMLError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(XMLError) in
            try parse(buffer, path: path, handler: handler, positions: positions)
        }
    }

    /// Parses the bytes in `buffer` (which stay where they are for the call) as an array's
    /// bytes are parsed.
    public static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, path: String, handler: any XMLContentHandler, positions: XMLPositions,
        acceptsDTDName: Bool = false
    ) throws(XMLError) {
        _ = libxmlReady
        // A file of white space alone is as empty (libxml2 would say "extra content").
        if firstContentOffset(in: buffer) == nil { throw .empty(path: path) }
        if buffer.prefix(8192).contains(0) {
            throw UTF16Detection.looksLikeUTF16(buffer) ? .utf16(path: path) : .binary(path: path)
        }
        if !EncodingDeclaration.declaresOtherEncoding(buffer), let offset = UTF8Validation.firstInvalidOffset(in: buffer) {
            var tracker = LineIndex(bytes: buffer)
            let byte = "0x" + String(buffer[offset], radix: 16, uppercase: true)
            throw .malformed(
                path: path, position: tracker.position(at: offset),
                message: "invalid UTF-8 (byte \(byte)): save the file as UTF-8")
        }
        let session = ParseSession(
            buffer: buffer, path: path, handler: handler, positions: positions, acceptsDTDName: acceptsDTDName)
        if let failure = session.run() { throw failure }
    }
}

/// Which events of a parse carry their line and column; the others have
/// ``SourcePosition/start``. Fewer positions parse faster: a reader that needs a place only
/// to report a problem can parse without them and, when it found one, parse again with all.
public enum XMLPositions: Sendable {
    /// No event has a position.
    case none
    /// Start tags have theirs; attributes, text, comments and end tags do not.
    case startTags
    /// Every event has its position.
    case all
}

/// The state of one parse; libxml2's callbacks reach it through the context's user data.
///
/// One parse runs on one thread and libxml2 never calls back while a callback runs, so no
/// two accesses to the mutable state can overlap: the dynamic exclusivity checks (a tenth
/// of the time of a parse) are left out.
final class ParseSession {
    let buffer: UnsafeBufferPointer<UInt8>
    let path: String
    let handler: any XMLContentHandler
    @exclusivity(unchecked) var context: xmlParserCtxtPtr?
    @exclusivity(unchecked) var tracker: LineIndex
    /// The character data gathered since the last markup is `pendingText[..<pendingCount]`:
    /// the buffer keeps its size from run to run, so gathering text allocates only while the
    /// buffer grows to the longest run, and clears nothing.
    @exclusivity(unchecked) private var pendingText: [UInt8] = []
    @exclusivity(unchecked) private var pendingCount = 0
    @exclusivity(unchecked) var textStartOffset = 0
    @exclusivity(unchecked) var failure: XMLError?
    @exclusivity(unchecked) var depth = 0
    /// The attribute list of the last start tag, to be filled again for the next one.
    @exclusivity(unchecked) var spareAttributes: [XMLAttribute] = []
    /// Whether start tags carry their positions.
    let startTagPositions: Bool
    /// Whether attributes, text, comments and end tags carry theirs.
    let allPositions: Bool
    /// The names and namespace URIs met so far.
    @exclusivity(unchecked) private var names: NameTable

    /// Whether a DOCTYPE that only names its DTD is accepted (``XMLStreamParser``).
    let acceptsDTDName: Bool

    init(
        buffer: UnsafeBufferPointer<UInt8>, path: String, handler: any XMLContentHandler, positions: XMLPositions,
        acceptsDTDName: Bool
    ) {
        self.acceptsDTDName = acceptsDTDName
        self.buffer = buffer
        self.path = path
        self.handler = handler
        self.tracker = LineIndex(bytes: buffer)
        names = NameTable(shared: [xmlNamespaceURI] + handler.sharedNames)
        allPositions = positions == .all
        startTagPositions = positions != .none
    }

    func run() -> XMLError? {
        var sax = Self.makeHandler()
        let userData = Unmanaged.passUnretained(self).toOpaque()
        // `parse` refuses empty input, so the buffer has an address.
        guard let start = buffer.baseAddress else { return .empty(path: path) }
        let base = start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { $0 }
        let head = Int32(min(4, buffer.count))
        guard let context = xmlCreatePushParserCtxt(&sax, userData, base, head, path) else {
            return .malformed(path: path, position: SourcePosition(line: 1, column: 1), message: "out of memory")
        }
        self.context = context
        defer {
            xmlFreeParserCtxt(context)
            self.context = nil
        }
        xmlCtxtUseOptions(context, XMLStreamParser.options)
        var offset = Int(head)
        repeat {
            let length = min(XMLStreamParser.chunkSize, buffer.count - offset)
            let isLast = offset + length == buffer.count
            let status = xmlParseChunk(context, base + offset, Int32(length), isLast ? 1 : 0)
            offset += length
            if status != 0 || failure != nil { break }
        } while offset < buffer.count
        if failure == nil, context.pointee.wellFormed == 0 {
            failure = .malformed(path: path, position: currentPosition(), message: "the document is not well-formed")
        }
        if failure == nil { flushText(upTo: buffer.count) }
        return failure
    }

    /// The `String` for a name from libxml2's dictionary (see ``NameTable``); `""` for none.
    func interned(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return names.name(pointer)
    }

    // MARK: - Positions

    /// The byte offset libxml2 has reached in the original input.
    var consumedOffset: Int {
        guard let context else { return 0 }
        return Int(xmlByteConsumed(context))
    }

    func currentPosition() -> SourcePosition { tracker.position(at: consumedOffset) }

    /// Whether the DOCTYPE declaration whose name and identifiers libxml2 has read up to
    /// `offset` ends there (`>` after white space) rather than going on to an internal
    /// subset (`[`): libxml2 reports the declaration right before it reads either. Anything
    /// else there counts as a subset.
    func doctypeEndsAfterItsIdentifiers(at offset: Int) -> Bool {
        var index = offset
        while index < buffer.count, isXMLSpace(buffer[index]) { index += 1 }
        return index < buffer.count && buffer[index] == UInt8(ascii: ">")
    }

    /// The offset of the `<` that opens the tag ending at or before `end`. Attribute
    /// values cannot hold a raw `<`, so the nearest one back is the tag's own.
    func markupStart(before end: Int) -> Int {
        buffer.lastOffset(of: UInt8(ascii: "<"), before: end) ?? 0
    }

    /// The offset of the `<!--` that opens the comment ending at or before `end`.
    func commentStart(before end: Int) -> Int {
        var index = min(end, buffer.count) - 4
        while index > 0,
            !(buffer[index] == UInt8(ascii: "<") && buffer[index + 1] == UInt8(ascii: "!")
                && buffer[index + 2] == UInt8(ascii: "-") && buffer[index + 3] == UInt8(ascii: "-"))
        {
            index -= 1
        }
        return max(index, 0)
    }

    /// The offset of the `<?` that opens the processing instruction ending at or before `end`.
    func processingInstructionStart(before end: Int) -> Int {
        var index = min(end, buffer.count) - 2
        while index > 0, !(buffer[index] == UInt8(ascii: "<") && buffer[index + 1] == UInt8(ascii: "?")) { index -= 1 }
        return max(index, 0)
    }

    // MARK: - Events

    /// Adds character data libxml2 hands over (a run may come in several pieces).
    func gatherText(_ piece: UnsafeBufferPointer<UInt8>) {
        guard let source = piece.baseAddress, !piece.isEmpty else { return }
        let needed = pendingCount + piece.count
        if needed > pendingText.count {
            pendingText += repeatElement(0, count: max(needed, 2 * pendingText.count) - pendingText.count)
        }
        pendingText.withUnsafeMutableBufferPointer { storage in
            (storage.baseAddress! + pendingCount).update(from: source, count: piece.count)
        }
        pendingCount = needed
    }

    /// Reports the character data gathered since the last markup, which ends at `end`
    /// (the start of the markup that follows it).
    func flushText(upTo end: Int) {
        guard pendingCount > 0 else { return }
        let text = pendingText.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[..<pendingCount]), as: UTF8.self)
        }
        pendingCount = 0
        let start = min(textStartOffset, end)
        let position = allPositions ? tracker.position(at: textStartOffset) : .start
        handler.text(text, at: position, bytes: start..<max(start, end))
    }

    /// Notes where the markup just reported ends: libxml2 reports a start tag while still
    /// standing on its `>` or `/>`, and other markup after it.
    func markupEnded() {
        var offset = consumedOffset
        if offset > 0, offset <= buffer.count, buffer[offset - 1] == UInt8(ascii: ">") {
            textStartOffset = offset
            return
        }
        if offset < buffer.count, buffer[offset] == UInt8(ascii: "/") { offset += 1 }
        if offset < buffer.count, buffer[offset] == UInt8(ascii: ">") { offset += 1 }
        textStartOffset = offset
    }

    func fail(_ error: XMLError) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    func recordError(_ error: xmlError) {
        guard failure == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = error.message.map { String(cString: $0) }?.trimmingTrailingNewlines() ?? ""
        if message.isEmpty { message = "malformed XML" }
        // Fed its last piece inside an element, the push parser says there is "extra content at
        // the end of the document"; what is wrong is that the document ends too soon.
        if error.code == Int32(XML_ERR_DOCUMENT_END.rawValue), depth > 0, consumedOffset >= buffer.count {
            let open = depth == 1 ? "an element is" : "\(depth) elements are"
            message = "the file ends while \(open) still open: it is cut short, or an end tag is missing"
        }
        // libxml2 calls a document "empty" that has text where its first element must start
        // (a sheet saved as `.xml`, or text after the XML declaration): said so, at that text.
        if error.code == Int32(XML_ERR_DOCUMENT_EMPTY.rawValue), let first = firstContentOffset(in: buffer) {
            let offset = buffer[first] == UInt8(ascii: "<") ? consumedOffset : first
            failure = .malformed(
                path: path, position: tracker.position(at: offset),
                message: "not XML: text where the document's first element must start ('<' expected)")
            return
        }
        let position = tracker.position(at: consumedOffset)
        failure = .malformed(path: path, position: position, message: message)
    }
}

/// The offset of the first byte of `buffer` that is not white space or a byte order mark.
private func firstContentOffset(in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
    let start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    return buffer[start...].firstIndex { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while let last = result.last, last.isNewline || last == " " { result.removeLast() }
        return result
    }
}
