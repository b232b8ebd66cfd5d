/// The kinds of document the linter reads.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case text
    case markdown
    case html

    /// The format a file's extension suggests; plain text for anything unknown.
    public init(path: String) {
        let lower = path.lowercased()
        let name = lower.split(separator: "/").last.map(String.init) ?? lower
        guard let dot = name.lastIndex(of: ".") else {
            self = .text
            return
        }
        switch name[name.index(after: dot)...] {
        case "md", "markdown", "mdown", "mkd": self = .markdown
        case "html", "htm", "xhtml": self = .html
        default: self = .text
        }
    }
}
