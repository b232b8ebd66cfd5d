import Foundation
import VaktaalCore

/// Text copied from a PDF or written on macOS is often decomposed (Unicode NFD: an `ö` as
/// `o` plus a combining diaeresis). Labels are matched on the composed form (NFC), while
/// positions and the matched text stay in the original scalars.
enum CanonicalComposition {
    /// Whether `bytes[range]` may hold a scalar that NFC would change: a combining mark, a
    /// Hangul vowel or final jamo, or a scalar NFC never keeps. Plain text pays one scan.
    static func mayChange(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
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
            if let scalar = Unicode.Scalar(value), composes(scalar) { return true }
            index += length
        }
        return false
    }

    /// Whether NFC may combine `scalar` with what precedes it or replace it.
    private static func composes(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return false }
        if (0x1161...0x1175).contains(value) || (0x11A8...0x11C2).contains(value) { return true }
        return scalar.properties.canonicalCombiningClass != .notReordered || scalar.properties.isFullCompositionExclusion
    }

    /// The NFC form of `bytes[range]` and, for each of its bytes, the offset in `bytes` of
    /// the stretch it came from, plus one entry for the end; `nil` when NFC changes nothing.
    ///
    /// The text is composed in stretches of a starter and the marks that follow it, so each
    /// composed byte maps to the start of its stretch and every word boundary stays exact.
    static func composed(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> (text: [UInt8], offsets: [Int])? {
        var text: [UInt8] = []
        var offsets: [Int] = []
        text.reserveCapacity(range.count)
        offsets.reserveCapacity(range.count + 1)
        var changed = false
        var index = range.lowerBound
        while index < range.upperBound {
            // A stretch: one scalar and every following scalar that composes with it.
            let start = index
            var end = index + Tokenizer.decode(bytes, index).1
            var needsWork = false
            while end < range.upperBound {
                let (value, length) = Tokenizer.decode(bytes, end)
                guard let scalar = Unicode.Scalar(value), composes(scalar) else { break }
                needsWork = true
                end += length
            }
            if !needsWork, let scalar = Unicode.Scalar(Tokenizer.decode(bytes, start).0), composes(scalar) { needsWork = true }
            let original = UnsafeBufferPointer(rebasing: bytes[start..<min(end, range.upperBound)])
            if needsWork {
                let normalized = Array(String(decoding: original, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
                if !normalized.elementsEqual(original) {
                    changed = true
                    text += normalized
                    offsets += repeatElement(start, count: normalized.count)
                    index = end
                    continue
                }
            }
            for offset in start..<min(end, range.upperBound) {
                text.append(bytes[offset])
                offsets.append(offset)
            }
            index = end
        }
        offsets.append(range.upperBound)
        return changed ? (text, offsets) : nil
    }
}
