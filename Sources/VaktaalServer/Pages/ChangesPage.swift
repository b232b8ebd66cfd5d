import Foundation
import VaktaalCore

/// `/changes/{scheme}`: the versions the service published, newest first, and per version
/// which concepts came, went or changed since the version before it.
enum ChangesPage {
    /// How many versions the page compares.
    static let shownVersions = 10

    static func main(_ scheme: SchemeSnapshot, _ versions: [(PublishedVersion, [UInt8]?)], _ context: PageContext) -> HTML {
        let words = context.words
        let shown = Array(versions.prefix(shownVersions + 1))
        let sets = shown.map { _, bytes in
            bytes.map { VocabularyLoader.load(sources: [(path: "\(scheme.id).xml", bytes: $0)]).set }
        }
        var items: [HTML] = []
        for index in shown.indices.prefix(shownVersions) {
            let (version, _) = shown[index]
            let date = ISO8601DateFormatter().string(from: version.published)
            var summary: HTML = .empty
            if let new = sets[index], index + 1 < sets.count, let old = sets[index + 1] {
                summary = changes(from: old, to: new, context)
            }
            items.append(
                """
                <li><h3>\(words.version) \(version.revision)</h3>
                <p><time datetime="\(date)">\(date)</time> · <code>\(version.etag)</code></p>\(summary)</li>
                """)
        }
        let title = scheme.vocabulary.title(in: context.ui.rawValue) ?? scheme.id
        return """
            <h1>\(words.changes): \(title)</h1>
            <h2>\(words.versions)</h2>
            <ol class="versions" reversed>\(items)</ol>
            """
    }

    /// Concepts added, removed and changed between two versions.
    private static func changes(from old: VocabularySet, to new: VocabularySet, _ context: PageContext) -> HTML {
        let words = context.words
        let pairing = ConceptPairing(old, new)
        let changed = pairing.paired.filter { ConceptContent($0.old, in: old) != ConceptContent($0.new, in: new) }
        func names(_ keys: [ConceptKey], in set: VocabularySet, linked: Bool) -> HTML {
            let items = keys.prefix(50).map { key -> HTML in
                linked
                    ? "<li>\(ConceptPage.link(key, set, context))</li>"
                    : "<li>\(set[key].displayName(in: context.ui.rawValue))</li>"
            }
            return "<ul class=\"inline\">\(items)</ul>"
        }
        var parts: [HTML] = []
        if !pairing.added.isEmpty {
            parts.append("<p>\(words.added) (\(pairing.added.count)):</p>\(names(pairing.added, in: new, linked: true))")
        }
        if !pairing.removed.isEmpty {
            parts.append("<p>\(words.removed) (\(pairing.removed.count)):</p>\(names(pairing.removed, in: old, linked: false))")
        }
        if !changed.isEmpty {
            parts.append("<p>\(words.changed) (\(changed.count)):</p>\(names(changed.map(\.new), in: new, linked: true))")
        }
        return parts.isEmpty ? "<p>\(words.noChanges)</p>" : HTML.joined(parts)
    }
}
