import Foundation
import VaktaalText
import VaktaalXML

/// A growable UTF-8 output buffer that owns its memory: an append is a bounds check and a
/// copy, with no reference counting, which matters when an export writes hundreds of
/// megabytes in small pieces. With a sink, the bytes go on to it in pieces of about a
/// megabyte, so the buffer never grows past that.
///
/// Noncopyable, so that two values never share (or twice free) the memory.
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes the buffer holds.
    private(set) var count = 0
    private let sink: (any ExportSink)?

    /// The size from which ``flushIfFull()`` hands the bytes on.
    static let chunkSize = 1 << 20

    /// A buffer in memory only.
    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        sink = nil
    }

    /// A buffer for the file `path`, begun on `sink`.
    init(file path: String, on sink: any ExportSink) {
        capacity = 2 * Self.chunkSize
        base = .allocate(capacity: capacity)
        self.sink = sink
        sink.begin(path)
    }

    deinit { base.deallocate() }

    /// The bytes as text (for small buffers).
    var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// Hands the bytes to the sink once they pass ``chunkSize``; called at the natural
    /// boundaries of a format (after a subject, an entry, a row).
    mutating func flushIfFull() {
        guard count >= Self.chunkSize, let sink else { return }
        sink.write(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }

    /// Hands the rest to the sink and ends the file.
    mutating func finish() {
        guard let sink else { return }
        sink.write(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
        sink.end()
    }

    /// Makes room for `more` bytes.
    private mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        let newCapacity = max(2 * capacity, count + more)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    /// Lets `body` write at most `maximum` bytes in place; it returns how many it wrote.
    private mutating func write(atMost maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        count += body(base + count)
    }

    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        reserve(buffer.count)
        (base + count).initialize(from: source, count: buffer.count)
        count += buffer.count
    }

    mutating func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends text escaped for HTML and XML, fit for attribute values and content alike.
    mutating func appendEscaped(_ text: String) {
        write(atMost: XMLEscaping.maximumEscapedCount(text.utf8.count)) { XMLEscaping.escape(text, attribute: true, into: $0) }
    }

    /// Appends XML character data, escaped (quotes and line breaks kept as they are).
    mutating func appendEscapedText(_ text: String) {
        write(atMost: XMLEscaping.maximumEscapedCount(text.utf8.count)) { XMLEscaping.escape(text, attribute: false, into: $0) }
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
