/// The rule ids of problems found while reading a file, before any folder-level check.
public enum ReaderRule: String, CaseIterable, Sendable {
    /// The file is not well-formed XML, or is empty, binary or not UTF-8.
    case malformedXML = "malformed-xml"
    /// The file could not be read at all.
    case unreadableFile = "unreadable-file"
    /// The root element is not `vocabulary` in the format's namespace.
    case wrongNamespace = "wrong-namespace"
    /// The file is of a format version this vaktaal does not read (a newer one): read as
    /// format 1 it could mean something else, so nothing but `check` uses it.
    case unsupportedFormat = "unsupported-format"
    /// An element of the format's namespace that the format does not have, or in a place
    /// where it does not belong.
    case unknownElement = "unknown-element"
    /// An attribute the element does not have (typos must not pass silently).
    case unknownAttribute = "unknown-attribute"
    /// A required attribute is missing.
    case missingAttribute = "missing-attribute"
    /// An attribute value is not of the form the format asks for.
    case invalidValue = "invalid-value"
    /// Text where only elements belong.
    case unexpectedText = "unexpected-text"
    /// A processing instruction inside the root element, which the canonical layout has no
    /// place for: `format` leaves the file alone rather than lose it.
    case unkeptProcessingInstruction = "unkept-processing-instruction"
}

extension ReaderRule {
    /// The rule id findings carry.
    public var id: RuleID { RuleID(rawValue) }

    /// One line saying what the rule wants.
    public var summary: String {
        switch self {
        case .malformedXML: "every file is well-formed UTF-8 XML without a DOCTYPE"
        case .unreadableFile: "every file can be read"
        case .wrongNamespace: "the root element is 'vocabulary' in the format's namespace"
        case .unsupportedFormat: "the file is of format 1, the version this vaktaal reads"
        case .unknownElement: "only the format's elements, each in its place"
        case .unknownAttribute: "only the attributes each element has"
        case .missingAttribute: "required attributes are present"
        case .invalidValue: "attribute values have the form the format asks for"
        case .unexpectedText: "no text where only elements belong"
        case .unkeptProcessingInstruction: "processing instructions stand outside the root element"
        }
    }

    /// How grave a problem of the rule is: a file with an error is not read, while one with
    /// an unkept processing instruction is, and only formatting it would lose something.
    public var severity: Severity { self == .unkeptProcessingInstruction ? .warning : .error }
}
