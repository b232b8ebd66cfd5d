extension TermMatcher {
    /// Whether a phrase of this matcher (or of its allowed phrases) may cross the line break
    /// at `lineBreak` (a `\n` in `bytes`, looked at no further back than `start`): a phrase
    /// crosses white space only after a token that white space follows inside it, so a line
    /// break after any other token ends every match before it, and a text cut right before or
    /// after it is matched in two pieces as it is matched whole. Not sure means yes.
    package func mayCrossLineBreak(at lineBreak: Int, in bytes: UnsafeBufferPointer<UInt8>, notBefore start: Int) -> Bool {
        // The white space before the break is one token with it; with another line break in
        // it, a blank line, which no phrase crosses.
        var end = lineBreak
        while end > start {
            let scalarStart = Tokenizer.scalarStart(before: end, in: bytes, notBefore: start)
            let value = Tokenizer.decode(bytes, scalarStart).0
            guard Tokenizer.isSpace(value) else { break }
            if value == 0x0A || value == 0x0D && scalarStart != lineBreak - 1 { return false }
            end = scalarStart
        }
        // Only white space back to `start`: what lies before it is not known (nothing, at the
        // start of the text).
        guard end > start else { return start > 0 }
        var tokenStart = Tokenizer.scalarStart(before: end, in: bytes, notBefore: start)
        if Tokenizer.isWordScalar(Tokenizer.decode(bytes, tokenStart).0) {
            while tokenStart > start {
                let previous = Tokenizer.scalarStart(before: tokenStart, in: bytes, notBefore: start)
                guard Tokenizer.isWordScalar(Tokenizer.decode(bytes, previous).0) else { break }
                tokenStart = previous
            }
            // A word that may go on before `start` is not known whole.
            if tokenStart == start, start > 0 { return true }
        }
        let token = Tokenizer.token(in: bytes, at: tokenStart, end: end)
        guard token.end == end, let hash = TokenKey.hash(token, in: bytes) else { return true }
        return Self.filter(tokensBeforeSpace, mayHold: hash)
            || allowedPhrases.map { Self.filter($0.matcher.tokensBeforeSpace, mayHold: hash) } == true
    }
}
