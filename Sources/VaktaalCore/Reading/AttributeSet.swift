import VaktaalText
import VaktaalXML

/// The attributes of one start tag, sorted into the format's own (no namespace),
/// `xml:lang`, and extension attributes from other namespaces. Unknown plain attributes
/// are reported as they are met.
struct AttributeSet {
    /// The tag's attributes as the parser gave them (shared, not copied); the format's own
    /// are a handful per element, so looking through them beats hashing.
    private let attributes: [XMLAttribute]
    /// The format's attributes this element takes; others are reported, never read.
    private let allowed: [String]
    private(set) var declaredLanguage: String?
    private(set) var extensions: [ExtensionAttribute] = []
    let tagPosition: SourcePosition

    /// Sorts the attributes of `tag`, reporting those not in `allowed`.
    init(
        _ tag: XMLStartTag, allowed: [String], acceptsLanguage: Bool,
        report: (ReaderRule, String, SourcePosition) -> Void
    ) {
        attributes = tag.attributes
        self.allowed = allowed
        tagPosition = tag.position
        for attribute in tag.attributes {
            let name = attribute.name
            if name.namespaceURI == xmlNamespaceURI, name.localName == "lang", acceptsLanguage {
                declaredLanguage = attribute.value
            } else if let namespace = name.namespaceURI, namespace != vocabularyNamespace {
                extensions.append(
                    ExtensionAttribute(
                        namespaceURI: namespace, prefix: name.prefix, localName: name.localName, value: attribute.value))
            } else if name.namespaceURI == nil, allowed.contains(name.localName) {
                continue
            } else {
                let known = allowed.sorted().map { "'\($0)'" }.joined(separator: ", ")
                let hint = known.isEmpty ? "it takes no attributes" : "known attributes: \(known)"
                report(
                    .unknownAttribute, "unknown attribute '\(name.qualifiedName)' on '\(tag.name.localName)' (\(hint))",
                    attribute.position)
            }
        }
    }

    /// The format's own attribute `name`, if the element takes it and has it (an attribute
    /// it does not take was reported and is not read).
    private func own(_ name: String) -> XMLAttribute? {
        // Most tags have no attribute asked for: looking among the few they have comes first.
        guard let attribute = attributes.first(where: { $0.name.namespaceURI == nil && $0.name.localName == name }) else {
            return nil
        }
        return allowed.contains(name) ? attribute : nil
    }

    subscript(name: String) -> String? { own(name)?.value }

    /// Where an attribute stands, or the tag when it is absent.
    func position(of name: String) -> SourcePosition { own(name)?.position ?? tagPosition }
}

/// Checks and converts attribute values, reporting values of the wrong form.
struct ValueParser {
    let report: (ReaderRule, String, SourcePosition) -> Void

    func required(_ name: String, in attributes: AttributeSet, element: String) -> String? {
        guard let value = attributes[name] else {
            report(.missingAttribute, "'\(element)' needs the attribute '\(name)'", attributes.tagPosition)
            return nil
        }
        return value
    }

    func bool(_ name: String, in attributes: AttributeSet) -> Bool {
        guard let value = attributes[name] else { return false }
        switch value {
        case "true", "1": return true
        case "false", "0": return false
        default:
            report(.invalidValue, "'\(name)' must be 'true' or 'false', not '\(value)'", attributes.position(of: name))
            return false
        }
    }

    func date(_ name: String, in attributes: AttributeSet) -> String? {
        guard let value = attributes[name] else { return nil }
        if !ISODate.isValid(value) {
            report(
                .invalidValue, "'\(name)' must be an ISO date such as 2025-09-01, not '\(value)'",
                attributes.position(of: name))
        }
        return value
    }

    func severity(_ name: String, in attributes: AttributeSet) -> Severity? {
        guard let value = attributes[name] else { return nil }
        guard let severity = Severity(rawValue: value) else {
            report(
                .invalidValue, "'\(name)' must be 'error', 'warning' or 'info', not '\(value)'",
                attributes.position(of: name))
            return nil
        }
        return severity
    }

    func identifier(_ value: String, kind: String, pattern: IdentifierPattern, at position: SourcePosition) {
        if !pattern.matches(value) {
            report(.invalidValue, "\(kind) '\(value)' is not valid: \(pattern.explanation)", position)
        }
    }
}

/// Splits a `;`-separated list attribute (`plural`, `forms`, `exceptions`).
func splitList(_ value: String?) -> [String] {
    guard let value, !value.isEmpty else { return [] }
    // One item without a separator or surrounding spaces, the usual case, is the value itself.
    if let first = value.utf8.first, let last = value.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80,
        !value.withUTF8Bytes({ $0.contains(UInt8(ascii: ";")) })
    {
        return [value]
    }
    return value.split(separator: ";").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
}

extension Substring {
    /// The text without leading and trailing white space (Foundation-free, scalar-based).
    func trimmingSpaces() -> String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }
}

extension String {
    /// The text without leading and trailing white space.
    func trimmingSpaces() -> String { self[...].trimmingSpaces() }
}

extension SourcePosition {
    /// The model's compact form of a parser position.
    init(_ position: SourcePosition) {
        self.init(line: position.line, column: position.column)
    }
}
