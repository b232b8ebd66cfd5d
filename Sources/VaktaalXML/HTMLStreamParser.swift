import CLibXML2

/// Receives an HTML document from ``HTMLStreamParser``, with raw byte offsets so that the
/// receiver can map everything back to the source.
public protocol HTMLContentHandler: AnyObject {
    /// An element starts (names lowercased, as libxml2's HTML parser gives them).
    func startElement(_ name: String, attributes: [(name: String, value: String)])
    /// An element ends (also for elements the parser closes implicitly).
    func endElement(_ name: String)
    /// Character data, as the raw byte range of the source (entities not yet decoded).
    func text(_ range: Range<Int>)
    /// A comment, its text and the offset of its `<!--`.
    func comment(_ text: String, at offset: Int)
}

/// Reads HTML with libxml2's forgiving HTML parser, safely: no network, no entity
/// substitution, errors recovered rather than reported (browsers read broken HTML too).
public enum HTMLStreamParser {
    static let options = Int32(
        HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue)

    /// Parses `bytes` (UTF-8) and reports elements, text ranges and comments to `handler`.
    public static func parse(_ bytes: [UInt8], handler: any HTMLContentHandler) {
        _ = libxmlReady
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { buffer in
            HTMLParseSession(buffer: buffer, handler: handler).run()
        }
    }
}

/// The state of one HTML parse.
final class HTMLParseSession {
    let buffer: UnsafeBufferPointer<UInt8>
    let handler: any HTMLContentHandler
    var context: htmlParserCtxtPtr?
    /// Where the character data after the last markup starts, and whether any came.
    var textStart = 0
    var sawText = false

    init(buffer: UnsafeBufferPointer<UInt8>, handler: any HTMLContentHandler) {
        self.buffer = buffer
        self.handler = handler
    }

    /// The session libxml2 calls back into; it always passes the user data it was given.
    static func session(_ userData: UnsafeMutableRawPointer?) -> HTMLParseSession {
        guard let userData else { preconditionFailure("libxml2 called back without the session") }
        return Unmanaged<HTMLParseSession>.fromOpaque(userData).takeUnretainedValue()
    }

    func run() {
        var sax = htmlSAXHandler()
        sax.startElement = { userData, name, attributes in
            HTMLParseSession.session(userData).startElement(name, attributes)
        }
        sax.endElement = { userData, name in
            HTMLParseSession.session(userData).endElement(name)
        }
        sax.characters = { userData, _, _ in
            HTMLParseSession.session(userData).sawText = true
        }
        sax.ignorableWhitespace = sax.characters
        sax.comment = { userData, value in
            HTMLParseSession.session(userData).comment(value)
        }
        let userData = Unmanaged.passUnretained(self).toOpaque()
        guard let start = buffer.baseAddress else { return }
        let base = start.withMemoryRebound(to: CChar.self, capacity: buffer.count) { $0 }
        guard let context = htmlCreatePushParserCtxt(&sax, userData, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else { return }
        self.context = context
        defer {
            htmlFreeParserCtxt(context)
            self.context = nil
        }
        htmlCtxtUseOptions(context, HTMLStreamParser.options)
        var offset = 0
        repeat {
            let length = min(1 << 18, buffer.count - offset)
            htmlParseChunk(context, base + offset, Int32(length), offset + length == buffer.count ? 1 : 0)
            offset += length
        } while offset < buffer.count
        flushText(upTo: buffer.count)
    }

    var consumed: Int { context.map { Int(xmlByteConsumed($0)) } ?? 0 }

    /// The `<` of the markup that ends at or before `end`.
    func markupStart(before end: Int) -> Int {
        buffer.lastOffset(of: UInt8(ascii: "<"), before: end) ?? 0
    }

    func flushText(upTo end: Int) {
        if sawText, end > textStart { handler.text(textStart..<end) }
        sawText = false
    }

    /// After a start tag libxml2 stands on its `>`; after other markup, behind it.
    func markupEnded(at offset: Int) {
        var end = offset
        if end > 0, end <= buffer.count, buffer[end - 1] == UInt8(ascii: ">") {
            textStart = end
            return
        }
        while end < buffer.count, buffer[end] != UInt8(ascii: ">") { end += 1 }
        textStart = min(end + 1, buffer.count)
    }

    func startElement(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let end = consumed
        let start = markupStart(before: end)
        let tagName = string(name)
        // Elements the parser opens without a tag in the source (implied) leave no markup.
        guard buffer[start] == UInt8(ascii: "<"), start + 1 < buffer.count, buffer[start + 1] != UInt8(ascii: "/") else {
            handler.startElement(tagName, attributes: [])
            return
        }
        flushText(upTo: start)
        var list: [(name: String, value: String)] = []
        if let attributes {
            var index = 0
            while let attributeName = attributes[index] {
                list.append((string(attributeName), string(attributes[index + 1])))
                index += 2
            }
        }
        handler.startElement(tagName, attributes: list)
        markupEnded(at: end)
    }

    func endElement(_ name: UnsafePointer<xmlChar>?) {
        let end = consumed
        let start = markupStart(before: end)
        let tagName = string(name)
        let isExplicit =
            start + 1 < buffer.count && buffer[start + 1] == UInt8(ascii: "/")
            && String(
                decoding: UnsafeBufferPointer(rebasing: buffer[(start + 2)..<min(start + 2 + tagName.utf8.count, buffer.count)]),
                as: UTF8.self
            ).lowercased() == tagName
        if isExplicit {
            flushText(upTo: start)
            handler.endElement(tagName)
            markupEnded(at: end)
        } else {
            handler.endElement(tagName)
        }
    }

    func comment(_ value: UnsafePointer<xmlChar>?) {
        let end = consumed
        var start = min(end, buffer.count) - 4
        while start > 0,
            !(buffer[start] == UInt8(ascii: "<") && buffer[start + 1] == UInt8(ascii: "!")
                && buffer[start + 2] == UInt8(ascii: "-") && buffer[start + 3] == UInt8(ascii: "-"))
        {
            start -= 1
        }
        start = max(start, 0)
        flushText(upTo: start)
        handler.comment(string(value), at: start)
        markupEnded(at: end)
    }
}

/// Decodes HTML character references (`&amp;`, `&eacute;`, `&#233;`, `&#xE9;`) with
/// libxml2's entity table, keeping for every decoded byte the source offset it came from.
public enum HTMLEntities {
    /// The decoded text of `bytes[range]` and, per decoded byte, its source offset (plus
    /// one entry for the end).
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> (text: [UInt8], offsets: [Int]) {
        _ = libxmlReady
        var text: [UInt8] = []
        var offsets: [Int] = []
        text.reserveCapacity(range.count)
        offsets.reserveCapacity(range.count + 1)
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "&"), let (scalar, end) = reference(bytes, at: index, limit: range.upperBound) {
                for byte in String(Character(scalar)).utf8 {
                    text.append(byte)
                    offsets.append(index)
                }
                index = end
            } else {
                text.append(bytes[index])
                offsets.append(index)
                index += 1
            }
        }
        offsets.append(range.upperBound)
        return (text, offsets)
    }

    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < limit, end - start < 40, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: "&"), bytes[end] > 0x20 {
            end += 1
        }
        guard end < limit, bytes[end] == UInt8(ascii: ";"), end > start + 1 else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self)
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, end + 1)
        }
        guard let entity = name.withCString({ htmlEntityLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }),
            let scalar = Unicode.Scalar(entity.pointee.value)
        else { return nil }
        return (scalar, end + 1)
    }
}
