import VaktaalText
import VaktaalXML

/// An attribute of the format itself (in no namespace), as the elements take them.
enum FormatAttribute: Int, CaseIterable {
    case format, id, uri, scheme, version, modified
    case top, deprecated, replacedBy
    case plural, forms, caseSensitive, abbreviation, since, reason, severity, exceptions
    case ref, date

    /// Each attribute's name as the format writes it, by raw value.
    private static let names = [
        "format", "id", "uri", "scheme", "version", "modified", "top", "deprecated", "replacedBy", "plural", "forms",
        "caseSensitive", "abbreviation", "since", "reason", "severity", "exceptions", "ref", "date",
    ]

    /// The attribute's name as written.
    var name: String { Self.names[rawValue] }

    /// The attribute's bit in a set of them (there are fewer than 32 attributes).
    var bit: UInt32 { 1 << UInt32(rawValue) }
}

/// The attributes of one start tag, sorted into the format's own (no namespace),
/// `xml:lang`, and extension attributes from other namespaces. Unknown plain attributes
/// are reported as they are met.
struct AttributeSet {
    /// The tag's attributes as the parser gave them (shared, not copied).
    private let attributes: [XMLAttribute]
    /// The format's attributes the tag has and the element takes (others were reported and
    /// are never read): most lookups ask for one it does not have, and then compare nothing.
    private var present: UInt32 = 0
    private(set) var declaredLanguage: String?
    private(set) var extensions: [ExtensionAttribute] = []
    let tagPosition: SourcePosition

    /// Sorts the attributes of `tag`, reporting those not in `allowed`.
    init(
        _ tag: XMLStartTag, allowed: [FormatAttribute], acceptsLanguage: Bool,
        report: (ReaderRule, String, SourcePosition) -> Void
    ) {
        attributes = tag.attributes
        tagPosition = tag.position
        for index in tag.attributes.indices {
            classify(tag.attributes[index], of: tag, allowed: allowed, acceptsLanguage: acceptsLanguage, report: report)
        }
    }

    /// Classifies one attribute of `tag` (borrowed, not copied: most are looked at and left).
    private mutating func classify(
        _ attribute: borrowing XMLAttribute, of tag: XMLStartTag, allowed: [FormatAttribute], acceptsLanguage: Bool,
        report: (ReaderRule, String, SourcePosition) -> Void
    ) {
        if attribute.name.namespaceURI == nil, let known = allowed.first(where: { $0.name == attribute.name.localName }) {
            present |= known.bit
        } else if attribute.name.namespaceURI == xmlNamespaceURI, attribute.name.localName == "lang", acceptsLanguage {
            // Tags compare without case: the model keeps one spelling of each (`NL` is `nl`).
            declaredLanguage = LanguageTag.canonicalCase(attribute.value)
        } else if let namespace = attribute.name.namespaceURI, namespace != vocabularyNamespace {
            extensions.append(
                ExtensionAttribute(
                    namespaceURI: namespace, prefix: attribute.name.prefix, localName: attribute.name.localName,
                    value: attribute.value))
        } else {
            let known = allowed.map(\.name).sorted().map { "'\($0)'" }.joined(separator: ", ")
            let hint = known.isEmpty ? "it takes no attributes" : "known attributes: \(known)"
            report(
                .unknownAttribute, "unknown attribute '\(attribute.name.qualifiedName)' on '\(tag.name.localName)' (\(hint))",
                attribute.position)
        }
    }

    /// Where among the tag's attributes the format's own `attribute` is, if the element takes it and has it.
    private func index(of attribute: FormatAttribute) -> Int? {
        guard present & attribute.bit != 0 else { return nil }
        let name = attribute.name
        return attributes.indices.first { attributes[$0].name.namespaceURI == nil && attributes[$0].name.localName == name }
    }

    subscript(attribute: FormatAttribute) -> String? { index(of: attribute).map { attributes[$0].value } }

    /// Where an attribute stands, or the tag when it is absent.
    func position(of attribute: FormatAttribute) -> SourcePosition {
        index(of: attribute).map { attributes[$0].position } ?? tagPosition
    }
}

/// Checks and converts attribute values, reporting values of the wrong form.
struct ValueParser {
    let report: (ReaderRule, String, SourcePosition) -> Void

    func required(_ attribute: FormatAttribute, in attributes: AttributeSet, element: String) -> String? {
        guard let value = attributes[attribute] else {
            report(.missingAttribute, "'\(element)' needs the attribute '\(attribute.name)'", attributes.tagPosition)
            return nil
        }
        return value
    }

    func bool(_ attribute: FormatAttribute, in attributes: AttributeSet) -> Bool {
        guard let value = attributes[attribute] else { return false }
        switch value {
        case "true", "1": return true
        case "false", "0": return false
        default:
            report(
                .invalidValue, "'\(attribute.name)' must be 'true' or 'false', not '\(value)'", attributes.position(of: attribute)
            )
            return false
        }
    }

    func date(_ attribute: FormatAttribute, in attributes: AttributeSet) -> String? {
        guard let value = attributes[attribute] else { return nil }
        if !ISODate.isValid(value) {
            report(
                .invalidValue, "'\(attribute.name)' must be an ISO date such as 2025-09-01, not '\(value)'",
                attributes.position(of: attribute))
        }
        return value
    }

    func severity(_ attribute: FormatAttribute, in attributes: AttributeSet) -> Severity? {
        guard let value = attributes[attribute] else { return nil }
        guard let severity = Severity(rawValue: value) else {
            report(
                .invalidValue, "'\(attribute.name)' must be 'error', 'warning' or 'info', not '\(value)'",
                attributes.position(of: attribute))
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
