/// Glob patterns as in `.gitignore`-style configuration: `*` matches within one path
/// segment, `**` across segments, `?` one character. A pattern without `/` matches a file
/// or folder name at any depth.
public enum Glob {
    /// Whether `path` (relative, `/`-separated) matches `pattern`.
    public static func matches(_ pattern: String, _ path: String) -> Bool {
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

    private static func matchSegment(_ pattern: [Character], _ segment: [Character]) -> Bool {
        match(pattern, segment)
    }
}
