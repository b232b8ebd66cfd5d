import VaktaalXML

/// A growable UTF-8 output buffer: appending bytes is much cheaper than growing a String
/// when an export writes hundreds of megabytes.
struct ByteBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as text (for small buffers).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ text: String) {
        bytes.appendUTF8(text)
    }

    /// Appends text escaped for HTML and XML, fit for attribute values and content alike.
    mutating func appendEscaped(_ text: String) {
        bytes.appendXMLEscaped(text)
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
