import VaktaalText
import VaktaalXML

/// JSON string literals, escaped as RFC 8259 asks. The same text is a valid YAML 1.2
/// double-quoted scalar and a valid Turtle string literal, so those formats use it too.
enum JSONText {
    static func quoted(_ text: String) -> String {
        var buffer = ByteBuffer(capacity: text.utf8.count + 2)
        write(text, into: &buffer)
        return buffer.text
    }

    /// Appends `text` as a quoted JSON string: runs of plain bytes are copied whole; quotes,
    /// backslashes and control characters are escaped.
    static func write(_ text: String, into output: inout ByteBuffer) {
        output.append(UInt8(ascii: "\""))
        text.withUTF8Bytes { escape($0, into: &output) }
        output.append(UInt8(ascii: "\""))
    }

    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into output: inout ByteBuffer) {
        var runStart = 0
        for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            output.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            switch byte {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            default:
                output += "\\u00"
                output.appendHex(byte)
            }
        }
        output.append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }
}
