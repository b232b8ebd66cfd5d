/// Which languages are written right to left, so that a glossary page shows them so: by the
/// script subtag when a tag names one (`az-Arab`), else by the language (`ar`, `he`, `fa`…).
enum TextDirection {
    private static let rightToLeftScripts: Set<String> = ["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand"]
    private static let rightToLeftLanguages: Set<String> = [
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi",
    ]

    /// Whether text in `language` (a BCP 47 tag) is written right to left.
    static func isRightToLeft(_ language: String) -> Bool {
        let subtags = language.lowercased().split(separator: "-").map(String.init)
        guard let primary = subtags.first else { return false }
        if let script = subtags.dropFirst().first(where: { $0.count == 4 && $0.allSatisfy(\.isLetter) }) {
            return rightToLeftScripts.contains(script)
        }
        return rightToLeftLanguages.contains(primary)
    }

    /// The `dir` attribute for text in `language` inside text in `surrounding`, or `""` when
    /// both run the same way.
    static func attribute(for language: String, in surrounding: String) -> String {
        let rightToLeft = isRightToLeft(language)
        guard rightToLeft != isRightToLeft(surrounding) else { return "" }
        return rightToLeft ? " dir=\"rtl\"" : " dir=\"ltr\""
    }
}
