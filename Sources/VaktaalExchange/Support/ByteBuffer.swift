import VaktaalXML

/// A growable UTF-8 output buffer: appending bytes is much cheaper than growing a String
/// when an export writes hundreds of megabytes. With a sink, the bytes go on to it in
/// pieces of about a megabyte, so a buffer never grows past that.
struct ByteBuffer {
    private(set) var bytes: [UInt8] = []
    private let sink: (any ExportSink)?

    /// The size from which ``flushIfFull()`` hands the bytes on.
    static let chunkSize = 1 << 20

    /// A buffer in memory only.
    init(capacity: Int = 1 << 16) {
        sink = nil
        bytes.reserveCapacity(capacity)
    }

    /// A buffer for the file `path`, begun on `sink`.
    init(file path: String, on sink: any ExportSink) {
        self.sink = sink
        sink.begin(path)
        bytes.reserveCapacity(Self.chunkSize + Self.chunkSize / 4)
    }

    /// The bytes as text (for small buffers).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands the bytes to the sink once they pass ``chunkSize``; called at the natural
    /// boundaries of a format (after a subject, an entry, a row).
    mutating func flushIfFull() {
        guard bytes.count >= Self.chunkSize, let sink else { return }
        sink.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands the rest to the sink and ends the file.
    mutating func finish() {
        guard let sink else { return }
        sink.write(bytes)
        bytes.removeAll()
        sink.end()
    }

    mutating func append(_ text: String) {
        bytes.appendUTF8(text)
    }

    /// Appends text escaped for HTML and XML, fit for attribute values and content alike.
    mutating func appendEscaped(_ text: String) {
        bytes.appendXMLEscaped(text)
    }

    /// Appends XML character data, escaped (quotes and line breaks kept as they are).
    mutating func appendEscapedText(_ text: String) {
        bytes.appendXMLEscaped(text, attribute: false)
    }

    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a byte as two uppercase hexadecimal digits.
    mutating func appendHex(_ byte: UInt8) {
        let digits: StaticString = "0123456789ABCDEF"
        digits.withUTF8Buffer { digits in
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
    }

    static func += (buffer: inout ByteBuffer, text: String) {
        buffer.append(text)
    }
}
