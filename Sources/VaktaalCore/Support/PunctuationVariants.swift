/// Punctuation that writers, and Word's autocorrect, use in place of another: a term with an
/// apostrophe or a hyphen is the same term with its typographic variant. Matching and
/// lookup compare each as the ASCII character it stands for.
package enum PunctuationVariants {
    /// The ASCII character `value` stands for: `'` for the typographic apostrophes and
    /// quotes used as one (’ ‘ ‛ ′ ´), `-` for the Unicode hyphens (‐ ‑); `nil` for others.
    package static func ascii(for value: UInt32) -> UInt8? {
        switch value {
        case 0x2019, 0x2018, 0x201B, 0x2032, 0x00B4: UInt8(ascii: "'")
        case 0x2010, 0x2011: UInt8(ascii: "-")
        default: nil
        }
    }
}
