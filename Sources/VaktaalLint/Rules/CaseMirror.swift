import VaktaalCore
import VaktaalText

/// The replacement keeps the case pattern of the text when neither label is case-sensitive
/// and the preferred term has no capital after its first letter: "Mentor" →
/// "Werkplekbegeleider", "MENTOR" → "WERKPLEKBEGELEIDER", headline case word by word ("Leraar
/// In Opleiding" → "Aankomend Leraar"). A preferred term with a capital after its first
/// letter is written as it is ("iPabo", "IJsbaan"). Its first capital is its own ("Teams",
/// "Nederland") unless the outdated label starts with one too: then it is how the vocabulary
/// writes every term (as a spreadsheet capitalizes every cell), and "mentor" becomes
/// "werkplekbegeleider".
enum CaseMirror {
    /// - Parameters:
    ///   - writtenAsIs: Whether the outdated or the preferred label is case-sensitive.
    ///   - capitalIsTheVocabularys: Whether the outdated label starts with a capital too.
    static func apply(_ replacement: String, like source: String, writtenAsIs: Bool, capitalIsTheVocabularys: Bool)
        -> String
    {
        guard !writtenAsIs, !Label.hasCapitalAfterFirst(replacement) else { return replacement }
        let lowered =
            capitalIsTheVocabularys && startsWithCapital(replacement)
            ? replacement.prefix(1).lowercased() + replacement.dropFirst() : replacement
        // A term in small ASCII letters (most are) leaves an ASCII replacement as it is: told in
        // one look at the bytes (a text of a large vocabulary has thousands of outdated terms).
        if isASCIIWithoutCapital(source), lowered.withUTF8Bytes({ !$0.contains { $0 >= 0x80 } }) { return lowered }
        if let ascii = asciiApply(lowered, like: source) { return ascii }
        guard isLowercase(lowered) else { return replacement }
        // Most terms are written in small letters, and so is then their replacement.
        if hasNoCapital(source) { return lowered }
        let letters = source.filter(\.isLetter)
        guard let first = letters.first else { return lowered }
        if letters.count > 1, letters.allSatisfy({ $0.isUppercase }) { return lowered.uppercased() }
        if isHeadlineCase(source) { return headlineCase(lowered) }
        if first.isUppercase { return capitalized(lowered[...]) }
        return lowered
    }

    /// Whether `text` is all ASCII, with no capital.
    private static func isASCIIWithoutCapital(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in !bytes.contains { $0 >= 0x80 || $0 &- 0x41 < 26 } }
    }

    /// Whether `text` starts with a capital letter.
    static func startsWithCapital(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first < 0x80 ? first &- 0x41 < 26 : text.first?.isUppercase == true
    }

    /// A word with its first letter a capital; the Dutch `ij` is one letter there, and both
    /// of its halves are capitals (`ijsbaan` is `IJsbaan`, as `IJsland`).
    private static func capitalized(_ word: Substring) -> String {
        if word.hasPrefix("ij") { return "IJ" + word.dropFirst(2) }
        guard let head = word.first else { return "" }
        return head.uppercased() + word.dropFirst()
    }

    /// The same for ASCII text, on bytes, the written case pattern read in one pass (most
    /// terms are ASCII, and a text with a million findings asks a million times); `nil` when
    /// either text is not ASCII.
    private static func asciiApply(_ replacement: String, like source: String) -> String? {
        // Both read where they lie (`withUTF8` would take a copy of each to read).
        guard let pattern = source.withUTF8Bytes({ ASCIICase(of: $0) }) else { return nil }
        return replacement.withUTF8Bytes { written -> String? in
            guard !written.contains(where: { $0 >= 0x80 }) else { return nil }
            guard !written.contains(where: ASCIICase.isUpper), pattern != .asWritten else { return replacement }
            return String(unsafeUninitializedCapacity: written.count) { capitalized in
                var atWordStart = true
                // The Dutch `ij` is one letter: a word starting with it has both halves capitals (`IJsbaan`).
                var afterInitialI = false
                for index in written.indices {
                    let byte = written[index]
                    let isCapital = pattern == .allCapitals || atWordStart || (afterInitialI && byte == UInt8(ascii: "j"))
                    capitalized[index] = isCapital ? ASCIICase.upper(byte) : byte
                    afterInitialI = atWordStart && byte == UInt8(ascii: "i")
                    atWordStart = pattern == .headline && ASCIICase.isSpace(byte)
                }
                return written.count
            }
        }
    }

    /// Whether lower-casing `text` leaves it as it is.
    private static func isLowercase(_ text: String) -> Bool {
        text.lowercasedIfNeeded() == text
    }

    /// Whether no character of `text` is a capital, told from its scalars: each is a small
    /// letter (one that upper-casing changes) or has no case. A character of such scalars is
    /// no capital (`Character.isUppercase`, which would upper-case each character, is not
    /// asked); `false` may also mean only that a closer look is needed.
    static func hasNoCapital(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                ? scalar.value &- 0x41 >= 26 : scalar.properties.changesWhenUppercased || !scalar.properties.isCased
        }
    }

    /// Two or more words, each starting with a capital.
    private static func isHeadlineCase(_ text: String) -> Bool {
        let words = text.split(whereSeparator: \.isWhitespace)
        return words.count > 1 && words.allSatisfy { $0.first?.isUppercase ?? false }
    }

    /// Every word of `text` starting with a capital (``capitalized(_:)``), the spaces
    /// between them kept.
    private static func headlineCase(_ text: String) -> String {
        var result = ""
        var wordStart = text.startIndex
        for index in text.indices where text[index].isWhitespace {
            result += capitalized(text[wordStart..<index]) + String(text[index])
            wordStart = text.index(after: index)
        }
        return result + capitalized(text[wordStart...])
    }
}

/// The case pattern of ASCII text that a replacement takes on (``CaseMirror``), read off its
/// bytes, and the byte operations that give a replacement that pattern.
private enum ASCIICase {
    /// Every letter a capital (two letters or more): "MENTOR".
    case allCapitals
    /// Two or more words, each starting with a capital: "Leraar In Opleiding".
    case headline
    /// The first letter a capital: "Mentor".
    case firstCapital
    /// Any other (small letters, no letter at all): the replacement is written as it is.
    case asWritten

    /// The pattern of `text`; `nil` when it is not all ASCII.
    init?(of text: UnsafeBufferPointer<UInt8>) {
        var letters = 0
        var capitals = 0
        var firstLetterIsCapital = false
        var words = 0
        var capitalizedWords = 0
        var atWordStart = true
        for byte in text {
            guard byte < 0x80 else { return nil }
            if Self.isSpace(byte) {
                atWordStart = true
                continue
            }
            if atWordStart {
                words += 1
                if Self.isUpper(byte) { capitalizedWords += 1 }
                atWordStart = false
            }
            guard Self.isUpper(byte) || Self.isLower(byte) else { continue }
            if letters == 0 { firstLetterIsCapital = Self.isUpper(byte) }
            letters += 1
            if Self.isUpper(byte) { capitals += 1 }
        }
        if letters > 1, capitals == letters {
            self = .allCapitals
        } else if letters > 0, words > 1, capitalizedWords == words {
            self = .headline
        } else if firstLetterIsCapital {
            self = .firstCapital
        } else {
            self = .asWritten
        }
    }

    static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }
    static func upper(_ byte: UInt8) -> UInt8 { isLower(byte) ? byte - 32 : byte }
}
