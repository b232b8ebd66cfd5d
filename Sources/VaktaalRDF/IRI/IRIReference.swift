/// IRI references resolved against a base as RFC 3986 section 5.2 says, dot segments
/// (`./`, `../`) removed; no other normalisation (case, percent-encoding) is done, as the
/// RDF syntaxes require.
public enum IRIReference {
    /// Whether `reference` starts with a scheme (`http:`, `urn:`): an absolute IRI.
    public static func hasScheme(_ reference: String) -> Bool {
        var utf8 = reference.utf8.makeIterator()
        guard let first = utf8.next(), isLetter(first) else { return false }
        while let byte = utf8.next() {
            if byte == UInt8(ascii: ":") { return true }
            guard
                isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: ".")
            else { return false }
        }
        return false
    }

    /// `reference` resolved against `base`. An absolute reference is returned as it is.
    public static func resolve(_ reference: String, against base: String) -> String {
        if hasScheme(reference) { return reference }
        let target = Array(reference.utf8)
        let parts = Components(Array(base.utf8))
        let relative = Components(target, hasScheme: false)
        var result: [UInt8] = []
        result.reserveCapacity(base.utf8.count + target.count)
        result += parts.scheme
        result.append(UInt8(ascii: ":"))
        let path: [UInt8]
        let query: ArraySlice<UInt8>?
        if let authority = relative.authority {
            result += [UInt8(ascii: "/"), UInt8(ascii: "/")] + authority
            path = removingDotSegments(Array(relative.path))
            query = relative.query
        } else {
            if let authority = parts.authority { result += [UInt8(ascii: "/"), UInt8(ascii: "/")] + authority }
            if relative.path.isEmpty {
                path = Array(parts.path)
                query = relative.query ?? parts.query
            } else if relative.path.first == UInt8(ascii: "/") {
                path = removingDotSegments(Array(relative.path))
                query = relative.query
            } else {
                path = removingDotSegments(merge(parts, relative.path))
                query = relative.query
            }
        }
        result += path
        if let query { result += [UInt8(ascii: "?")] + query }
        if let fragment = relative.fragment { result += [UInt8(ascii: "#")] + fragment }
        return String(decoding: result, as: UTF8.self)
    }

    /// `base` without its fragment: what `rdf:ID` and same-document references hang from.
    public static func removingFragment(_ iri: String) -> String {
        guard let hash = iri.utf8.firstIndex(of: UInt8(ascii: "#")) else { return iri }
        return String(Substring(iri.utf8[..<hash]))
    }

    /// RFC 3986 5.3's merge: the base path up to its last `/`, then the reference.
    private static func merge(_ base: Components, _ path: ArraySlice<UInt8>) -> [UInt8] {
        if base.authority != nil, base.path.isEmpty { return [UInt8(ascii: "/")] + path }
        guard let slash = base.path.lastIndex(of: UInt8(ascii: "/")) else { return Array(path) }
        return Array(base.path[...slash]) + path
    }

    /// RFC 3986 5.2.4: removes `.` and `..` segments from a path.
    static func removingDotSegments(_ path: [UInt8]) -> [UInt8] {
        let dot = UInt8(ascii: ".")
        let slash = UInt8(ascii: "/")
        guard path.contains(dot) else { return path }
        var input = path[...]
        var output: [UInt8] = []
        output.reserveCapacity(path.count)
        func starts(_ prefix: [UInt8]) -> Bool { input.starts(with: prefix) }
        func isExactly(_ text: [UInt8]) -> Bool { input.elementsEqual(text) }
        func dropLastSegment() {
            if let last = output.lastIndex(of: slash) { output.removeSubrange(last...) } else { output.removeAll() }
        }
        while !input.isEmpty {
            if starts([dot, dot, slash]) {
                input = input.dropFirst(3)
            } else if starts([dot, slash]) {
                input = input.dropFirst(2)
            } else if starts([slash, dot, slash]) {
                input = input.dropFirst(2)
            } else if isExactly([slash, dot]) {
                input = [slash][...]
            } else if starts([slash, dot, dot, slash]) {
                input = input.dropFirst(3)
                dropLastSegment()
            } else if isExactly([slash, dot, dot]) {
                input = [slash][...]
                dropLastSegment()
            } else if isExactly([dot]) || isExactly([dot, dot]) {
                input = []
            } else {
                var end = input.startIndex
                if input[end] == slash { end += 1 }
                while end < input.endIndex, input[end] != slash { end += 1 }
                output += input[input.startIndex..<end]
                input = input[end...]
            }
        }
        return output
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// The five parts of RFC 3986 section 3; absent parts are `nil` (an empty path is empty).
    private struct Components {
        var scheme: ArraySlice<UInt8> = []
        var authority: ArraySlice<UInt8>?
        var path: ArraySlice<UInt8> = []
        var query: ArraySlice<UInt8>?
        var fragment: ArraySlice<UInt8>?

        init(_ bytes: [UInt8], hasScheme: Bool = true) {
            var rest = bytes[...]
            if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
                fragment = rest[(hash + 1)...]
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
                query = rest[(question + 1)...]
                rest = rest[..<question]
            }
            if hasScheme, let colon = rest.firstIndex(of: UInt8(ascii: ":")) {
                scheme = rest[..<colon]
                rest = rest[(colon + 1)...]
            }
            if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
                authority = rest[..<end]
                rest = rest[end...]
            }
            path = rest
        }
    }
}
