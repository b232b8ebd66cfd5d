import VaktaalCore

/// Taking what a template wrote when it says the same, so that a built concept keeps the
/// order and form of what did not change.
enum Reuse {
    /// `contents` as model values: the written values whose content is among them first, in
    /// their order, then new ones made by `make`, in the contents' order.
    static func ordered<Content: Hashable, Written>(
        _ contents: [Content], written: [Written], content: (Written) -> Content, make: (Content) -> Written
    ) -> [Written] {
        var wanted: [Content: Int] = [:]
        for item in contents { wanted[item, default: 0] += 1 }
        var result: [Written] = []
        for value in written {
            let key = content(value)
            guard let count = wanted[key], count > 0 else { continue }
            wanted[key] = count - 1
            result.append(value)
        }
        for item in contents {
            guard let count = wanted[item], count > 0 else { continue }
            wanted[item] = count - 1
            result.append(make(item))
        }
        return result
    }

    /// The members of `values` in the order `written` has them, then the others sorted by `sortKey`.
    static func keptOrder<Value: Hashable, Key: Comparable>(
        _ values: Set<Value>, written: [Value], sortKey: (Value) -> Key
    ) -> [Value] {
        var remaining = values
        var result: [Value] = []
        for value in written where remaining.remove(value) != nil { result.append(value) }
        return result + remaining.sorted { sortKey($0) < sortKey($1) }
    }
}

extension Label {
    /// A label saying what `content` says, written with `declaredLanguage`.
    init(_ content: LabelContent, declaredLanguage: String?) {
        self.init(
            kind: content.kind, text: content.text, declaredLanguage: declaredLanguage, language: content.language,
            plurals: content.plurals, forms: content.forms, isCaseSensitive: content.isCaseSensitive,
            isAbbreviation: content.isAbbreviation, since: content.since, reason: content.reason, severity: content.severity,
            exceptions: content.exceptions, extensionAttributes: content.extensionAttributes.sortedForOutput)
    }
}

extension Note {
    /// A note saying what `content` says, written with `declaredLanguage`.
    init(_ content: NoteContent, declaredLanguage: String?) {
        self.init(
            kind: content.kind, text: content.text, declaredLanguage: declaredLanguage, language: content.language,
            date: content.date, extensionAttributes: content.extensionAttributes.sortedForOutput)
    }
}

extension MetadataContent {
    /// The content of a metadata entry.
    init(_ entry: MetadataEntry) {
        self.init(
            kind: entry.kind, language: entry.language, text: entry.text, extensionAttributes: Set(entry.extensionAttributes))
    }
}

/// The scheme around a plan's concepts.
enum SchemeBuilder {
    /// The vocabulary of `plan` with `concepts`.
    static func vocabulary(_ plan: SchemePlan, concepts: [Concept]) -> Vocabulary {
        let content = plan.content
        let template = plan.template
        let reusable = template?.defaultLanguage == content.defaultLanguage ? template?.metadata ?? [] : []
        let metadata = Reuse.ordered(
            content.metadata.sorted(), written: reusable, content: MetadataContent.init,
            make: {
                MetadataEntry(
                    kind: $0.kind, text: $0.text, declaredLanguage: Assembler.declared($0.language, content.defaultLanguage),
                    language: $0.language, extensionAttributes: $0.extensionAttributes.sortedForOutput)
            })
        var scheme = Vocabulary(
            format: content.format, id: content.id, uri: content.uri, schemeURI: content.schemeURI, version: content.version,
            modified: content.modified,
            defaultLanguage: content.defaultLanguage, metadata: metadata, concepts: concepts,
            extensions: Reuse.keptOrder(
                content.extensions, written: template?.extensions ?? [], sortKey: String.init(describing:)),
            extensionAttributes: Reuse.keptOrder(
                content.extensionAttributes, written: template?.extensionAttributes ?? [], sortKey: String.init(describing:)),
            prologComments: template?.prologComments ?? [],
            prologInstructions: template?.prologInstructions ?? [], trailingComments: template?.trailingComments ?? [],
            epilogComments: template?.epilogComments ?? [], epilogInstructions: template?.epilogInstructions ?? [],
            path: template?.path)
        if let template { scheme.headerComments = template.headerComments.map { $0.reanchored(from: template, to: scheme) } }
        return scheme
    }
}
