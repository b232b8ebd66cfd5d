import Foundation
import VaktaalText

/// The normal forms under which terms are compared by lookup (and, later, the linter).
///
/// - spacing: white space runs become one space, ends trimmed;
/// - loose: spacing, with hyphens and dashes between words read as spaces, lowercased;
/// - accent: loose, with combining marks removed ("creëren" → "creeren").
public enum TermNormalizer {
    /// White space collapsed to single spaces and trimmed; case and hyphens kept.
    public static func spacing(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Spacing, hyphens as spaces, lowercased: "Self-Efficacy" and "self efficacy" meet. Text
    /// beyond ASCII is read in its compatibility form (NFKC: the Dutch ĳ is "ij", ﬂ is "fl",
    /// fullwidth ｍ is "m", a decomposed é is é), without soft hyphens and zero-width
    /// characters, which a text copied from a document carries unseen.
    public static func loose(_ text: String) -> String {
        if let ascii = looseASCII(text) { return ascii }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars where !isInvisible(scalar) {
            if scalar.properties.isWhitespace || isHyphen(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                // A typographic apostrophe (’) is the apostrophe.
                result.unicodeScalars.append(PunctuationVariants.ascii(for: scalar.value).map(Unicode.Scalar.init) ?? scalar)
            }
        }
        return result.lowercased()
    }

    /// Whether `scalar` is a soft hyphen or a zero-width character: part of no word as read.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        [0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF].contains(scalar.value)
    }

    /// The loose form of an ASCII text, done on bytes; `nil` for any other text.
    private static func looseASCII(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        guard appendLooseASCII(text, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the loose form of an ASCII text to `bytes` (which is then also its accent
    /// form: ASCII has no accents); `false`, with `bytes` unchanged, for any other text.
    package static func appendLooseASCII(_ text: String, to bytes: inout [UInt8]) -> Bool {
        let start = bytes.count
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else {
                bytes.removeSubrange(start...)
                return false
            }
            switch byte {
            case 0x20, 0x09...0x0D, UInt8(ascii: "-"):
                pendingSpace = bytes.count > start
            default:
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte)
            }
        }
        return true
    }

    /// Loose, without accents: "Creëren" → "creeren".
    public static func accentFolded(_ text: String) -> String {
        let loose = loose(text)
        return removingAccents(loose)
    }

    /// Removes combining marks after canonical decomposition; ASCII text is returned as is.
    public static func removingAccents(_ text: String) -> String {
        guard !text.withUTF8Bytes({ $0.allSatisfy { $0 < 0x80 } }) else { return text }
        var result = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            result.unicodeScalars.append(scalar)
        }
        return result.precomposedStringWithCanonicalMapping
    }

    /// Hyphen-minus and the Unicode hyphens and dashes used between words.
    public static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0xFE63, 0xFF0D: return true
        default: return false
        }
    }
}
