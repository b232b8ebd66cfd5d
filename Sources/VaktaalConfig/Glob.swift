/// Glob patterns as in `.gitignore`-style configuration: `*` matches within one path
/// segment, `**` across segments, `?` one character, `[abc]`, `[a-z]` and `[!abc]` one of
/// a set (or none of it), and `{md,txt}` any of the alternatives (as Vale's and
/// EditorConfig's globs); a backslash makes the character after it itself (`\[concept\].md`).
/// A pattern without `/` matches a file or folder name at any depth.
public enum Glob {
    /// Whether `path` (relative, `/`-separated) matches `pattern`.
    ///
    /// - Parameter braces: Whether `{a,b}` stands for alternatives (not in `.gitignore`, as
    ///   in git).
    public static func matches(_ pattern: String, _ path: String, braces: Bool = true) -> Bool {
        (braces ? alternatives(of: pattern) : [pattern]).contains { matchesOne($0, path) }
    }

    /// The most patterns one pattern's braces stand for.
    private static let mostAlternatives = 256

    /// `pattern` with its braces expanded: `*.{md,txt}` is `*.md` and `*.txt`; a brace
    /// without a comma or its end is itself.
    static func alternatives(of pattern: String) -> [String] {
        let characters = Array(pattern)
        // The first brace that no backslash makes itself.
        guard let open = characters.indices.first(where: { characters[$0] == "{" && !isEscaped($0, in: characters) }) else {
            return [pattern]
        }
        var depth = 0
        var commas: [Int] = []
        var close: Int?
        var index = open
        while index < characters.count, close == nil {
            switch characters[index] {
            case "\\": index += 1
            // A set is one character: a comma or brace in it (`{a,[,;]}`) is a member.
            case "[" where characterClass(characters, from: index) != nil:
                index = (characterClass(characters, from: index)?.1 ?? index + 1) - 1
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { close = index }
            case "," where depth == 1: commas.append(index)
            default: break
            }
            index += 1
        }
        guard let close, !commas.isEmpty else {
            // No alternatives here: the brace is a character; look for braces after it.
            let rest = alternatives(of: String(characters[(open + 1)...]))
            return rest.map { String(characters[...open]) + $0 }
        }
        let prefix = String(characters[..<open])
        let suffix = String(characters[(close + 1)...])
        let bounds = [open] + commas + [close]
        var result: [String] = []
        for index in 0..<bounds.count - 1 {
            let choice = String(characters[(bounds[index] + 1)..<bounds[index + 1]])
            result += alternatives(of: prefix + choice + suffix)
            if result.count >= mostAlternatives { break }
        }
        return Array(result.prefix(mostAlternatives))
    }

    /// Whether the character at `index` follows an odd number of backslashes.
    private static func isEscaped(_ index: Int, in characters: [Character]) -> Bool {
        var count = 0
        var cursor = index - 1
        while cursor >= 0, characters[cursor] == "\\" {
            count += 1
            cursor -= 1
        }
        return count % 2 == 1
    }

    private static func matchesOne(_ pattern: String, _ path: String) -> Bool {
        var pattern = pattern
        if pattern.hasPrefix("./") { pattern.removeFirst(2) }
        if pattern.hasSuffix("/") { pattern += "**" }
        if !pattern.contains("/") {
            return path.split(separator: "/").contains { matchSegment(Array(pattern), Array($0)) }
        }
        if pattern.hasPrefix("/") { pattern.removeFirst() }
        return match(Array(pattern), Array(path))
    }

    private static func match(_ pattern: [Character], _ text: [Character]) -> Bool {
        var memo: [Int: Bool] = [:]
        func go(_ p: Int, _ t: Int) -> Bool {
            let key = p * (text.count + 1) + t
            if let known = memo[key] { return known }
            let result: Bool
            if p == pattern.count {
                result = t == text.count
            } else if pattern[p] == "*", p + 1 < pattern.count, pattern[p + 1] == "*" {
                var next = p + 2
                if next < pattern.count, pattern[next] == "/" { next += 1 }
                result = (t...text.count).contains { go(next, $0) }
            } else if pattern[p] == "*" {
                var end = t
                var found = go(p + 1, t)
                while !found, end < text.count, text[end] != "/" {
                    end += 1
                    found = go(p + 1, end)
                }
                result = found
            } else if pattern[p] == "\\", p + 1 < pattern.count {
                // Escaped: the next character is itself.
                result = t < text.count && text[t] == pattern[p + 1] && go(p + 2, t + 1)
            } else if pattern[p] == "[", let (matchesSet, next) = characterClass(pattern, from: p) {
                result = t < text.count && text[t] != "/" && matchesSet(text[t]) && go(next, t + 1)
            } else if t < text.count, pattern[p] == "?" ? text[t] != "/" : pattern[p] == text[t] {
                result = go(p + 1, t + 1)
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return go(0, 0)
    }

    /// The set `[…]` at `start` of `pattern` (`[abc]`, `[a-z]`, `[!abc]` or `[^abc]`) as a test,
    /// and where the pattern goes on after it; `nil` when it does not close (then `[` is a character).
    private static func characterClass(_ pattern: [Character], from start: Int) -> ((Character) -> Bool, Int)? {
        var index = start + 1
        let negated = index < pattern.count && (pattern[index] == "!" || pattern[index] == "^")
        if negated { index += 1 }
        var members: [ClosedRange<Character>] = []
        // A `]` right after the opening is a member.
        var first = true
        while index < pattern.count, pattern[index] != "]" || first {
            first = false
            // A backslash makes the character after it a member (`[\]]`).
            if pattern[index] == "\\", index + 1 < pattern.count { index += 1 }
            let low = pattern[index]
            if index + 2 < pattern.count, pattern[index + 1] == "-", pattern[index + 2] != "]" {
                let high = pattern[index + 2]
                members.append(low <= high ? low...high : high...low)
                index += 3
            } else {
                members.append(low...low)
                index += 1
            }
        }
        guard index < pattern.count else { return nil }
        return ({ character in members.contains { $0.contains(character) } != negated }, index + 1)
    }

    private static func matchSegment(_ pattern: [Character], _ segment: [Character]) -> Bool {
        match(pattern, segment)
    }
}
