import Foundation
import VaktaalCore

/// The namespace (`uri`) of one imported scheme and the id of each of its concepts, made
/// from the concepts' URIs so that the same file always gives the same ids: a concept keeps
/// its URI whenever it is the namespace plus a valid id; otherwise its id is made from the
/// last part of its URI (and numbered when that repeats), and its URI changes.
struct ConceptIdentifiers {
    /// The namespace every concept URI of the scheme is made from.
    let base: String
    /// The id of each concept, in the order given.
    let ids: [String]
    /// The concepts (by position) whose URI could not be kept.
    let renamed: [Int]

    init(conceptURIs: [String], schemeURI: String?) {
        let base = Self.chooseBase(conceptURIs, schemeURI: schemeURI)
        var ids: [String?] = conceptURIs.map { uri in
            guard uri.hasBytePrefix(base), uri.utf8.count > base.utf8.count else { return nil }
            let id = String(Substring(uri.utf8.dropFirst(base.utf8.count)))
            return Vocabulary.isValidConceptID(id) ? id : nil
        }
        var renamed: [Int] = []
        let missing = ids.indices.filter { ids[$0] == nil }
        var taken = missing.isEmpty ? [] : Set(ids.compactMap { $0 })
        for index in missing {
            let stem = Self.stem(conceptURIs[index])
            var candidate = stem
            var number = 2
            while taken.contains(candidate) {
                candidate = "\(stem)-\(number)"
                number += 1
            }
            taken.insert(candidate)
            ids[index] = candidate
            renamed.append(index)
        }
        self.base = base
        self.ids = ids.map { $0 ?? "" }
        self.renamed = renamed
    }

    /// The scheme's URI when every concept hangs from it, else the namespace (the part up
    /// to the last `/` or `#`) that most concepts share, else the scheme's URI.
    static func chooseBase(_ uris: [String], schemeURI: String?) -> String {
        if let schemeURI, let last = schemeURI.utf8.last,
            last == UInt8(ascii: "/") || last == UInt8(ascii: "#") || (last == UInt8(ascii: ":") && isURN(schemeURI)),
            !uris.isEmpty,
            uris.allSatisfy({ uri in
                uri.hasBytePrefix(schemeURI)
                    && Vocabulary.isValidConceptID(String(Substring(uri.utf8.dropFirst(schemeURI.utf8.count))))
            })
        {
            return schemeURI
        }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for uri in uris {
            guard let namespace = namespace(of: uri) else { continue }
            if counts[namespace] == nil { order.append(namespace) }
            counts[namespace, default: 0] += 1
        }
        if let best = order.max(by: { counts[$0, default: 0] < counts[$1, default: 0] }) {
            // `max` keeps the last of equals; prefer the first one met.
            let top = counts[best, default: 0]
            return order.first { counts[$0] == top } ?? best
        }
        guard let schemeURI else { return "urn:vaktaal:imported:" }
        if let last = schemeURI.last, last == "/" || last == "#" || (last == ":" && isURN(schemeURI)) { return schemeURI }
        return schemeURI + (isURN(schemeURI) ? ":" : "/")
    }

    /// Whether `uri` is a URN (`urn:vaktaal:x:`), whose parts `:` separates.
    private static func isURN(_ uri: String) -> Bool { uri.utf8.starts(with: "urn:".utf8) }

    /// The URI up to and including its last `/` or `#` (for a URN, its last `:`), when a
    /// valid id follows.
    static func namespace(of uri: String) -> String? {
        let utf8 = uri.utf8
        let isSeparator = { (byte: UInt8) in
            byte == UInt8(ascii: "/") || byte == UInt8(ascii: "#") || (byte == UInt8(ascii: ":") && isURN(uri))
        }
        guard let cut = utf8.lastIndex(where: isSeparator), utf8.distance(from: utf8.startIndex, to: cut) > 3 else { return nil }
        let end = utf8.index(after: cut)
        guard end != utf8.endIndex, Vocabulary.isValidConceptID(String(Substring(utf8[end...]))) else { return nil }
        return String(Substring(utf8[..<end]))
    }

    /// An id made from the last part of a URI: percent-escapes decoded, characters an id
    /// cannot hold turned into `-`.
    static func stem(_ uri: String) -> String {
        var text = Substring(uri)
        while let last = text.last, "/#?=".contains(last) { text = text.dropLast() }
        if let cut = text.lastIndex(where: { "/#?=:".contains($0) }) { text = text[text.index(after: cut)...] }
        let decoded = String(text).removingPercentEncodingIfValid
        var result = ""
        for character in decoded {
            if Vocabulary.isValidConceptID(String(character)) {
                result.append(character)
            } else if result.last != "-" {
                result.append("-")
            }
        }
        while result.hasPrefix("-") { result.removeFirst() }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "concept" : result
    }
}

extension String {
    /// The text with `%XX` escapes decoded, or unchanged when they do not decode to UTF-8.
    var removingPercentEncodingIfValid: String {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        let result = String(decoding: bytes, as: UTF8.self)
        return result.utf8.elementsEqual(bytes) ? result : self
    }
}

extension String {
    /// Whether the UTF-8 bytes start with those of `prefix` (no Unicode equivalence, as IRIs compare).
    func hasBytePrefix(_ prefix: String) -> Bool {
        var prefix = prefix
        var text = self
        let length = prefix.utf8.count
        guard text.utf8.count >= length else { return false }
        return text.withUTF8 { textBytes in
            prefix.withUTF8 { prefixBytes in
                guard let left = textBytes.baseAddress, let right = prefixBytes.baseAddress else { return length == 0 }
                return memcmp(left, right, length) == 0
            }
        }
    }
}
