internal import CSerd
import Foundation
import VaktaalText

/// Turtle, TriG, N-Triples and N-Quads, tokenised by serd (strict mode) and finished here,
/// where serd 0.30 leaves work to its caller: every relative IRI is resolved against the
/// base in force (dot segments removed), every prefixed name is expanded through the
/// prefixes declared so far (an undeclared prefix is an error), and a string whose escapes
/// spell an invalid code point (a lone surrogate such as `\uD800`) is refused.
enum SerdParser {
    /// How many bytes serd reads at a time.
    static let pageSize = 1 << 16

    static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, syntax: RDFSyntax, path: String, baseIRI: String?,
        handler: (RDFStatement) -> Void
    ) throws(RDFParseError) {
        let failure: RDFParseError? = withoutActuallyEscaping(handler) { handler in
            let session = SerdSession(buffer: buffer, syntax: syntax, path: path, baseIRI: baseIRI, handler: handler)
            return session.run()
        }
        if let failure { throw failure }
    }

    static func serdSyntax(_ syntax: RDFSyntax) -> SerdSyntax {
        switch syntax {
        case .turtle, .rdfXML, .jsonLD: SERD_TURTLE
        case .trig: SERD_TRIG
        case .nTriples: SERD_NTRIPLES
        case .nQuads: SERD_NQUADS
        }
    }
}

/// The state of one parse; serd's callbacks reach it through the handle.
final class SerdSession {
    let buffer: UnsafeBufferPointer<UInt8>
    let syntax: RDFSyntax
    let path: String
    let handler: (RDFStatement) -> Void
    /// The base IRI in force (`@base` changes it).
    var base: String?
    /// Declared prefixes, by name.
    var prefixes: [String: String] = [:]
    /// Prefixed names already expanded, as written.
    var expandedNames: [String: String] = [:]
    /// How far serd has read.
    var offset = 0
    /// The first error met; the parse stops there.
    var failure: RDFParseError?
    /// Whether the document has a backslash at all: only escapes can make invalid text.
    let hasEscapes: Bool
    /// The last subject, reused while serd repeats it (`;` and `,` lists).
    private var lastSubject: (bytes: [UInt8], node: RDFNode)?

    init(
        buffer: UnsafeBufferPointer<UInt8>, syntax: RDFSyntax, path: String, baseIRI: String?,
        handler: @escaping (RDFStatement) -> Void
    ) {
        self.buffer = buffer
        self.syntax = syntax
        self.path = path
        self.base = baseIRI
        self.handler = handler
        hasEscapes = buffer.contains(UInt8(ascii: "\\"))
    }

    var allowsDirectives: Bool { syntax == .turtle || syntax == .trig }

    func run() -> RDFParseError? {
        if let invalid = UTF8Validation.firstInvalidOffset(in: buffer) {
            var index = LineIndex(bytes: buffer)
            return .syntax(path: path, position: index.position(at: invalid), message: "invalid UTF-8: save the file as UTF-8")
        }
        let handle = Unmanaged.passUnretained(self).toOpaque()
        guard
            let reader = serd_reader_new(
                SerdParser.serdSyntax(syntax), handle, nil, Self.baseSink, Self.prefixSink, Self.statementSink, nil)
        else { return .syntax(path: path, position: .start, message: "out of memory") }
        defer { serd_reader_free(reader) }
        serd_reader_set_strict(reader, true)
        serd_reader_set_error_sink(reader, Self.errorSink, handle)
        let status = serd_reader_read_source(reader, Self.read, Self.streamError, handle, path, SerdParser.pageSize)
        if let failure { return failure }
        if status.rawValue > SERD_FAILURE.rawValue {
            return .syntax(
                path: path, position: position(atOffset: offset),
                message: String(cString: serd_strerror(status)).lowercased())
        }
        return nil
    }

    // MARK: - Callbacks

    static func session(_ handle: UnsafeMutableRawPointer?) -> SerdSession {
        guard let handle else { preconditionFailure("serd called back without the session") }
        return Unmanaged<SerdSession>.fromOpaque(handle).takeUnretainedValue()
    }

    static let read: SerdSource = { destination, _, count, stream in
        let session = SerdSession.session(stream)
        let length = min(count, session.buffer.count - session.offset)
        guard length > 0, let base = session.buffer.baseAddress else { return 0 }
        destination.copyMemory(from: base + session.offset, byteCount: length)
        session.offset += length
        return length
    }

    static let streamError: SerdStreamErrorFunc = { _ in 0 }

    static let errorSink: SerdErrorSink = { handle, error in
        let session = SerdSession.session(handle)
        var text = [CChar](repeating: 0, count: 512)
        _ = text.withUnsafeMutableBufferPointer { vaktaal_serd_format_error(error, $0.baseAddress, $0.count) }
        let message = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let position = session.position(line: Int(error.pointee.line), byteColumn: Int(error.pointee.col))
        session.fail(.syntax(path: session.path, position: position, message: message.trimmingNewlines()))
        return error.pointee.status
    }

    static let baseSink: SerdBaseSink = { handle, node in
        let session = SerdSession.session(handle)
        guard session.failure == nil else { return SERD_ERR_UNKNOWN }
        guard let iri = session.resolve(node.pointee) else { return SERD_ERR_BAD_ARG }
        session.base = iri
        return SERD_SUCCESS
    }

    static let prefixSink: SerdPrefixSink = { handle, name, uri in
        let session = SerdSession.session(handle)
        guard session.failure == nil else { return SERD_ERR_UNKNOWN }
        guard let iri = session.resolve(uri.pointee) else { return SERD_ERR_BAD_ARG }
        session.prefixes[SerdSession.text(name.pointee)] = iri
        session.expandedNames.removeAll(keepingCapacity: true)
        return SERD_SUCCESS
    }

    static let statementSink: SerdStatementSink = { handle, _, graph, subject, predicate, object, datatype, language in
        let session = SerdSession.session(handle)
        guard session.failure == nil else { return SERD_ERR_UNKNOWN }
        return session.statement(graph, subject.pointee, predicate.pointee, object.pointee, datatype, language)
    }

    // MARK: - Statements

    private func statement(
        _ graph: UnsafePointer<SerdNode>?, _ subject: SerdNode, _ predicate: SerdNode, _ object: SerdNode,
        _ datatype: UnsafePointer<SerdNode>?, _ language: UnsafePointer<SerdNode>?
    ) -> SerdStatus {
        guard let subjectNode = subjectNode(subject), let predicateIRI = iri(predicate),
            let objectNode = node(object, datatype: datatype, language: language)
        else { return SERD_ERR_BAD_ARG }
        var graphNode: RDFNode?
        if let graph {
            guard let node = node(graph.pointee, datatype: nil, language: nil) else { return SERD_ERR_BAD_ARG }
            graphNode = node
        }
        handler(RDFStatement(subject: subjectNode, predicate: predicateIRI, object: objectNode, graph: graphNode))
        return SERD_SUCCESS
    }

    private func subjectNode(_ node: SerdNode) -> RDFNode? {
        let bytes = UnsafeBufferPointer(start: node.buf, count: node.n_bytes)
        if let last = lastSubject, last.bytes.count == bytes.count,
            last.bytes.withUnsafeBufferPointer({ previous in
                guard let left = previous.baseAddress, let right = bytes.baseAddress else { return bytes.isEmpty }
                return memcmp(left, right, bytes.count) == 0
            })
        {
            return last.node
        }
        guard let made = self.node(node, datatype: nil, language: nil) else { return nil }
        lastSubject = (Array(bytes), made)
        return made
    }

    private func node(_ node: SerdNode, datatype: UnsafePointer<SerdNode>?, language: UnsafePointer<SerdNode>?) -> RDFNode? {
        switch node.type {
        case SERD_BLANK: return .blank(Self.text(node))
        case SERD_LITERAL:
            guard let lexical = checkedText(node) else { return nil }
            var type: String?
            if let datatype, datatype.pointee.type != SERD_NOTHING {
                guard let iri = iri(datatype.pointee) else { return nil }
                type = iri
            }
            let tag = language.flatMap { $0.pointee.type == SERD_NOTHING ? nil : Self.text($0.pointee) }
            return .literal(RDFLiteral(lexical, language: tag, datatype: type))
        default:
            return iri(node).map(RDFNode.iri)
        }
    }

    /// The absolute IRI a URI or prefixed-name node stands for.
    private func iri(_ node: SerdNode) -> String? {
        switch node.type {
        case SERD_URI: return resolve(node)
        case SERD_CURIE: return expand(node)
        default:
            fail(message: "expected an IRI", near: Self.bytes(node))
            return nil
        }
    }

    /// A prefixed name through the prefixes declared so far.
    private func expand(_ node: SerdNode) -> String? {
        let written = Self.text(node)
        if let known = expandedNames[written] { return known }
        let bytes = Self.bytes(node)
        let colon = bytes.firstIndex(of: UInt8(ascii: ":")) ?? bytes.endIndex
        let prefix = String(decoding: bytes[..<colon], as: UTF8.self)
        guard let namespace = prefixes[prefix] else {
            fail(message: "the prefix '\(prefix):' is not declared", near: Array(bytes[..<min(colon + 1, bytes.count)]))
            return nil
        }
        let local = colon < bytes.count ? bytes[(colon + 1)...] : []
        guard let localText = checked(local, near: bytes) else { return nil }
        let expanded = namespace + localText
        expandedNames[written] = expanded
        return expanded
    }

    /// A URI node resolved against the base in force.
    func resolve(_ node: SerdNode) -> String? {
        guard let reference = checkedText(node) else { return nil }
        if IRIReference.hasScheme(reference) { return reference }
        guard allowsDirectives else {
            fail(message: "relative IRI '\(reference)' (this syntax allows only absolute IRIs)", near: Self.bytes(node))
            return nil
        }
        guard let base else {
            fail(message: "relative IRI '\(reference)' and no base IRI to resolve it against", near: Self.bytes(node))
            return nil
        }
        return IRIReference.resolve(reference, against: base)
    }

    /// The node's text, refused when its escapes made invalid UTF-8 (a lone surrogate).
    private func checkedText(_ node: SerdNode) -> String? {
        checked(UnsafeBufferPointer(start: node.buf, count: node.n_bytes), near: Self.bytes(node))
    }

    private func checked(_ bytes: some Collection<UInt8>, near: [UInt8]) -> String? {
        if hasEscapes {
            let invalid = Array(bytes).withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
            if invalid != nil {
                fail(message: "an escape spells an invalid code point (a lone surrogate)", near: [UInt8(ascii: "\\")])
                return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func text(_ node: SerdNode) -> String {
        String(decoding: UnsafeBufferPointer(start: node.buf, count: node.n_bytes), as: UTF8.self)
    }

    static func bytes(_ node: SerdNode) -> [UInt8] { Array(UnsafeBufferPointer(start: node.buf, count: node.n_bytes)) }

    // MARK: - Errors and positions

    func fail(_ error: RDFParseError) {
        if failure == nil { failure = error }
    }

    /// Fails with a message placed at the last occurrence of `needle` in what serd has read
    /// (the statement just read is at the end of it), else where serd has read to.
    private func fail(message: String, near needle: [UInt8]) {
        var at = offset
        if !needle.isEmpty, offset >= needle.count {
            var index = offset - needle.count
            let floor = max(0, offset - 2 * SerdParser.pageSize)
            while index >= floor {
                if buffer[index] == needle[0], needle.indices.allSatisfy({ buffer[index + $0] == needle[$0] }) {
                    at = index
                    break
                }
                index -= 1
            }
        }
        fail(.syntax(path: path, position: position(atOffset: at), message: message))
    }

    func position(atOffset offset: Int) -> SourcePosition {
        var index = LineIndex(bytes: buffer)
        return index.position(at: offset)
    }

    /// serd counts lines at `\n` and columns in bytes from 1; turned into code points here.
    func position(line: Int, byteColumn: Int) -> SourcePosition {
        var start = 0
        var current = 1
        while current < line, let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
            start = newline + 1
            current += 1
        }
        return position(atOffset: min(buffer.count, start + max(0, byteColumn - 1)))
    }
}

extension String {
    fileprivate func trimmingNewlines() -> String {
        var result = self
        while let last = result.last, last.isNewline { result.removeLast() }
        return result
    }
}
