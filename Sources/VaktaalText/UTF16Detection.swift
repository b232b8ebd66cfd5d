/// Whether bytes are text in UTF-16 (what Windows Notepad and Excel save as "Unicode"): they
/// hold NUL bytes, and would be taken for a binary file, where the user needs to hear that
/// saving the text as UTF-8 is all it takes.
public enum UTF16Detection {
    /// Whether `bytes` start with a UTF-16 byte order mark, or their first bytes put a NUL in
    /// every other place, as UTF-16 does for Latin text.
    public static func looksLikeUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return true
        }
        let sample = bytes.prefix(256)
        guard sample.count >= 8 else { return false }
        var nulsAtEven = 0
        var nulsAtOdd = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { nulsAtEven += 1 } else { nulsAtOdd += 1 }
        }
        let pairs = sample.count / 2
        return (nulsAtEven == 0 && nulsAtOdd * 2 >= pairs) || (nulsAtOdd == 0 && nulsAtEven * 2 >= pairs)
    }
}
