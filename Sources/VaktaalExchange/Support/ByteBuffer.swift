import Foundation
import VaktaalText
import VaktaalXML

/// The output of an export: a ``TextBuffer`` (an append is a bounds check and a copy, which
/// matters when an export writes hundreds of megabytes in small pieces) that, with a sink,
/// hands its bytes on in pieces of about a megabyte, so that it never grows past that.
struct ByteBuffer: ~Copyable {
    private var buffer: TextBuffer
    private let sink: (any ExportSink)?

    /// The size from which ``flushIfFull()`` hands the bytes on.
    static let chunkSize = 1 << 20

    /// A buffer in memory only.
    init(capacity: Int = 256) {
        buffer = TextBuffer(capacity: capacity)
        sink = nil
    }

    /// A buffer for the file `path`, begun on `sink`.
    init(file path: String, on sink: any ExportSink) {
        buffer = TextBuffer(capacity: 2 * Self.chunkSize)
        self.sink = sink
        sink.begin(path)
    }

    /// How many bytes the buffer holds.
    var count: Int { buffer.byteCount }

    /// The bytes as text (for small buffers).
    var text: String { buffer.text }

    /// Hands the bytes to the sink once they pass ``chunkSize``; called at the natural
    /// boundaries of a format (after a subject, an entry, a row).
    mutating func flushIfFull() {
        guard count >= Self.chunkSize, let sink else { return }
        buffer.drain(into: sink.write)
    }

    /// Hands the rest to the sink and ends the file.
    mutating func finish() {
        guard let sink else { return }
        buffer.drain(into: sink.write)
        sink.end()
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { buffer.append(bytes) }

    mutating func append(_ text: String) { buffer.append(text) }

    mutating func append(_ byte: UInt8) { buffer.append(byte) }

    /// Appends text escaped for HTML and XML, fit for attribute values and content alike.
    mutating func appendEscaped(_ text: String) {
        buffer.write(atMost: XMLEscaping.maximumEscapedCount(text.utf8.count)) {
            XMLEscaping.escape(text, attribute: true, into: $0)
        }
    }

    /// Appends XML character data, escaped (quotes and line breaks kept as they are).
    mutating func appendEscapedText(_ text: String) {
        buffer.write(atMost: XMLEscaping.maximumEscapedCount(text.utf8.count)) {
            XMLEscaping.escape(text, attribute: false, into: $0)
        }
    }

    /// Appends text with a backslash before every byte in `special` (Markdown markup,
    /// regular expression syntax).
    mutating func appendBackslashEscaped(_ text: String, _ special: ByteSet) {
        guard special.occurs(in: text) else {
            append(text)
            return
        }
        for byte in text.utf8 {
            if special.contains(byte) { append(UInt8(ascii: "\\")) }
            append(byte)
        }
    }

    /// Appends a byte as two uppercase hexadecimal digits.
    mutating func appendHex(_ byte: UInt8) {
        let digits: StaticString = "0123456789ABCDEF"
        append(digits.utf8Start[Int(byte >> 4)])
        append(digits.utf8Start[Int(byte & 0x0F)])
    }

    static func += (buffer: inout ByteBuffer, text: String) {
        buffer.append(text)
    }
}
