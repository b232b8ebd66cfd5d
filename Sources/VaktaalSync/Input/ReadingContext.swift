import Foundation
import VaktaalCore
import VaktaalText

/// What the bytes of a concept mean besides themselves in a vocabulary file: a byte order
/// mark, the encoding the XML declaration names, and the namespaces and `xml:` attributes
/// (the language every label inherits) of the root element. Two files of the same context read the same bytes of
/// a concept as the same concept, whatever else their starts say (title, version, layout).
struct ReadingContext: Hashable, Sendable {
    /// Whether the file starts with the UTF-8 byte order mark.
    let hasByteOrderMark: Bool
    /// The declared encoding, upper-cased (`UTF-8` when none is declared).
    let encoding: String
    /// The root's `xmlns…` and `xml:…` attributes as written, sorted by name.
    let rootAttributes: [Attribute]

    struct Attribute: Hashable, Sendable {
        let name: String
        let value: String
    }

    /// The context of a file whose root element's start tag ends at `rootEnd`; `nil` when the
    /// start cannot be read simply (then the file shares nothing).
    init?(_ bytes: SourceBytes, rootEnd: Int) {
        let (hasByteOrderMark, start) = bytes.withUnsafeBufferPointer { buffer -> (Bool, String?) in
            let hasByteOrderMark = buffer.starts(with: [0xEF, 0xBB, 0xBF])
            // A start that is not UTF-8 is not compared at all (decoded, other values could look alike).
            let startBytes = UnsafeBufferPointer(rebasing: buffer[(hasByteOrderMark ? 3 : 0)..<rootEnd])
            guard UTF8Validation.firstInvalidOffset(in: startBytes) == nil else { return (hasByteOrderMark, nil) }
            return (hasByteOrderMark, String(decoding: startBytes, as: UTF8.self))
        }
        guard let start else { return nil }
        self.hasByteOrderMark = hasByteOrderMark
        guard let root = start.range(of: "<vocabulary", options: .backwards) else { return nil }
        var encoding = "UTF-8"
        if start.hasPrefix("<?xml"), let declarationEnd = start.range(of: "?>") {
            guard let attributes = Self.attributes(start[start.index(start.startIndex, offsetBy: 5)..<declarationEnd.lowerBound])
            else { return nil }
            encoding = attributes.first { $0.name == "encoding" }?.value.uppercased() ?? encoding
        }
        let tag = start[root.upperBound...].dropLast()  // without the closing `>`
        guard let attributes = Self.attributes(tag) else { return nil }
        self.encoding = encoding
        rootAttributes = attributes.filter { $0.name.hasPrefix("xmlns") || $0.name.hasPrefix("xml:") }
            .sorted { $0.name < $1.name }
    }

    /// The attributes `name="value"` (or with single quotes) of a tag's inside; `nil` when
    /// it holds anything else.
    private static func attributes(_ text: Substring) -> [Attribute]? {
        var attributes: [Attribute] = []
        var rest = text.drop { $0.isWhitespace }
        while !rest.isEmpty {
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let name = rest[..<equals].trimmingCharacters(in: .whitespacesAndNewlines)
            rest = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
            guard let quote = rest.first, quote == "\"" || quote == "'",
                let close = rest.dropFirst().firstIndex(of: quote), !name.isEmpty
            else { return nil }
            attributes.append(Attribute(name: name, value: String(rest[rest.index(after: rest.startIndex)..<close])))
            rest = rest[rest.index(after: close)...].drop { $0.isWhitespace }
        }
        return attributes
    }
}
