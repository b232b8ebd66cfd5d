import Foundation
import VaktaalCore
import VaktaalSync

/// What a publish must pass: the checks of `vaktaal check`, on the new file together with
/// the other schemes the service holds, in every file (a new preferred label may be another
/// scheme's deprecated one); an error the service has already (the same rule and message, in
/// the scheme's current version or in the other schemes) is not the publisher's to mend
/// first, so that a version the service serves can always be published back. Findings name
/// the file by its scheme (`<id>.xml`), never by a path on the server.
enum PublishValidation {
    /// The vocabulary in `bytes`, if it may be published as `schemeID`.
    ///
    /// - Throws: ``ServiceError`` 422 with the findings as JSON.
    static func validate(
        _ bytes: [UInt8], name: String, schemeID: String, others: [SchemeSnapshot]
    ) throws(ServiceError) -> Vocabulary {
        let (read, readerFindings) = VocabularyLoader.read(bytes: bytes, path: name)
        guard let vocabulary = read, !readerFindings.contains(where: { $0.severity == .error }) else {
            throw unprocessable(readerFindings.filter { $0.severity == .error })
        }
        guard vocabulary.id == schemeID else {
            let finding = Finding(
                rule: ReaderRule.invalidValue.id, severity: .error,
                message: "the file is the scheme '\(vocabulary.id)', but it is published as '\(schemeID)'",
                location: .init(path: name, line: 1, column: 1))
            throw unprocessable([finding])
        }
        // The other schemes are named by their file name too, not by where the server keeps them.
        func named(_ scheme: SchemeSnapshot) -> Vocabulary {
            var named = scheme.vocabulary
            named.path = "\(scheme.id).xml"
            return named
        }
        let otherVocabularies = others.filter { $0.id != schemeID }.map(named)
        // Every file's errors: a label of the new file may break a rule in another scheme's
        // (a deprecated label there that the new file now prefers).
        func checkErrors(of vocabulary: Vocabulary?, diagnostics: [Finding]) -> (errors: [Finding], set: VocabularySet) {
            let set = VocabularySet(otherVocabularies + (vocabulary.map { [$0] } ?? []))
            let loaded = LoadedVocabulary(set: set, diagnostics: diagnostics, files: [name])
            return (VocabularyChecker.check(loaded).filter { $0.severity == .error }, set)
        }
        let checked = checkErrors(of: vocabulary, diagnostics: readerFindings)
        var errors = checked.errors
        if !errors.isEmpty {
            // As many of each error as the service has without this publish are not the
            // publisher's (by rule, the names it quotes and the concept, not by line): those
            // of the scheme's current version, and those of the other schemes on their own.
            let had = checkErrors(of: others.first(where: { $0.id == schemeID }).map(named), diagnostics: [])
            errors = InheritedErrors.new(errors, in: checked.set, base: had.errors, in: had.set)
        }
        guard errors.isEmpty else { throw unprocessable(errors) }
        return vocabulary
    }

    private static func unprocessable(_ findings: [Finding]) -> ServiceError {
        ServiceError(
            .unprocessableContent, "the vocabulary is not valid (see vaktaal check); nothing was changed",
            detailJSON: findingsJSON(findings))
    }

    /// Findings as the JSON of an error's detail, each file named by its name alone, never by
    /// where the server keeps it.
    static func findingsJSON(_ findings: [Finding]) -> String {
        let entries = findings.map { finding in
            var fields = [
                "\"rule\" : \(JSONString.quoted(finding.rule.rawValue))",
                "\"severity\" : \(JSONString.quoted(finding.severity.rawValue))",
                "\"message\" : \(JSONString.quoted(finding.message))",
            ]
            if let location = finding.location {
                fields += [
                    "\"path\" : \(JSONString.quoted((location.path as NSString).lastPathComponent))",
                    "\"line\" : \(location.line)",
                    "\"column\" : \(location.column)",
                ]
            }
            return "{ " + fields.joined(separator: ", ") + " }"
        }
        return "[\n    " + entries.joined(separator: ",\n    ") + "\n  ]"
    }
}

/// What a publish asks of the version it replaces: `If-Match` (the version the client read
/// is still the current one) and `If-None-Match` (`*`: that the service has none yet, so that
/// nobody's scheme is overwritten unseen; RFC 9110 13.1.2). A publish over a version the
/// service has must ask one of them (RFC 6585's 428): without, it would replace that version
/// unseen, the lost update.
public struct PublishPrecondition: Sendable {
    public var ifMatch: String?
    public var ifNoneMatch: String?

    public init(ifMatch: String? = nil, ifNoneMatch: String? = nil) {
        self.ifMatch = ifMatch
        self.ifNoneMatch = ifNoneMatch
    }

    /// The 412 for publishing over the version tagged `current` (`nil`: none yet), or the 428
    /// for publishing over it without a precondition; `nil` when the precondition holds.
    func refusal(schemeID: String, current: String?) -> ServiceError? {
        // An empty header names no version either.
        func names(_ header: String?) -> Bool { !(header ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        if !names(ifMatch), !names(ifNoneMatch), let current {
            return ServiceError(
                .preconditionRequired,
                "the scheme '\(schemeID)' is on the service already: publish with its ETag as If-Match, "
                    + "so that nobody's version is replaced unseen",
                detailJSON: "{ \"currentETag\" : \(JSONString.quoted(current)) }")
        }
        if let ifMatch, !ETagMatching.matches(ifMatch, current) {
            return ServiceError(
                .preconditionFailed,
                current == nil
                    ? "the scheme '\(schemeID)' is not on the service: publish it without If-Match"
                    : "the scheme '\(schemeID)' changed since you last read it: fetch the current version, merge, and publish again",
                detailJSON: current.map { "{ \"currentETag\" : \(JSONString.quoted($0)) }" })
        }
        if let ifNoneMatch, let current,
            ETagMatching.noneMatchHits(ifNoneMatch, current)
                || ETagMatching.noneMatchHits(ifNoneMatch, ETagMatching.gzipped(current))
        {
            return ServiceError(
                .preconditionFailed,
                "the scheme '\(schemeID)' is on the service already: fetch it, merge, and publish with its ETag as If-Match",
                detailJSON: "{ \"currentETag\" : \(JSONString.quoted(current)) }")
        }
        return nil
    }
}

/// `If-Match` and `If-None-Match` lists of entity tags.
enum ETagMatching {
    /// The tag of the gzipped body of a representation whose tag is `tag`: another
    /// representation of the same version (RFC 9110 8.8.3.3), told apart by a suffix.
    static func gzipped(_ tag: String) -> String { String(tag.dropLast()) + "-gzip\"" }

    /// Whether an `If-Match` value allows replacing the resource whose tag is `current`
    /// (`nil`: it does not exist). Strong comparison: weak tags never match. The tag of the
    /// gzipped body (what a client that accepts gzip was given) names the same version.
    static func matches(_ header: String, _ current: String?) -> Bool {
        let tags = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if tags.contains("*") { return current != nil }
        guard let current else { return false }
        return tags.contains(current) || tags.contains(gzipped(current))
    }

    /// Whether an `If-None-Match` value names the current tag (weak comparison, as for GET).
    static func noneMatchHits(_ header: String, _ current: String) -> Bool {
        let tags = header.split(separator: ",").map { tag -> String in
            let trimmed = tag.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed
        }
        return tags.contains("*") || tags.contains(current)
    }
}
