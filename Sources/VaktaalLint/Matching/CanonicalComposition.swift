import Foundation
import VaktaalCore

/// Text copied from a PDF or written on macOS is often decomposed (Unicode NFD: an `ö` as
/// `o` plus a combining diaeresis). Labels are matched on the composed form (NFC), while
/// positions and the matched text stay in the original scalars.
enum CanonicalComposition {
    /// Whether `bytes[range]` may hold a scalar that NFC would change: a combining mark, a
    /// Hangul vowel or final jamo, another vowel sign that joins the letter before it, or a
    /// scalar NFC never keeps. Plain text pays one scan.
    static func mayChange(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
        firstScalarThatMayChange(in: bytes, range: range) != nil
    }

    /// The offset of the first scalar in `bytes[range]` that NFC may combine with what
    /// precedes it or replace (see ``mayChange(_:range:)``), or `nil`.
    private static func firstScalarThatMayChange(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var index = range.lowerBound
        while index < range.upperBound {
            // Eight ASCII bytes at a time: no lead byte of a mark among them.
            if index + 8 <= range.upperBound,
                raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte < 0xC0 {
                index += 1
                continue
            }
            let (value, length) = Tokenizer.decode(bytes, index)
            if let scalar = Unicode.Scalar(value), composes(scalar) { return index }
            index += length
        }
        return nil
    }

    /// Whether NFC may combine `scalar` with what precedes it or replace it.
    private static func composes(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Letters with diacritics (below U+0300), and the punctuation and currency signs of
        // U+2002 to U+20CF (quotes, dashes, €): common in text, none composes.
        if value < 0x300 || (0x2002...0x20CF).contains(value) { return false }
        if (0x1161...0x1175).contains(value) || (0x11A8...0x11C2).contains(value) || vowelSignsThatCompose.contains(value) {
            return true
        }
        return scalar.properties.canonicalCombiningClass != .notReordered || scalar.properties.isFullCompositionExclusion
    }

    /// The scalars besides the Hangul vowels and final jamo that have no combining class yet
    /// combine with the scalar before them: vowel signs and length marks of Bengali, Oriya,
    /// Tamil, Kannada, Malayalam, Sinhala, Tibetan, Myanmar, Balinese and some historic
    /// scripts (Bengali ে with া is ো). A test finds them again by composing the
    /// decomposition of every scalar.
    private static let vowelSignsThatCompose: Set<UInt32> = [
        0x09BE, 0x09D7, 0x0B3E, 0x0B56, 0x0B57, 0x0BBE, 0x0BD7, 0x0CC2, 0x0CD5, 0x0CD6, 0x0D3E, 0x0D57, 0x0DCF, 0x0DDF,
        0x0FB5, 0x0FB7, 0x102E, 0x1B35, 0x1_1127, 0x1_133E, 0x1_1357, 0x1_14B0, 0x1_14BA, 0x1_14BD, 0x1_15AF, 0x1_1930,
    ]

    /// The NFC form of `bytes[range]` and, for each of its bytes, the offset in `bytes` of
    /// the stretch it came from, plus one entry for the end; `nil` when NFC changes nothing.
    ///
    /// The text is composed in stretches of a starter and the marks that follow it, so each
    /// composed byte maps to the start of its stretch and every word boundary stays exact.
    /// Only the stretches that hold a scalar that may change are composed; the bytes
    /// between them are taken as they are. Nothing is copied before the first stretch that
    /// NFC does change: a text with a mark NFC keeps (on a letter that has no composed form)
    /// but none it changes costs no copy, and no offset for each of its bytes.
    static func composed(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> (text: [UInt8], offsets: [Int])? {
        guard var change = firstScalarThatMayChange(in: bytes, range: range) else { return nil }
        var text: [UInt8] = []
        var offsets: [Int] = []
        // Whether a stretch changed, from which on the text is copied.
        var changed = false
        func keep(_ kept: Range<Int>) {
            guard changed else { return }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[kept]))
            offsets.append(contentsOf: kept)
        }
        var index = range.lowerBound
        while true {
            // The stretch: the starter before the scalar (none when it comes first; every
            // stretch ends before a scalar that does not compose), and every scalar after it
            // that composes.
            let start = change == index ? change : Tokenizer.scalarStart(before: change, in: bytes, notBefore: index)
            keep(index..<start)
            var end = change + Tokenizer.decode(bytes, change).1
            while end < range.upperBound {
                let (value, length) = Tokenizer.decode(bytes, end)
                guard let scalar = Unicode.Scalar(value), composes(scalar) else { break }
                end += length
            }
            end = min(end, range.upperBound)
            let original = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let normalized = Array(String(decoding: original, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
            if normalized.elementsEqual(original) {
                keep(start..<end)
            } else {
                if !changed {
                    // The first stretch that changes: what comes before it is taken as it is.
                    changed = true
                    text.reserveCapacity(range.count)
                    offsets.reserveCapacity(range.count + 1)
                    keep(range.lowerBound..<start)
                }
                text += normalized
                offsets += repeatElement(start, count: normalized.count)
            }
            index = end
            guard let next = firstScalarThatMayChange(in: bytes, range: index..<range.upperBound) else { break }
            change = next
        }
        guard changed else { return nil }
        keep(index..<range.upperBound)
        offsets.append(range.upperBound)
        return (text, offsets)
    }
}
