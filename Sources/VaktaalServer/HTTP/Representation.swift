import Hummingbird
import VaktaalExchange

/// The forms a scheme or a concept can be served in, chosen by `Accept` or `?format=`.
public enum Representation: String, CaseIterable, Sendable {
    /// The vocabulary format itself.
    case xml
    /// SKOS as RDF/XML.
    case skos
    case turtle
    case jsonld
    case tbx
    case csv
    case html
    case markdown
    /// A concept described as lookup's JSON (concepts only).
    case json

    /// The media type of the representation.
    public var mediaType: String {
        switch self {
        case .xml: "application/xml"
        case .skos: "application/rdf+xml"
        case .turtle: "text/turtle"
        case .jsonld: "application/ld+json"
        case .tbx: "application/x-tbx"
        case .csv: "text/csv"
        case .html: "text/html"
        case .markdown: "text/markdown"
        case .json: "application/json"
        }
    }

    /// The exchange format that makes it, for the exported representations.
    var exportFormat: ExportFormat? {
        switch self {
        case .skos: .skos
        case .turtle: .turtle
        case .jsonld: .jsonld
        case .tbx: .tbx
        case .csv: .csv
        case .html: .html
        case .markdown: .markdown
        case .xml, .json: nil
        }
    }

    /// Names `?format=` accepts besides the case names.
    private static let aliases: [String: Representation] = [
        "rdf": .skos, "rdfxml": .skos, "ttl": .turtle, "json-ld": .jsonld, "md": .markdown, "vocabulary": .xml,
    ]

    /// The representation `?format=` names.
    static func named(_ name: String) -> Representation? {
        Representation(rawValue: name.lowercased()) ?? aliases[name.lowercased()]
    }

    /// The representation to serve: `?format=` if given, else the best of `Accept` among
    /// `offered` (the first of them for `*/*` or no `Accept`).
    ///
    /// - Throws: ``ServiceError`` 406 when nothing offered is acceptable, 400 for an unknown format name.
    static func negotiate(_ request: Request, offered: [Representation]) throws(ServiceError) -> Representation {
        let list = offered.map(\.mediaType).joined(separator: ", ")
        if let name = request.queryValue("format") {
            guard let chosen = named(name), offered.contains(chosen) else {
                throw ServiceError(.notAcceptable, "unknown or unavailable format '\(name)': use one of \(list)")
            }
            return chosen
        }
        guard let accept = request.headers[.accept], !accept.isEmpty else { return offered.first ?? .xml }
        // Highest quality wins; among equals, an exact type before a JSON type that a client
        // asking for `application/json` reads (JSON-LD is JSON, RFC 6839), before a wildcard,
        // and the order the client wrote them in, then ours.
        var candidates: [(representation: Representation, quality: Double, rank: Int)] = []
        for (order, range) in MediaRanges.parse(accept).enumerated() where range.quality > 0 {
            for (position, candidate) in offered.enumerated() {
                let isJSON = range.type == "application/json" && candidate.mediaType.hasSuffix("+json")
                guard range.matches(candidate.mediaType) || isJSON else { continue }
                let kind = range.isWildcard ? 10_000 : isJSON ? 5_000 : 0
                candidates.append((candidate, range.quality, kind + order * 100 + position))
            }
        }
        let best = candidates.min { ($1.quality, $0.rank) < ($0.quality, $1.rank) }
        guard let chosen = best?.representation else {
            throw ServiceError(.notAcceptable, "none of the accepted media types can be served: use one of \(list)")
        }
        return chosen
    }
}

/// The media ranges of an `Accept` header, with their quality values.
struct MediaRanges {
    struct Range {
        let type: String
        let quality: Double
        var isWildcard: Bool { type.hasSuffix("/*") }

        func matches(_ mediaType: String) -> Bool {
            if type == "*/*" { return true }
            if type.hasSuffix("/*") { return mediaType.hasPrefix(type.dropLast()) }
            return type == mediaType
        }
    }

    static func parse(_ header: String) -> [Range] {
        header.split(separator: ",").compactMap { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let type = pieces.first?.lowercased(), !type.isEmpty else { return nil }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 1
            }
            return Range(type: type, quality: quality)
        }
    }
}
