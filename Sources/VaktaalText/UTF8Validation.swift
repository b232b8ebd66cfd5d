/// Finds the first byte that breaks UTF-8, for documents that are (or claim to be) UTF-8.
///
/// libxml2 quietly switches to Latin-1 on some invalid sequences; checking first gives
/// every invalid file the same clear error at the right place.
public enum UTF8Validation {
    /// The offset of the first invalid byte, or `nil` when the bytes are valid UTF-8.
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            switch byte {
            case 0xC2...0xDF: (length, minimum) = (2, 0x80)
            case 0xE0...0xEF: (length, minimum) = (3, 0x800)
            case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
            default: return index
            }
            guard index + length <= count else { return index }
            var scalar = UInt32(byte) & (0xFF >> (length + 1))
            for offset in 1..<length {
                let continuation = bytes[index + offset]
                guard continuation & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return index }
            index += length
        }
        return nil
    }

    /// Whether the document declares an encoding other than UTF-8, or starts with a UTF-16
    /// or UTF-32 byte order mark; libxml2 converts those itself.
    static func declaresOtherEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) { return true }
        if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 { return true }
        let head = String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(256)), as: UTF8.self)
        guard head.hasPrefix("<?xml"), let end = head.firstRange(of: "?>") else { return false }
        let declaration: String = head[..<end.lowerBound].lowercased()
        guard let encoding = declaration.firstRange(of: "encoding") else { return false }
        let separators: Set<Character> = [" ", "=", "\"", "'"]
        let rest = declaration[encoding.upperBound...].drop { separators.contains($0) }
        let name = String(rest.prefix { !separators.contains($0) })
        return name != "utf-8" && name != "utf8"
    }
}
