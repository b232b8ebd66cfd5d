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
