/// What an XML document says about its own encoding.
public enum EncodingDeclaration {
    /// Whether the document declares an encoding other than UTF-8, or starts with a UTF-16
    /// or UTF-32 byte order mark; libxml2 converts those itself.
    public static func declaresOtherEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
