import Foundation
import HTTPTypes
import Hummingbird

/// What every page needs to know about the request: the interface language, whether it was
/// chosen explicitly (links then keep it), and the snapshot the page is made from.
struct PageContext {
    let ui: InterfaceLanguage
    let keepsUI: Bool
    let snapshot: ServiceSnapshot
    /// The request's path, for the language switch.
    let path: String
    /// The request's query fields but `ui`, which the language switch keeps (the same search,
    /// the same letter, in the other language).
    let query: [(String, String)]

    init(_ request: Request, snapshot: ServiceSnapshot) {
        ui = InterfaceLanguage(request)
        keepsUI = InterfaceLanguage.isExplicit(request)
        self.snapshot = snapshot
        path = request.uri.path
        query = request.uri.query.map { URLEncodedForm.lenientFields(Array($0.utf8)).filter { $0.0 != "ui" } } ?? []
    }

    /// This page in the other interface language.
    var otherLanguageHref: String {
        let other: InterfaceLanguage = ui == .dutch ? .english : .dutch
        let items = query + [("ui", other.rawValue)]
        return path + "?" + items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    var words: InterfaceWords { ui.words }

    /// A link to `path` with `query`, keeping an explicitly chosen interface language.
    func href(_ path: String, _ query: [(String, String)] = []) -> String {
        var items = query
        if keepsUI { items.append(("ui", ui.rawValue)) }
        guard !items.isEmpty else { return path }
        let encoded = items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return path + "?" + encoded
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// The frame of every page: language, skip link, navigation, the page's own content, and
/// the styles and script (files of their own: the Content-Security-Policy allows no inline
/// code).
enum PageLayout {
    /// The Content-Security-Policy of every page.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// Headers that harden every page.
    private static let hardening: [HTTPField] = [("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin")]
        .compactMap { name, value in HTTPField.Name(name).map { HTTPField(name: $0, value: value) } }

    static func page(_ title: String, _ context: PageContext, main: HTML, status: HTTPResponse.Status = .ok) -> Response {
        let words = context.words
        let firstScheme = context.snapshot.schemes.first?.id ?? ""
        let other: InterfaceLanguage = context.ui == .dutch ? .english : .dutch
        func navigation(_ path: String, _ label: String) -> HTML {
            let current = context.path == path || (path != "/" && context.path.hasPrefix(path))
            return """
                <li><a href="\(context.href(path))"\(current ? HTML(trusted: " aria-current=\"page\"") : .empty)>\(label)</a></li>
                """
        }
        let document: HTML = """
            <!DOCTYPE html>
            <html lang="\(context.ui.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · \(words.title)</title>
            <link rel="stylesheet" href="/assets/app.css">
            <script src="/assets/app.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">\(words.skip)</a>
            <header>
            <a class="brand" href="\(context.href("/"))">\(words.title)</a>
            <nav aria-label="\(words.title)"><ul>
            \(navigation("/", words.search))
            \(navigation("/browse/\(firstScheme)", words.browse))
            \(navigation("/lint", words.check))
            \(navigation("/changes/\(firstScheme)", words.changes))
            </ul></nav>
            <a class="language" lang="\(other.rawValue)" hreflang="\(other.rawValue)" href="\(context.otherLanguageHref)">\(words.otherLanguage)</a>
            </header>
            <main id="main" tabindex="-1">
            \(main)
            </main>
            </body>
            </html>

            """
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8", .contentSecurityPolicy: contentSecurityPolicy,
            .vary: "Accept-Language", .contentLanguage: context.ui.rawValue,
        ]
        headers.append(contentsOf: hardening)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document.markup)))
    }
}
