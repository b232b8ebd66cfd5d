import VaktaalCore
import VaktaalXML

/// One entry as read, before its relations and id are settled.
struct EntryDraft {
    var entryID: String
    var uri: String?
    var schemeID: String?
    var concept = Concept(id: "")
    var typedRelations: [(kind: RelationKind, entryID: String)] = []
    var crossReferences: [String] = []
    var replacedBy: String?
    var vocabulary: Int?
}

extension TBXImporter {
    /// The data category an element stands for: its `type` for the DCA elements
    /// (`termNote`, `descrip`, `admin`, …), its own name for DCT elements and `note`.
    static func category(_ node: XMLNode) -> String {
        switch node.localName {
        case "termNote", "descrip", "admin", "transac", "ref", "xref", "adminNote", "transacNote":
            node.attribute("type") ?? node.localName
        default: node.localName
        }
    }

    func readEntry(_ node: XMLNode) -> EntryDraft {
        var draft = EntryDraft(entryID: node.attribute("id") ?? "")
        for child in flattened(node.children) {
            let category = Self.category(child)
            switch (child.localName, category) {
            case ("langSec", _), ("langSet", _):
                readLanguage(child, into: &draft)
            case (_, "externalCrossReference"):
                let target = child.attribute("target") ?? ""
                if let kind = MappingKind(rawValue: child.content) {
                    draft.concept.mappings.append(Mapping(kind: kind, target: .uri(target)))
                } else if child.content.isEmpty, draft.uri == nil, headerNamesURIs, Self.isAbsoluteURI(target) {
                    draft.uri = target
                } else {
                    skip("externalCrossReference", "links to outside resources have no place in the format", example: target)
                }
            case (_, "crossReference"):
                if let target = child.attribute("target") { draft.crossReferences.append(target) }
            case (_, "transactionType"):
                skip(category, "only modification dates have a place in the format", example: child.content)
            case ("date", _):
                if Vocabulary.isValidDate(child.content) {
                    draft.concept.modified = max(draft.concept.modified ?? "", child.content)
                }
            case ("note", _), (_, "note"):
                readEntryNote(child.noteContent, into: &draft)
            case (_, "definition"), (_, "source"), (_, "context"):
                addNote(category, child.noteContent, language: nil, date: nil, to: &draft.concept)
            default:
                skip(category, "a data category the format has no place for", example: child.content)
            }
        }
        return draft
    }

    /// Group elements (`descripGrp`, `transacGrp`, …) opened: their members count as if
    /// they stood in the group's place. `transacGrp` keeps only modification dates.
    func flattened(_ nodes: [XMLNode]) -> [XMLNode] {
        nodes.flatMap { node -> [XMLNode] in
            switch node.localName {
            case "transacGrp":
                // `<transac type="transactionType">` (DCA style) or `<transactionType>` (DCT style):
                // a modification's date is read; the rest of the group is reported skipped
                // (a responsibility, a creation and its date).
                let isType = { (child: XMLNode) in child.localName == "transac" || child.localName == "transactionType" }
                let isModification = node.children.contains { isType($0) && $0.content == "modification" }
                // A note in the group is about the transaction, not the concept.
                for note in node.children("note") {
                    skip("transacGrp note", "notes on a transaction have no place in the format", example: note.content)
                }
                return node.children.filter {
                    $0.localName != "note" && (isModification ? !isType($0) : $0.localName != "date")
                }
            case "descripGrp", "adminGrp", "termNoteGrp":
                return flattened(node.children)
            default:
                return [node]
            }
        }
    }

    /// A note on an entry: one of our keys, or a plain note.
    private func readEntryNote(_ text: String, into draft: inout EntryDraft) {
        guard let (key, value) = Self.keyValue(text) else {
            addNote("note", text, language: nil, date: nil, to: &draft.concept)
            return
        }
        let (name, language) = Self.splitLanguage(Self.withoutDate(key).key)
        // A note keeps its own spaces; names, flags and references do not have any.
        let field = value.trimmingXMLSpace
        switch name {
        case "scheme": draft.schemeID = field
        case "top": draft.concept.isTopConcept = field == "true"
        case "deprecated": draft.concept.isDeprecated = field == "true"
        case "replacedBy": draft.replacedBy = field
        case "broader", "narrower", "related":
            guard let kind = RelationKind(rawValue: name) else { return }
            for target in field.split(separator: " ") { draft.typedRelations.append((kind, String(target))) }
        case "notation": draft.concept.notations.append(field)
        case let word where word.hasPrefix("hiddenLabel"):
            readHiddenLabel(key, field, language: language ?? "", into: &draft.concept)
        default:
            if NoteKind(rawValue: name) != nil {
                addNote(name, value, language: language, date: Self.withoutDate(key).date, to: &draft.concept)
            } else {
                addNote("note", text, language: nil, date: nil, to: &draft.concept)
            }
        }
    }

    /// `hiddenLabel[@lang]: text` starts a hidden label; `hiddenLabel[@lang] plural: x` and
    /// the like add to the last one.
    func readHiddenLabel(_ key: String, _ value: String, language: String, into concept: inout Concept) {
        let parts = key.split(separator: " ", maxSplits: 1)
        if parts.count == 1 {
            concept.labels.append(Label(kind: .hidden, text: value, language: language))
            return
        }
        guard let last = concept.labels.lastIndex(where: { $0.kind == .hidden }) else { return }
        applyLabelProperty(String(parts[1]), value, to: &concept.labels[last])
    }

    /// A label property written as a note (`plural`, `form`, `since`, …); false when the key is not one.
    @discardableResult
    func applyLabelProperty(_ key: String, _ value: String, to label: inout Label) -> Bool {
        switch key {
        case "plural": label.plurals.append(value)
        case "form": label.forms.append(value)
        case "exception": label.exceptions.append(value)
        case "since": label.since = Vocabulary.isValidDate(value) ? value : label.since
        case "reason": label.reason = value
        case "severity": label.severity = Severity(rawValue: value) ?? label.severity
        case "caseSensitive": label.isCaseSensitive = value == "true"
        case "abbreviation": label.isAbbreviation = value == "true"
        case "label": label.kind = LabelKind(rawValue: value) ?? label.kind
        default: return false
        }
        return true
    }

    /// `changeNote (2025-09-01)` as (`changeNote`, `2025-09-01`).
    static func withoutDate(_ key: String) -> (key: String, date: String?) {
        guard key.hasSuffix(")"), let open = key.lastIndex(of: "(") else { return (key, nil) }
        let date = String(key[key.index(after: open)..<key.index(before: key.endIndex)])
        return (String(key[..<open]).trimmingCharacters(in: " "), date)
    }

    /// Adds a note of a data category (`definition`, `source`, `context` as an example, or
    /// a note kind's own name); `language` `nil` means the vocabulary's default.
    func addNote(_ category: String, _ text: String, language: String?, date: String?, to concept: inout Concept) {
        let kind: NoteKind
        switch category {
        case "context": kind = .example
        default: kind = NoteKind(rawValue: category) ?? .note
        }
        let validDate = date.flatMap { kind == .changeNote && Vocabulary.isValidDate($0) ? $0 : nil }
        concept.notes.append(Note(kind: kind, text: text, language: language ?? Self.defaultLanguageMarker, date: validDate))
    }

    /// Stands for "the vocabulary's default language" until the entry's vocabulary is known.
    static let defaultLanguageMarker = "\u{0}default"
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var result = Substring(self)
        while result.first == set { result = result.dropFirst() }
        while result.last == set { result = result.dropLast() }
        return String(result)
    }
}
