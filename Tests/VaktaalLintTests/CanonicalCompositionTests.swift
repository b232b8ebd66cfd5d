import Foundation
import Testing

@testable import VaktaalLint

/// Decomposed text is composed stretch by stretch: the result is the text's NFC form, each
/// composed byte names where its stretch starts in the source, and every other byte names
/// itself.
@Suite struct CanonicalCompositionTests {
    /// Texts (and the same from their second scalar on) with a mark first, last, after ASCII and after other letters, several marks on
    /// one starter, marks far apart, a mark NFC keeps as it is, and Hangul jamo.
    static let decomposed = [
        "e\u{0301}", "\u{0302}\u{0323}e", "me\u{0301}ntor", "mentore\u{0301}", "coo\u{0308}rdinerend en re\u{0301}sume\u{0301}",
        "ë\u{0301} a\u{0323}\u{0302} x",
        String(repeating: "lange tekst ", count: 40) + "e\u{0301}" + String(repeating: " meer", count: 40),
        "q\u{0301} en e\u{0301}", "\u{1100}\u{1161}\u{11A8} Hangul", "— “e\u{0301}” —",
    ]

    @Test(arguments: decomposed)
    func decomposedTextIsComposedWithTheSourceOffsetOfEachByte(_ text: String) throws {
        let bytes = Array(text.utf8)
        for range in [0..<bytes.count, Self.scalarBoundary(after: 1, in: text)..<bytes.count] {
            let source = String(decoding: bytes[range], as: UTF8.self)
            let result = bytes.withUnsafeBufferPointer { CanonicalComposition.composed($0, range: range) }
            let nfc = Array(source.precomposedStringWithCanonicalMapping.utf8)
            guard nfc != Array(source.utf8) else {
                #expect(result == nil, "'\(source)' stays as it is")
                continue
            }
            let composed = try #require(result, "'\(source)' changes")
            #expect(composed.text == nfc)
            #expect(composed.offsets.count == composed.text.count + 1)
            #expect(composed.offsets.last == range.upperBound)
            #expect(zip(composed.offsets, composed.offsets.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }

    /// (text, range, composed text, offsets)
    static let stretches: [(String, Range<Int>, String, [Int])] = [
        ("ab e\u{0301}c", 0..<7, "ab éc", [0, 1, 2, 3, 3, 6, 7]),
        ("xë a\u{0323}\u{0302}!", 1..<10, "ë ậ!", [1, 2, 3, 4, 4, 4, 9, 10]),
        // Marks first, in another order than NFC's: the stretch has no starter.
        ("\u{0302}\u{0323}e", 0..<5, "\u{0323}\u{0302}e", [0, 0, 0, 0, 4, 5]),
    ]

    @Test(arguments: 0..<stretches.count)
    func aComposedStretchNamesTheOffsetOfItsStarter(_ index: Int) throws {
        let (text, range, expected, offsets) = Self.stretches[index]
        let bytes = Array(text.utf8)
        let composed = try #require(bytes.withUnsafeBufferPointer { CanonicalComposition.composed($0, range: range) })
        #expect(composed.text == Array(expected.utf8))
        #expect(composed.offsets == offsets)
    }

    /// (text, whether it holds a scalar that NFC may change)
    static let kept: [(String, Bool)] = [
        ("", false), ("mentor", false), ("café ëen", false), ("— “quotes” and € —", false), ("q\u{0301}", true),
        ("ë\u{0301}", true), ("\u{2126}", true), ("\u{2000}", true),
    ]

    @Test(arguments: kept)
    func textThatNFCKeepsGivesNothing(_ text: String, mayChange: Bool) {
        let bytes = Array(text.utf8)
        let keeps = text.precomposedStringWithCanonicalMapping.utf8.elementsEqual(text.utf8)
        bytes.withUnsafeBufferPointer { bytes in
            #expect((CanonicalComposition.composed(bytes, range: 0..<bytes.count) == nil) == keeps)
            #expect(CanonicalComposition.mayChange(bytes, range: 0..<bytes.count) == mayChange)
        }
    }

    private static func scalarBoundary(after offset: Int, in text: String) -> Int {
        let bytes = Array(text.utf8)
        var index = min(offset, bytes.count)
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        return index
    }
}
