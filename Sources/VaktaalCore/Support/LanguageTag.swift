import Foundation

/// Well-formedness of BCP 47 (RFC 5646) language tags: `language[-script][-region]
/// [-variant]*[-extension]*[-x-private]`, private-use tags and the grandfathered tags.
public enum LanguageTag {
    private static let grandfathered: Set<String> = [
        "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
        "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de", "art-lojban",
        "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang",
    ]

    /// Whether `tag` has the form every language tag has (`[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`,
    /// the syntax RDF, Turtle and HTML take tags in): a tag without it, such as `nl_NL` or
    /// `x y`, makes an export that no RDF reader takes. Well-formed tags have it; so do some
    /// that are not (`english`).
    public static func hasTagSyntax(_ tag: String) -> Bool {
        let subtags = tag.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        return subtags.enumerated().allSatisfy { index, subtag in
            (1...8).contains(subtag.count)
                && subtag.allSatisfy { byte in
                    let letter = (byte | 0x20) &- UInt8(ascii: "a") < 26
                    return letter || (index > 0 && byte &- UInt8(ascii: "0") < 10)
                }
        }
    }

    /// Whether `tag` is a well-formed language tag (case does not matter).
    public static func isWellFormed(_ tag: String) -> Bool {
        let lower = tag.lowercased()
        if grandfathered.contains(lower) { return true }
        let subtags = lower.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard !subtags.isEmpty, subtags.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy(isAlphanumeric) }) else {
            return false
        }
        if subtags[0] == "x" { return subtags.count > 1 }
        var index = 0
        let language = subtags[0]
        guard language.allSatisfy(isLetter), (2...3).contains(language.count) || (4...8).contains(language.count) else {
            return false
        }
        index = 1
        if language.count <= 3 {
            var extlangs = 0
            while index < subtags.count, extlangs < 3, subtags[index].count == 3, subtags[index].allSatisfy(isLetter) {
                index += 1
                extlangs += 1
            }
        }
        if index < subtags.count, subtags[index].count == 4, subtags[index].allSatisfy(isLetter) { index += 1 }
        if index < subtags.count, isRegion(subtags[index]) { index += 1 }
        var variants: Set<String> = []
        while index < subtags.count, isVariant(subtags[index]) {
            guard variants.insert(subtags[index]).inserted else { return false }
            index += 1
        }
        var singletons: Set<String> = []
        while index < subtags.count, subtags[index].count == 1, subtags[index] != "x" {
            guard singletons.insert(subtags[index]).inserted else { return false }
            index += 1
            let start = index
            while index < subtags.count, (2...8).contains(subtags[index].count) { index += 1 }
            guard index > start else { return false }
        }
        if index < subtags.count, subtags[index] == "x" {
            return index + 1 < subtags.count
        }
        return index == subtags.count
    }

    /// `tag` in the case BCP 47 recommends (RFC 5646, 2.1.1): the language and every
    /// subtag after a singleton in lower case, a script in title case (`Latn`), a region in
    /// capitals (`BE`). Tags compare without case, so `NL` and `nl` are one language: the
    /// model keeps each in this one spelling. A tag that is not well-formed is left as it is
    /// (`check` reports it).
    public static func canonicalCase(_ tag: String) -> String {
        // Most tags are already so ("nl", "en", "nl-BE"): checked on bytes, not split.
        if isCanonicalLanguageAndRegion(tag) { return tag }
        guard isWellFormed(tag) else { return tag }
        var afterSingleton = false
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { index, subtag in
            let lower = subtag.lowercased()
            if index == 0 || afterSingleton || lower.count == 1 {
                afterSingleton = afterSingleton || lower.count == 1
                return lower
            }
            if lower.count == 2 { return lower.uppercased() }
            if lower.count == 4, lower.allSatisfy(isLetter) { return lower.prefix(1).uppercased() + lower.dropFirst() }
            return lower
        }
        return subtags.joined(separator: "-")
    }

    /// Whether `tag` is two or three small ASCII letters, then perhaps `-` and two capitals
    /// (`nl`, `nl-BE`).
    private static func isCanonicalLanguageAndRegion(_ tag: String) -> Bool {
        let bytes = Array(tag.utf8.prefix(7))
        let language = bytes.prefix { $0 &- UInt8(ascii: "a") < 26 }.count
        guard (2...3).contains(language) else { return false }
        let region = bytes[language...]
        return region.isEmpty
            || (region.count == 3 && region.first == UInt8(ascii: "-")
                && region.dropFirst().allSatisfy { $0 &- UInt8(ascii: "A") < 26 })
    }

    /// Whether the language of a well-formed `tag` is one there is: a two-letter language
    /// must be one of ISO 639-1 (`xy` is none); one of four to eight letters (`dutch`), which
    /// BCP 47 reserves and no language has, is none either. Three-letter languages, private
    /// use and grandfathered tags are not looked up.
    public static func hasKnownLanguage(_ tag: String) -> Bool {
        let lower = tag.lowercased()
        if grandfathered.contains(lower) { return true }
        let language = lower.prefix { $0 != "-" }
        switch language.count {
        case 1: return language == "x"
        case 2: return isoLanguageCodes.contains(String(language))
        case 3: return true
        default: return false
        }
    }

    /// Whether `tag` is a well-formed tag of a language there is (``isWellFormed(_:)``,
    /// ``hasKnownLanguage(_:)``): `nl`, `en-GB`, `x-intern`; not `Dutch` or `xy`.
    public static func isValid(_ tag: String) -> Bool { isWellFormed(tag) && hasKnownLanguage(tag) }

    /// Which languages a lookup's `lang` asks for: `nil` for every language (no value, an
    /// empty one, or `all`), else the tags of a comma-separated list in canonical case.
    ///
    /// - Throws: ``InvalidSelection`` naming the first tag of no language (`Dutch`).
    public static func selection(_ value: String?) throws(InvalidSelection) -> Set<String>? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty, !isAll(value) else { return nil }
        let tags = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let invalid = tags.first(where: { !isValid($0) || isAll($0) }) ?? (tags.isEmpty ? value : nil) {
            throw InvalidSelection(tag: invalid)
        }
        return Set(tags.map(canonicalCase))
    }

    /// Whether a label in `language` is one that a choice of `tags` (``selection(_:)``) asks
    /// for: a tag asks for its own language and every narrower one (RFC 4647 basic
    /// filtering, as Skosmos's `lang` does), so `fr` gives `fr-BE` too; and for the broader
    /// ones it falls back to (RFC 4647 lookup), so `nl-NL`, what a browser sends, gives `nl`,
    /// as lint takes it. Never a sibling (`nl-NL` does not give `nl-BE`); case does not matter.
    public static func choice(_ tags: Set<String>, includes language: String) -> Bool {
        if tags.contains(language) { return true }
        guard !language.isEmpty else { return false }
        // Tags are ASCII: compared byte by byte, case aside, with nothing made (lookup asks
        // for every entry it meets).
        func starts(_ tag: String.UTF8View, with prefix: String.UTF8View) -> Bool {
            guard tag.count >= prefix.count,
                zip(tag, prefix).allSatisfy({ $0 == $1 || ($0 | 0x20 == $1 | 0x20 && ($0 | 0x20) &- 0x61 < 26) })
            else { return false }
            return tag.count == prefix.count || tag.dropFirst(prefix.count).first == UInt8(ascii: "-")
        }
        return tags.contains { tag in starts(language.utf8, with: tag.utf8) || starts(tag.utf8, with: language.utf8) }
    }

    /// Whether a language choice is `all` (in any case, spaces around it left out): every
    /// language, never the three-letter code `all` (Allar), which a list of tags refuses.
    public static func isAll(_ value: String) -> Bool { value.trimmingCharacters(in: .whitespaces).lowercased() == "all" }

    /// A language selection with a tag of no language.
    public struct InvalidSelection: Error, Equatable, CustomStringConvertible {
        /// The tag.
        public let tag: String

        /// The selection that names `tag`.
        public init(tag: String) { self.tag = tag }

        public var description: String {
            "takes language tags such as nl or en-GB, separated by commas, or all; not '\(tag)'"
        }
    }

    /// The two-letter codes of ISO 639-1, with those it withdrew that tags still use (`iw`, `in`, `ji`, `jw`, `mo`, `sh`).
    private static let isoLanguageCodes: Set<String> = Set(
        ("aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo "
            + "es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik in io is it iu iw ja "
            + "ji jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my "
            + "na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn "
            + "so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu")
            .split(separator: " ").map(String.init))

    private static func isRegion(_ subtag: String) -> Bool {
        (subtag.count == 2 && subtag.allSatisfy(isLetter)) || (subtag.count == 3 && subtag.allSatisfy(isDigit))
    }

    private static func isVariant(_ subtag: String) -> Bool {
        (5...8).contains(subtag.count) || (subtag.count == 4 && subtag.first.map(isDigit) == true)
    }

    private static func isLetter(_ character: Character) -> Bool { character.isASCII && character.isLetter }
    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
    private static func isAlphanumeric(_ character: Character) -> Bool { isLetter(character) || isDigit(character) }
}
