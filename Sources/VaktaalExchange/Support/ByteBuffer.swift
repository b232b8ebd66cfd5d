/// A growable UTF-8 output buffer: appending bytes is much cheaper than growing a String
/// when an export writes hundreds of megabytes.
struct ByteBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    static func += (buffer: inout ByteBuffer, text: String) {
        buffer.append(text)
    }
}
