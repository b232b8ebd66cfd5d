import Foundation
import Testing

@testable import VaktaalCore

/// JSON text escapes strings byte for byte as a plain escaper does, wherever in a string the
/// bytes to escape fall (strings are passed over eight bytes at a time), and reads back as
/// the string it was made from; numbers are written as Swift writes them.
@Suite struct JSONTextTests {
    /// A string literal escaped one byte at a time.
    static func escaped(_ text: String) -> String {
        var result = Array("\"".utf8)
        for byte in text.utf8 {
            switch byte {
            case 0x22: result += Array("\\\"".utf8)
            case 0x5C: result += Array("\\\\".utf8)
            case 0x0A: result += Array("\\n".utf8)
            case 0x0D: result += Array("\\r".utf8)
            case 0x09: result += Array("\\t".utf8)
            case 0x08: result += Array("\\b".utf8)
            case 0x0C: result += Array("\\f".utf8)
            case ..<0x20: result += Array(String(format: "\\u%04x", byte).utf8)
            default: result.append(byte)
            }
        }
        return String(decoding: result + Array("\"".utf8), as: UTF8.self)
    }

    @Test(arguments: [
        "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1F}", "\u{7F}", " ", "/", "é", "\u{1}\"\\", "é\"",
        "\u{80}\u{1}",
    ])
    func everyPlaceOfAByteToEscape(_ special: String) throws {
        for (length, filler) in [(20, "a"), (10, "é")] {
            for place in 0...length {
                var characters = Array(repeating: filler, count: length)
                characters.insert(special, at: place)
                let text = characters.joined()
                var json = JSONText()
                json.string(text)
                #expect(json.text == Self.escaped(text), "\(text.debugDescription)")
                let decoded = try JSONDecoder().decode(String.self, from: Data(json.text.utf8))
                #expect(decoded == text)
            }
        }
    }

    @Test(arguments: [0, 7, -7, 10, 1_234_567, -1_000, Int.max, Int.min])
    func numbersAreWrittenAsSwiftWritesThem(_ value: Int) {
        var json = JSONText()
        json.number(value)
        #expect(json.text == String(value))
    }

    /// A text far larger than the buffer it starts with grows without losing a byte, whether
    /// it is taken whole or drained in pieces on the way.
    @Test(arguments: [false, true])
    func aLongTextGrowsAndDrainsWhole(draining: Bool) {
        var json = JSONText()
        var expected = ""
        var drained: [UInt8] = []
        for index in 0..<5_000 {
            let value = String(repeating: "wérkplekbegeleider \u{22} ", count: index % 7) + String(index)
            json.separator(first: index == 0, indent: index % 40)
            json.string(value)
            expected += (index == 0 ? "" : ",") + "\n" + String(repeating: " ", count: 2 * (index % 40))
            expected += Self.escaped(value)
            if draining, json.byteCount >= 10_000 { json.drain { drained += $0 } }
        }
        json.drain { drained += $0 }
        #expect(json.byteCount == 0)
        #expect(String(decoding: drained, as: UTF8.self) == expected)
    }

    /// A key made once is written as the key written each time, first in its object or not.
    @Test(arguments: ["column", "a \"b\" \\", "wérk\tplek", ""], [true, false])
    func aKeyMadeOnceIsWrittenAsAnyKey(_ name: String, first: Bool) {
        var once = JSONText()
        once.key(JSONKey(name, indent: 3), first: first)
        var each = JSONText()
        each.key(name, first: first, indent: 3)
        #expect(once.text == each.text)
    }
}
