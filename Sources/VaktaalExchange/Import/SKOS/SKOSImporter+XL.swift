import VaktaalCore
import VaktaalRDF

extension SKOSImporter {
    /// SKOS-XL labels: each becomes a label of its kind (or of the kind its status says:
    /// our own export's `vt:status`, and other status words that mean outdated), with what
    /// our export keeps on it (plurals, forms, exceptions, since, reason, severity, case,
    /// abbreviation). One that repeats a plain label of the concept takes that label's place.
    func mergeXL(
        _ labels: [(statement: Int32, resource: Int32, kind: LabelKind)], into concept: inout Concept, _ language: String?
    ) {
        guard !labels.isEmpty else { return }
        var matched = [Bool](repeating: false, count: concept.labels.count)
        for (statement, resource, kind) in labels {
            guard let label = xlLabel(resource, kind, language) else { continue }
            consumed[Int(statement)] = true
            let plainKind: LabelKind = label.kind == .deprecated ? .hidden : label.kind
            if let position = concept.labels.indices.first(where: { position in
                position < matched.count && !matched[position] && concept.labels[position].kind == plainKind
                    && concept.labels[position].text == label.text && concept.labels[position].language == label.language
            }) {
                matched[position] = true
                concept.labels[position] = label
            } else {
                concept.labels.append(label)
            }
        }
    }

    private func xlLabel(_ resource: Int32, _ kind: LabelKind, _ defaultLanguage: String?) -> Label? {
        var label: Label?
        var used: [Int32] = []
        var status: LabelKind?
        var plurals: [String] = []
        var forms: [String] = []
        var exceptions: [String] = []
        var isCaseSensitive = false
        var isAbbreviation = false
        var since: String?
        var reason: String?
        var severity: Severity?
        for statement in table.statements(about: resource) {
            let value = table.objectText(statement)
            switch role(statement) {
            case .type:
                if table.objectTerm(statement).map({ otherSKOSClasses.contains($0) }) == true { used.append(statement) }
            case .literalForm:
                guard let literal = table.literal(statement), label == nil else { continue }
                let (declared, effective) = language(of: literal, defaultLanguage)
                label = Label(kind: kind, text: literal.lexicalForm, declaredLanguage: declared, language: effective)
                used.append(statement)
            case .status:
                guard let kind = Self.labelKind(status: value) else { continue }
                status = kind
                used.append(statement)
            case .plural: (plurals, used) = (plurals + [value], used + [statement])
            case .form: (forms, used) = (forms + [value], used + [statement])
            case .exception: (exceptions, used) = (exceptions + [value], used + [statement])
            case .caseSensitive: (isCaseSensitive, used) = (value == "true" || value == "1", used + [statement])
            case .abbreviation: (isAbbreviation, used) = (value == "true" || value == "1", used + [statement])
            case .since:
                guard Vocabulary.isValidDate(value) else { continue }
                (since, used) = (value, used + [statement])
            case .reason: (reason, used) = (value, used + [statement])
            case .severity:
                guard let level = Severity(rawValue: value) else { continue }
                (severity, used) = (level, used + [statement])
            default: break
            }
        }
        guard var label else { return nil }
        for statement in used { consumed[Int(statement)] = true }
        usedResources.insert(resource)
        if let status { label.kind = status }
        label.plurals = plurals
        label.forms = forms
        label.exceptions = exceptions
        label.isCaseSensitive = isCaseSensitive
        label.isAbbreviation = isAbbreviation
        label.since = since
        label.reason = reason
        label.severity = severity
        return label
    }

    /// The label kind a status value stands for, by the IRI's last part (``TermStatus``).
    static func labelKind(status value: String) -> LabelKind? {
        TermStatus.labelKind(String(value.split(whereSeparator: { $0 == "/" || $0 == "#" }).last ?? ""))
    }
}
