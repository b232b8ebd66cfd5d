extension String {
    /// Whether lower-casing changes none of the text's scalars, so that `lowercased()` gives
    /// the text itself: told from the scalars' properties, without making a lower-cased copy
    /// (for text beyond ASCII that copy costs thousands of instructions a word).
    var lowercasingChangesNothing: Bool {
        unicodeScalars.allSatisfy { $0.isASCII ? $0.value &- 0x41 >= 26 : !$0.properties.changesWhenLowercased }
    }

    /// `lowercased()`, without a copy when lower-casing changes nothing (most words of a text).
    package func lowercasedIfNeeded() -> String {
        lowercasingChangesNothing ? self : lowercased()
    }
}
