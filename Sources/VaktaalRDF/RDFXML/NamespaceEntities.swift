/// The entities Protégé, the OWL API and TopBraid declare at the top of every RDF/XML file
/// they write, to shorten namespace IRIs:
///
/// ```xml
/// <!DOCTYPE rdf:RDF [
///     <!ENTITY skos "http://www.w3.org/2004/02/skos/core#" >
/// ]>
/// ... rdf:resource="&skos;Concept"
/// ```
///
/// The parser refuses every DOCTYPE (a DTD can declare entities that read files or explode
/// in size). A DOCTYPE whose internal subset declares only such entities, each an IRI-like
/// text (no white space, references, markup or quotes) under a name that is not one of XML's
/// own five, is blanked out here and its references in text and attribute values written out
/// (not in tags between attributes, comments, CDATA or processing instructions), so that the
/// parser reads a document without one. Lines keep their numbers and the DOCTYPE its columns
/// (its bytes become spaces, its line breaks stay); a column after a reference on its line
/// moves.
enum NamespaceEntities {
    /// Most entities a DOCTYPE may declare, and the longest value each may have.
    static let maximumCount = 1_000
    static let maximumValueLength = 4_096

    /// The document with its DOCTYPE of namespace entities blanked out and their references
    /// written out; `nil` when it has no DOCTYPE, or one that declares anything else (which
    /// the parser then refuses), or when writing the references out would make it longer
    /// than eight times its length and a megabyte.
    static func expanded(_ bytes: [UInt8]) -> [UInt8]? {
        guard let doctype = declaration(in: bytes) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        result += bytes[..<doctype.range.lowerBound]
        result += bytes[doctype.range].map { $0 == 0x0A || $0 == 0x0D ? $0 : 0x20 }
        let limit = 8 * bytes.count + (1 << 20)
        // Where a reference is written out: in text, and in a tag only inside a quoted value.
        var inTag = false
        var quote: UInt8?
        var index = doctype.range.upperBound
        while index < bytes.count {
            let byte = bytes[index]
            if !inTag, let end = verbatimEnd(bytes, at: index) {
                result += bytes[index..<end]
                index = end
                continue
            }
            if byte == UInt8(ascii: "&"), !inTag || quote != nil, let (name, end) = reference(bytes, at: index),
                let value = doctype.entities[name]
            {
                result += value
                guard result.count <= limit else { return nil }
                index = end
                continue
            }
            if inTag {
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    inTag = false
                }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
            }
            result.append(byte)
            index += 1
        }
        return result
    }

    /// The DOCTYPE before the root element, when it declares only plain entities: its bytes
    /// and the entities by name.
    private static func declaration(in bytes: [UInt8]) -> (range: Range<Int>, entities: [[UInt8]: [UInt8]])? {
        var scanner = Scanner(bytes: bytes)
        _ = scanner.consume("\u{FEFF}")
        // The prolog: an XML declaration, comments, processing instructions, white space.
        while true {
            scanner.skipSpace()
            if scanner.starts(with: "<?") {
                guard scanner.skip(past: "?>") else { return nil }
            } else if scanner.starts(with: "<!--") {
                guard scanner.skip(past: "-->") else { return nil }
            } else {
                break
            }
        }
        let start = scanner.index
        guard scanner.consume("<!DOCTYPE"), scanner.skipSpace() > 0, scanner.name() != nil else { return nil }
        scanner.skipSpace()
        guard scanner.consume("[") else { return nil }
        var entities: [[UInt8]: [UInt8]] = [:]
        while true {
            scanner.skipSpace()
            if scanner.consume("]") {
                scanner.skipSpace()
                guard scanner.consume(">") else { return nil }
                return (start..<scanner.index, entities)
            }
            if scanner.starts(with: "<!--") {
                guard scanner.skip(past: "-->") else { return nil }
                continue
            }
            guard scanner.consume("<!ENTITY"), scanner.skipSpace() > 0, let name = scanner.name(), scanner.skipSpace() > 0,
                !predefined.contains(name), let value = scanner.quoted(), value.count <= maximumValueLength,
                !value.contains(where: { $0 <= 0x20 || Self.unsafe.contains($0) })
            else { return nil }
            scanner.skipSpace()
            guard scanner.consume(">"), entities.count < maximumCount else { return nil }
            // The first declaration of a name is the one that counts (XML 1.0 4.2).
            if entities[name] == nil { entities[name] = value }
        }
    }

    /// What a plain value does not hold (besides white space and control characters):
    /// references (which could nest to a bomb), markup, and the quotes around the attribute
    /// value it may be written into.
    private static let unsafe: Set<UInt8> = [
        UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
        UInt8(ascii: "'"),
    ]

    /// XML's own entities, which a document may not declare otherwise (XML 1.0 4.6).
    private static let predefined: Set<[UInt8]> = Set(["lt", "gt", "amp", "quot", "apos"].map { Array($0.utf8) })

    /// The end of a comment, CDATA section or processing instruction at `index`, whose text
    /// has no references.
    private static func verbatimEnd(_ bytes: [UInt8], at index: Int) -> Int? {
        var scanner = Scanner(bytes: bytes, index: index)
        if scanner.starts(with: "<!--") { return scanner.skip(past: "-->") ? scanner.index : bytes.count }
        if scanner.starts(with: "<![CDATA[") { return scanner.skip(past: "]]>") ? scanner.index : bytes.count }
        if scanner.starts(with: "<?") { return scanner.skip(past: "?>") ? scanner.index : bytes.count }
        return nil
    }

    /// The name of the entity reference `&name;` at `index`, and where it ends.
    private static func reference(_ bytes: [UInt8], at index: Int) -> ([UInt8], Int)? {
        var scanner = Scanner(bytes: bytes, index: index + 1)
        guard let name = scanner.name(), scanner.consume(";") else { return nil }
        return (name, scanner.index)
    }

    /// Reads the few pieces of DTD syntax a declaration of plain entities has.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        func starts(with text: String) -> Bool { bytes[index...].starts(with: text.utf8) }

        mutating func consume(_ text: String) -> Bool {
            guard starts(with: text) else { return false }
            index += text.utf8.count
            return true
        }

        /// Moves past the next `text`; `false` when there is none.
        mutating func skip(past text: String) -> Bool {
            let pattern = Array(text.utf8)
            while index < bytes.count {
                if bytes[index...].starts(with: pattern) {
                    index += pattern.count
                    return true
                }
                index += 1
            }
            return false
        }

        /// Skips white space, and says how much.
        @discardableResult
        mutating func skipSpace() -> Int {
            let start = index
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
            return index - start
        }

        /// A name (letters, digits, `_ - . :` and any byte beyond ASCII, not starting with a
        /// digit, `-` or `.`).
        mutating func name() -> [UInt8]? {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                let isStart = (byte | 0x20) &- 0x61 < 26 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
                let isPart = byte &- 0x30 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                guard isStart || (index > start && isPart) else { break }
                index += 1
            }
            return index > start ? Array(bytes[start..<index]) : nil
        }

        /// A text in single or double quotes, without them.
        mutating func quoted() -> [UInt8]? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                return nil
            }
            let quote = bytes[index]
            let start = index + 1
            guard let end = bytes[start...].firstIndex(of: quote) else { return nil }
            index = end + 1
            return Array(bytes[start..<end])
        }
    }
}
