/// A piece of HTML that is safe by construction: text interpolated into it is escaped,
/// only other ``HTML`` values go in as markup. A label holding `<script>` shows as text.
struct HTML: ExpressibleByStringInterpolation, Sendable, Equatable {
    /// The markup.
    private(set) var markup: String

    init(stringLiteral literal: String) { markup = literal }

    init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

    /// Markup the code wrote itself (no user text in it).
    init(trusted markup: String) { self.markup = markup }

    /// Nothing.
    static let empty = HTML(trusted: "")

    struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity * 2) }

        mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Text: escaped.
        mutating func appendInterpolation(_ text: String) { markup += HTML.escaped(text) }

        /// A number.
        mutating func appendInterpolation(_ number: Int) { markup += String(number) }

        /// Markup: as it is.
        mutating func appendInterpolation(_ html: HTML) { markup += html.markup }

        /// Several pieces of markup, one after the other.
        mutating func appendInterpolation(_ pieces: [HTML]) { for piece in pieces { markup += piece.markup } }
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` as character references, safe in text and in
    /// quoted attribute values.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Pieces joined by `separator`.
    static func joined(_ pieces: [HTML], separator: HTML = .empty) -> HTML {
        HTML(trusted: pieces.map(\.markup).joined(separator: separator.markup))
    }
}
