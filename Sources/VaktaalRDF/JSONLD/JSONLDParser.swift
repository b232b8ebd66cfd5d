import Foundation
import VaktaalText

/// JSON-LD 1.1 documents with an inline context, turned into statements as the expansion
/// and deserialisation algorithms do for what vocabularies use: `@context` with prefixes,
/// terms (with `@id`, `@type` coercion, `@language`, `@container` `@list`/`@set`/`@language`),
/// `@vocab`, `@base` and `@language`; node objects with `@id` and `@type`, nested (blank)
/// nodes, `@graph`, value objects, lists, and native booleans and numbers. Remote contexts
/// are refused (no network); a syntax error names the line and column where JSON parsing stopped.
enum JSONLDParser {
    static func parse(_ bytes: [UInt8], path: String, baseIRI: String?, handler: (RDFStatement) -> Void) throws(RDFParseError) {
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw Self.syntaxError(error, in: bytes, path: path)
        }
        let failure: RDFParseError? = withoutActuallyEscaping(handler) { handler in
            var reader = JSONLDReader(path: path, emit: handler)
            do throws(RDFParseError) {
                try reader.read(document, context: JSONLDContext(base: baseIRI))
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// The syntax error of bytes that do not decode: where the JSON parser stopped and why.
    /// JSONDecoder says neither on Linux; JSONSerialization says "Invalid value around
    /// character N" (a byte offset; newer Foundation: "around line L, column C"), so the
    /// bytes are parsed by it again on this error path.
    private static func syntaxError(_ error: any Error, in bytes: [UInt8], path: String) -> RDFParseError {
        guard case DecodingError.dataCorrupted = error else {
            return .syntax(path: path, position: .start, message: "not JSON: \(describe(error))")
        }
        let reason: String
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            return .syntax(path: path, position: .start, message: "not JSON: \(describe(error))")
        } catch {
            reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? describe(error)
        }
        func number(after text: String) -> Int? {
            reason.range(of: text).flatMap { Int(reason[$0.upperBound...].prefix { $0.isASCII && $0.isNumber }) }
        }
        guard let marker = reason.range(of: " around ") else {
            return .syntax(path: path, position: .start, message: "not JSON: \(reason)")
        }
        let message = "not JSON: \(reason[..<marker.lowerBound].lowercased())"
        // Newer Foundation says "around line L, column C".
        if let line = number(after: "around line "), let column = number(after: ", column ") {
            return .syntax(path: path, position: SourcePosition(line: line, column: column), message: message)
        }
        guard let offset = number(after: "around character ") else {
            return .syntax(path: path, position: .start, message: "not JSON: \(reason)")
        }
        let position = bytes.withUnsafeBufferPointer { buffer in
            var lines = LineIndex(bytes: buffer)
            return lines.position(at: min(offset, buffer.count))
        }
        return .syntax(path: path, position: position, message: message)
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
        }
        return "\(error)"
    }
}

/// The active context: what keys and values mean.
struct JSONLDContext {
    struct Term {
        var iri: String
        var type: String?
        var language: String??
        var container: String?
    }

    var base: String?
    var vocabulary: String?
    var language: String?
    var terms: [String: Term] = [:]

    init(base: String?) { self.base = base }
}

/// Walks a document and emits its statements.
struct JSONLDReader {
    let path: String
    let emit: (RDFStatement) -> Void
    private var blankCount = 0

    init(path: String, emit: @escaping (RDFStatement) -> Void) {
        self.path = path
        self.emit = emit
    }

    func fail(_ message: String) -> RDFParseError { .syntax(path: path, position: .start, message: message) }

    mutating func read(_ value: JSONValue, context: JSONLDContext) throws(RDFParseError) {
        switch value {
        case .array(let items):
            for item in items { try read(item, context: context) }
        case .object(let object):
            var active = context
            if let local = object["@context"] { active = try processContext(local, active) }
            if object.keys.allSatisfy({ $0 == "@context" || $0 == "@graph" }), let graph = object["@graph"] {
                for item in graph.list { _ = try node(item, active) }
            } else {
                _ = try node(value, active)
            }
        default:
            throw fail("a JSON-LD document is an object or an array of objects")
        }
    }

    // MARK: - Context

    func processContext(_ value: JSONValue, _ context: JSONLDContext) throws(RDFParseError) -> JSONLDContext {
        var result = context
        for item in value.list {
            switch item {
            case .null: result = JSONLDContext(base: context.base)
            case .string(let remote): throw fail("remote context '\(remote)' is not fetched (no network): inline it")
            case .object(let definitions):
                if case .string(let base)? = definitions["@base"] { result.base = resolve(base, result) }
                if definitions["@base"] == .null { result.base = nil }
                if case .string(let vocabulary)? = definitions["@vocab"] { result.vocabulary = expandIRI(vocabulary, result) }
                if case .string(let language)? = definitions["@language"] { result.language = language }
                if definitions["@language"] == .null { result.language = nil }
                for (key, definition) in definitions.sorted(by: { $0.key < $1.key }) where !key.hasPrefix("@") {
                    result.terms[key] = try define(key, definition, definitions, result)
                }
            default: throw fail("a context is an object, a string or null")
            }
        }
        return result
    }

    private func define(
        _ key: String, _ definition: JSONValue, _ definitions: [String: JSONValue], _ context: JSONLDContext
    ) throws(RDFParseError) -> JSONLDContext.Term? {
        var scope = context
        // Definitions may use prefixes defined beside them, in any order.
        for (other, value) in definitions where other != key && !other.hasPrefix("@") {
            if case .string(let iri) = value, scope.terms[other] == nil, IRIReference.hasScheme(iri) {
                scope.terms[other] = JSONLDContext.Term(iri: iri)
            }
        }
        switch definition {
        case .null: return nil
        case .string(let iri): return JSONLDContext.Term(iri: expandIRI(iri, scope, vocabulary: true))
        case .object(let fields):
            let iri =
                fields["@id"]?.string.map { expandIRI($0, scope, vocabulary: true) } ?? expandIRI(key, scope, vocabulary: true)
            var term = JSONLDContext.Term(iri: iri)
            if let type = fields["@type"]?.string {
                term.type = type.hasPrefix("@") ? type : expandIRI(type, scope, vocabulary: true)
            }
            if let language = fields["@language"] { term.language = .some(language.string) }
            // JSON-LD 1.1 lets `@set` stand beside another container, in either order
            // (`["@set", "@language"]`): the other says how values are laid out.
            if let container = fields["@container"] {
                let kinds = container.list.compactMap(\.string)
                term.container = kinds.first { $0 != "@set" } ?? kinds.first
            }
            return term
        default: throw fail("the definition of '\(key)' is not a string or an object")
        }
    }

    // MARK: - IRIs

    func resolve(_ reference: String, _ context: JSONLDContext) -> String {
        if IRIReference.hasScheme(reference) { return reference }
        guard let base = context.base else { return reference }
        return IRIReference.resolve(reference, against: base)
    }

    /// A term, compact IRI (`prefix:local`), absolute IRI, or (for vocabulary positions) a
    /// word under `@vocab`; elsewhere a relative IRI against `@base`.
    func expandIRI(_ value: String, _ context: JSONLDContext, vocabulary: Bool = false) -> String {
        if value.hasPrefix("_:") { return value }
        if vocabulary, let term = context.terms[value] { return term.iri }
        if let colon = value.firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            let rest = value[value.index(after: colon)...]
            if !rest.hasPrefix("//"), let term = context.terms[prefix] { return term.iri + rest }
            if IRIReference.hasScheme(value) { return value }
        }
        if vocabulary, let vocabularyIRI = context.vocabulary { return vocabularyIRI + value }
        return resolve(value, context)
    }

    mutating func newBlank() -> RDFNode {
        blankCount += 1
        return .blank("b\(blankCount)")
    }

    private func subjectNode(_ id: String) -> RDFNode {
        id.hasPrefix("_:") ? .blank(String(id.dropFirst(2))) : .iri(id)
    }
}

extension JSONLDReader {
    // MARK: - Nodes and values

    /// A node object: its statements, and the node itself (for its referrer).
    mutating func node(_ json: JSONValue, _ outer: JSONLDContext) throws(RDFParseError) -> RDFNode {
        guard case .object(let object) = json else { throw fail("a node is an object") }
        var context = outer
        if let local = object["@context"] { context = try processContext(local, context) }
        let subject: RDFNode
        if let id = object["@id"]?.string {
            let expanded = expandIRI(id, context)
            subject = expanded.hasPrefix("_:") ? .blank(String(expanded.dropFirst(2))) : .iri(expanded)
        } else {
            subject = newBlank()
        }
        for type in object["@type"]?.list ?? [] {
            guard let name = type.string else { throw fail("@type values are strings") }
            emit(
                RDFStatement(
                    subject: subject, predicate: RDFVocabulary.type, object: iriNode(expandIRI(name, context, vocabulary: true))))
        }
        if let graph = object["@graph"] {
            for item in graph.list { _ = try node(item, context) }
        }
        for (key, values) in object.sorted(by: { $0.key < $1.key }) where !key.hasPrefix("@") {
            let term = context.terms[key]
            let predicate = expandIRI(key, context, vocabulary: true)
            guard IRIReference.hasScheme(predicate), !predicate.hasPrefix("_:") else { continue }
            if term?.container == "@language", case .object(let map) = values {
                for (language, texts) in map.sorted(by: { $0.key < $1.key }) {
                    for text in texts.list {
                        guard let string = text.string else { continue }
                        emit(
                            RDFStatement(
                                subject: subject, predicate: predicate, object: .literal(RDFLiteral(string, language: language))))
                    }
                }
                continue
            }
            if term?.container == "@list" {
                let items = try values.list.map { (item) throws(RDFParseError) -> RDFNode in try self.value(item, term, context) }
                emit(RDFStatement(subject: subject, predicate: predicate, object: list(items)))
                continue
            }
            for item in values.list {
                if case .object(let inner) = item, let listValue = inner["@list"] {
                    let items = try listValue.list.map { (element) throws(RDFParseError) -> RDFNode in
                        try self.value(element, term, context)
                    }
                    emit(RDFStatement(subject: subject, predicate: predicate, object: list(items)))
                } else {
                    emit(RDFStatement(subject: subject, predicate: predicate, object: try value(item, term, context)))
                }
            }
        }
        return subject
    }

    private func iriNode(_ iri: String) -> RDFNode {
        iri.hasPrefix("_:") ? .blank(String(iri.dropFirst(2))) : .iri(iri)
    }

    /// A property value: a value object, a node (reference or nested), or a native value
    /// read through the term's coercion.
    mutating func value(_ json: JSONValue, _ term: JSONLDContext.Term?, _ context: JSONLDContext) throws(RDFParseError) -> RDFNode
    {
        switch json {
        case .string(let string):
            if term?.type == "@id" { return iriNode(expandIRI(string, context)) }
            if term?.type == "@vocab" { return iriNode(expandIRI(string, context, vocabulary: true)) }
            if let type = term?.type { return .literal(RDFLiteral(string, datatype: type)) }
            let language = term?.language ?? context.language
            return .literal(RDFLiteral(string, language: language))
        case .bool(let flag):
            return .literal(RDFLiteral(flag ? "true" : "false", datatype: RDFVocabulary.xsd + "boolean"))
        case .integer(let number):
            return .literal(RDFLiteral(String(number), datatype: term?.type ?? RDFVocabulary.xsd + "integer"))
        case .double(let number):
            return .literal(RDFLiteral(String(format: "%.15E", number), datatype: term?.type ?? RDFVocabulary.xsd + "double"))
        case .object(let fields):
            if let literal = fields["@value"] {
                let text: String
                switch literal {
                case .string(let string): text = string
                case .bool(let flag): text = flag ? "true" : "false"
                case .integer(let number): text = String(number)
                case .double(let number): text = String(number)
                default: throw fail("@value is a string, number or boolean")
                }
                let type = fields["@type"]?.string.map { expandIRI($0, context, vocabulary: true) }
                let language = fields["@language"]?.string
                return .literal(RDFLiteral(text, language: type == nil ? language : nil, datatype: type))
            }
            if fields.count == 1, let id = fields["@id"]?.string { return iriNode(expandIRI(id, context)) }
            return try node(json, context)
        case .array, .null:
            throw fail("a property value is a string, number, boolean or object")
        }
    }

    /// An RDF list of `items`.
    mutating func list(_ items: [RDFNode]) -> RDFNode {
        guard !items.isEmpty else { return .iri(RDFVocabulary.nil) }
        let cells = items.map { _ in newBlank() }
        for (index, cell) in cells.enumerated() {
            emit(RDFStatement(subject: cell, predicate: RDFVocabulary.first, object: items[index]))
            let rest = index + 1 < cells.count ? cells[index + 1] : .iri(RDFVocabulary.nil)
            emit(RDFStatement(subject: cell, predicate: RDFVocabulary.rest, object: rest))
        }
        return cells[0]
    }
}
