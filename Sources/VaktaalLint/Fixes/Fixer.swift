/// Applies the safe fixes of findings to a document's bytes: each replaces exactly the
/// matched bytes, so markup, line endings and everything else stay as they were.
public enum Fixer {
    /// The fixed bytes and how many fixes were applied.
    public static func apply(_ findings: [LintFinding], to bytes: [UInt8], format: DocumentFormat) -> (bytes: [UInt8], applied: Int) {
        let fixes = findings
            .filter { Linter.fixableRules.contains($0.rule) && $0.replacement != nil }
            .sorted { $0.byteRange.lowerBound > $1.byteRange.lowerBound }
        var result = bytes
        var applied = 0
        var limit = Int.max
        for fix in fixes where fix.byteRange.upperBound <= limit {
            let text = format == .html ? escapeHTML(fix.replacement!) : fix.replacement!
            result.replaceSubrange(fix.byteRange, with: Array(text.utf8))
            limit = fix.byteRange.lowerBound
            applied += 1
        }
        return (result, applied)
    }

    private static func escapeHTML(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}
