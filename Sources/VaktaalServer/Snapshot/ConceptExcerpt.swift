import VaktaalCore
import VaktaalExchange

/// One concept of a scheme on its own, for concept URIs that resolve to a document: the
/// scheme's metadata, the concept, and the concepts it names as stubs (id only), so that
/// its relations and replacement still resolve in every format.
struct ConceptExcerpt {
    let vocabulary: Vocabulary

    init(_ key: ConceptKey, of scheme: SchemeSnapshot) {
        let set = scheme.set
        let concept = set[key]
        var named = set.graph.broader(of: key) + set.graph.narrower(of: key) + set.graph.related(of: key)
        if let replacement = set.replacement(of: key) { named.append(replacement) }
        var stubs: [Concept] = []
        var seen: Set<String> = [concept.id]
        for other in named where seen.insert(set[other].id).inserted { stubs.append(Concept(id: set[other].id)) }
        var excerpt = scheme.vocabulary
        excerpt.concepts = [concept] + stubs
        excerpt.extensions = []
        excerpt.headerComments.removeAll {
            if case .extensionElement = $0.before { true } else { false }
        }
        vocabulary = excerpt
    }

    /// The excerpt in the vocabulary format or an exchange format.
    func bytes(as representation: Representation) -> [UInt8] {
        guard let format = representation.exportFormat else { return VocabularyWriter.bytes(for: vocabulary) }
        let sink = MemorySink()
        Exporters.exporter(for: format).export(ExportInput(VocabularySet([vocabulary])), to: sink)
        return sink.files.first?.contents ?? []
    }
}
