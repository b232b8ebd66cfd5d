import VaktaalCore
import VaktaalXML

extension TBXImporter {
    /// A language section: its documentation, hidden labels (our notes) and terms.
    func readLanguage(_ node: XMLNode, into draft: inout EntryDraft) {
        var language = LanguageTag.canonicalCase(
            node.attribute("lang", namespace: xmlNamespaceURI) ?? node.attribute("lang") ?? "")
        if language == "und" { language = "" }
        for child in flattened(node.children) {
            let category = Self.category(child)
            switch (child.localName, category) {
            case ("termSec", _), ("tig", _), ("ntig", _):
                if let label = readTerm(child, language: language, concept: &draft.concept) {
                    draft.concept.labels.append(label)
                }
            case ("note", _), (_, "note"):
                let text = child.noteContent
                if let (key, value) = Self.keyValue(text) {
                    let (name, date) = Self.withoutDate(key)
                    if name.hasPrefix("hiddenLabel") {
                        readHiddenLabel(name, value.trimmingXMLSpace, language: language, into: &draft.concept)
                        continue
                    }
                    if NoteKind(rawValue: name) != nil {
                        addNote(name, value, language: language, date: date, to: &draft.concept)
                        continue
                    }
                }
                addNote("note", text, language: language, date: nil, to: &draft.concept)
            case (_, "definition"), (_, "source"), (_, "context"):
                addNote(category, child.noteContent, language: language, date: nil, to: &draft.concept)
            default:
                skip(category, "a data category the format has no place for", example: child.content)
            }
        }
    }

    /// A term section (`termSec`, `tig`, `ntig`): the term, its status and what our notes say.
    func readTerm(_ node: XMLNode, language: String, concept: inout Concept) -> Label? {
        let members = flattened(node.children + (node.child("termGrp").map { $0.children } ?? []))
        guard let text = members.first(where: { $0.localName == "term" })?.content, !text.isEmpty else { return nil }
        var label = Label(kind: .alternative, text: text, language: language)
        // Every status the term's notes give: the strictest wins (a term both admitted and
        // forbidden is forbidden), whatever their order.
        var statusKinds: [LabelKind] = []
        // A status there is no label kind for: it could say the term is forbidden.
        var unknownStatus: String?
        var partOfSpeech: String?
        var kindFromNote = false
        for member in members where member.localName != "term" && member.localName != "termGrp" {
            let category = Self.category(member)
            let value = member.content
            switch category {
            case "administrativeStatus", "normativeAuthorization", "usageStatus":
                if let kind = TermStatus.labelKind(value) {
                    statusKinds.append(kind)
                } else {
                    unknownStatus = "\(category) \(value)"
                }
            case "preferred", "admitted", "deprecated", "forbidden", "superseded", "obsolete", "outdated":
                // Phrase and TermWeb write a status as a flag: `<termNote type="forbidden">true</termNote>`;
                // a term said not to be preferred is admitted.
                switch value.trimmingXMLSpace.lowercased() {
                case "true", "yes", "1": statusKinds += TermStatus.labelKind(category).map { [$0] } ?? []
                case "false", "no", "0": if category == "preferred" { statusKinds.append(.alternative) }
                default: unknownStatus = "\(category) \(value)"
                }
            case "termType":
                if ["abbreviation", "acronym", "shortForm", "initialism", "shortcut"].contains(value) {
                    label.isAbbreviation = true
                } else {
                    skip(category, "a term type the format has no place for", example: value)
                }
            case "partOfSpeech":
                partOfSpeech = value
            case "context":
                addNote("context", value, language: language, date: nil, to: &concept)
            case "note":
                if let (key, noteValue) = Self.keyValue(value), applyLabelProperty(key, noteValue, to: &label) {
                    if key == "label" { kindFromNote = true }
                } else {
                    skip("note (on a term)", "the format has no notes on terms", example: value)
                }
            default:
                skip(category, "a data category the format has no place for", example: value)
            }
        }
        if let partOfSpeech, !(partOfSpeech == "noun" && !label.plurals.isEmpty) {
            skip("partOfSpeech", "the format does not keep parts of speech", example: "\(text): \(partOfSpeech)")
        }
        let statusKind = [LabelKind.deprecated, .hidden, .alternative, .preferred].first { statusKinds.contains($0) }
        if !kindFromNote, let unknownStatus {
            guard statusKind != nil else {
                skip("term", "a status there is no label kind for: the term is left out", example: "\(text): \(unknownStatus)")
                return nil
            }
            warnings.add(
                "statuses there is no label kind for, beside one there is: that one gives the kind",
                example: "\(text): \(unknownStatus)")
        }
        if !kindFromNote {
            if let statusKind {
                label.kind = statusKind
            } else {
                label.kind =
                    concept.labels.contains { $0.kind == .preferred && $0.language == language } ? .alternative : .preferred
                warnings.add(
                    "terms without an administrative status: the first of a language preferred, the others admitted",
                    example: text)
            }
        }
        return label
    }
}
