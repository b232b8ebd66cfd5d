import Foundation
import Testing

@testable import VaktaalLint

/// Decomposed text is composed stretch by stretch: the result is the text's NFC form, each
/// composed byte names where its stretch starts in the source, and every other byte names
/// itself.
@Suite struct CanonicalCompositionTests {
    /// Texts with a mark first, last, after ASCII and after other letters, several marks on
    /// one starter, marks far apart, a mark NFC keeps as it is, Hangul jamo and vowel signs
    /// that join (each also from its second scalar on).
    static let decomposed = [
        "e\u{0301}", "\u{0302}\u{0323}e", "me\u{0301}ntor", "mentore\u{0301}", "coo\u{0308}rdinerend en re\u{0301}sume\u{0301}",
        "ë\u{0301} a\u{0323}\u{0302} x",
        String(repeating: "lange tekst ", count: 40) + "e\u{0301}" + String(repeating: " meer", count: 40),
        "q\u{0301} en e\u{0301}", "\u{1100}\u{1161}\u{11A8} Hangul", "— “e\u{0301}” —",
        "\u{0995}\u{09C7}\u{09BE} (Bengali)", "\u{0B95}\u{0BC6}\u{0BBE} (Tamil)",
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
        ("ë\u{0301}", true), ("\u{2126}", true), ("\u{2000}", true), ("\u{2001}", true), ("\u{20D0}", true), ("\u{20CF}", false),
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

    /// Every range of every short text that starts and ends on a scalar boundary is composed as a
    /// plain reference composes it: every stretch of a scalar and the scalars after it that
    /// compose, one after the other.
    @Test(arguments: decomposed.filter { $0.utf8.count < 64 } + ["", "abc", "\u{0301}", "e\u{0301}\u{0301}x\u{0323}"])
    func everyRangeIsComposedAsStretchByStretch(_ text: String) {
        let bytes = Array(text.utf8)
        let boundaries = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
        for start in boundaries {
            for end in boundaries where end >= start {
                let result = bytes.withUnsafeBufferPointer { CanonicalComposition.composed($0, range: start..<end) }
                let expected = Self.referenceComposition(of: bytes, range: start..<end)
                #expect(result?.text == expected?.text && result?.offsets == expected?.offsets, "'\(text)' \(start)..<\(end)")
            }
        }
    }

    /// Composes each stretch on its own, scalar by scalar, with the Unicode properties of
    /// every scalar asked directly.
    private static func referenceComposition(of bytes: [UInt8], range: Range<Int>) -> (text: [UInt8], offsets: [Int])? {
        let scalars = Self.scalars(of: bytes, in: range)
        func composes(_ scalar: Unicode.Scalar) -> Bool {
            secondHalves.contains(scalar.value) || scalar.properties.canonicalCombiningClass != .notReordered
                || scalar.properties.isFullCompositionExclusion
        }
        var text: [UInt8] = []
        var offsets: [Int] = []
        var index = 0
        while index < scalars.count {
            var end = index + 1
            while end < scalars.count, composes(scalars[end].scalar) { end += 1 }
            let stretch = scalars[index..<end]
            let written = String(String.UnicodeScalarView(stretch.map(\.scalar)))
            let composed = Array(written.precomposedStringWithCanonicalMapping.utf8)
            if stretch.contains(where: { composes($0.scalar) }), composed != Array(written.utf8) {
                text += composed
                offsets += Array(repeating: stretch.first!.offset, count: composed.count)
            } else {
                for (scalar, offset) in stretch {
                    let length = String(scalar).utf8.count
                    text += Array(String(scalar).utf8)
                    offsets += Array(offset..<offset + length)
                }
            }
            index = end
        }
        let original = Array(bytes[range])
        return text == original ? nil : (text, offsets + [range.upperBound])
    }

    /// The scalars of combining class 0 that NFC combines with the one before them: the last
    /// of the decomposition of some scalar (up to U+1FFFF: no scalar above composes), which
    /// NFC puts back together.
    static let secondHalves: Set<UInt32> = {
        var found: Set<UInt32> = []
        for value in UInt32(0xC0)...0x1_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
            guard decomposed.count > 1, let last = decomposed.last, last.properties.canonicalCombiningClass == .notReordered
            else { continue }
            let head = String(String.UnicodeScalarView(decomposed.dropLast())).precomposedStringWithCanonicalMapping
            if (head + String(last)).precomposedStringWithCanonicalMapping == String(scalar) { found.insert(last.value) }
        }
        return found
    }()

    @Test func everySecondHalfOfACompositionMayChange() {
        #expect(Self.secondHalves.count > 60)
        for value in Self.secondHalves.sorted() {
            let bytes = Array(String(Unicode.Scalar(value)!).utf8)
            let mayChange = bytes.withUnsafeBufferPointer { CanonicalComposition.mayChange($0, range: 0..<$0.count) }
            #expect(mayChange, "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    private static func scalars(of bytes: [UInt8], in range: Range<Int>) -> [(scalar: Unicode.Scalar, offset: Int)] {
        var result: [(scalar: Unicode.Scalar, offset: Int)] = []
        var offset = range.lowerBound
        for scalar in String(decoding: bytes[range], as: UTF8.self).unicodeScalars {
            result.append((scalar, offset))
            offset += String(scalar).utf8.count
        }
        return result
    }

    private static func scalarBoundary(after offset: Int, in text: String) -> Int {
        let bytes = Array(text.utf8)
        var index = min(offset, bytes.count)
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        return index
    }
}
