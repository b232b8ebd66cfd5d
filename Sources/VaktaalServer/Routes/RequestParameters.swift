import Foundation
import Hummingbird

extension RequestContext {
    /// The path parameter `name` as the client meant it: percent-decoded (`caf%C3%A9-gesprek`
    /// is `café-gesprek`, as a browser sends the link a page gives); empty when it is absent
    /// or its encoding is not UTF-8.
    func pathParameter(_ name: String) -> String {
        guard let raw = parameters.get(name) else { return "" }
        return String(raw).removingPercentEncoding ?? ""
    }
}

extension Request {
    /// The query parameter `name` as a form sends it: `+` is a space and `%XX` its byte
    /// (a browser submits "leraar in opleiding" as `q=leraar+in+opleiding`); the first
    /// when it is given more than once, `nil` when it is absent.
    func queryValue(_ name: String) -> String? {
        guard let query = uri.query else { return nil }
        return URLEncodedForm.lenientFields(Array(query.utf8)).first { $0.0 == name }?.1
    }
}
