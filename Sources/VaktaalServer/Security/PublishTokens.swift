import Foundation
import Hummingbird

/// Who may publish: bearer tokens per scheme, kept only as SHA-256 hashes (a file of
/// `scheme-id sha256-hex` lines, or `VAKTAAL_TOKENS="scheme:hex,scheme:hex"`), compared in
/// constant time. `*` as the scheme allows every scheme.
public struct PublishTokens: Sendable, Equatable {
    /// Token hashes by scheme id.
    private let hashes: [String: [[UInt8]]]

    /// Tokens from hashes by scheme.
    public init(hashes: [String: [String]]) {
        self.hashes = hashes.mapValues { $0.compactMap(Self.bytes(fromHex:)) }
    }

    /// An entry of a tokens file that is not `scheme hash`: named by its place and scheme,
    /// never by what it holds (most often the token itself, which must not reach a log).
    public struct InvalidEntry: Error, Equatable, CustomStringConvertible {
        /// The entry's number among the entries (blank lines and comments not counted).
        public let number: Int
        /// The scheme id it names, when it names one.
        public let scheme: String?

        public init(number: Int, scheme: String?) {
            self.number = number
            self.scheme = scheme
        }

        public var description: String {
            "error: token entry \(number)\(scheme.map { " (for '\($0)')" } ?? "") is no 'scheme-id hash': the hash is the "
                + "64 hexadecimal digits 'vaktaal serve --hash-token TOKEN' prints, never the token itself"
        }
    }

    /// Reads `scheme hex` lines (blank lines and `#` comments skipped) and the
    /// `scheme:hex,…` form of the environment variable.
    ///
    /// - Throws: ``InvalidEntry`` for an entry that is not a scheme and a SHA-256 hash (a
    ///   token written in plain text would never match, and nobody could publish).
    public static func parse(_ text: String) throws(InvalidEntry) -> PublishTokens {
        var hashes: [String: [String]] = [:]
        var number = 0
        // CR LF is one Character in Swift, and a newline: a tokens file written on Windows splits too.
        for line in text.split(whereSeparator: { $0.isNewline || $0 == "," }) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            number += 1
            let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "\t" }).map(String.init)
            guard parts.count == 2, bytes(fromHex: parts[1].lowercased()) != nil else {
                throw InvalidEntry(number: number, scheme: parts.count == 2 ? parts[0] : nil)
            }
            hashes[parts[0], default: []].append(parts[1].lowercased())
        }
        return PublishTokens(hashes: hashes)
    }

    /// The hash to configure for a token (`vaktaal serve --hash-token`).
    public static func hash(of token: String) -> String { SHA256.hex(Array(token.utf8)) }

    /// Whether any token is configured for `scheme`.
    func protects(_ scheme: String) -> Bool { hashes[scheme] != nil || hashes["*"] != nil }

    /// Checks an `Authorization` header for publishing to `scheme`.
    ///
    /// - Throws: ``ServiceError`` 401 without a valid bearer token, 403 for a token of
    ///   another scheme or a scheme nobody may publish to.
    func authorize(_ header: String?, scheme: String) throws(ServiceError) {
        guard protects(scheme) || !hashes.isEmpty else {
            throw ServiceError(.forbidden, "publishing is not enabled on this service (no tokens are configured)")
        }
        let challenge: HTTPFields = [.wwwAuthenticate: "Bearer realm=\"vaktaal\""]
        guard let header, header.lowercased().hasPrefix("bearer ") else {
            throw ServiceError(.unauthorized, "publishing needs a bearer token (Authorization: Bearer …)", headers: challenge)
        }
        let digest = SHA256.digest(Array(header.dropFirst(7).trimmingCharacters(in: .whitespaces).utf8))
        func holds(_ key: String) -> Bool {
            var found = false
            for hash in hashes[key] ?? [] where SHA256.constantTimeEqual(hash, digest) { found = true }
            return found
        }
        if holds(scheme) || holds("*") { return }
        let knownElsewhere = hashes.keys.contains { holds($0) }
        if knownElsewhere { throw ServiceError(.forbidden, "this token may not publish the scheme '\(scheme)'") }
        throw ServiceError(.unauthorized, "the bearer token is not valid", headers: challenge)
    }

    private static func bytes(fromHex hex: String) -> [UInt8]? {
        guard hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
