import PropertyBased
import VaktaalCore

/// A small vocabulary described by numbers, so that PropertyBased can generate (and shrink)
/// it: every concept with its labels, definition, relations and codes, written out in
/// one of many layouts.
struct GeneratedConcept: Hashable, Sendable {
    /// How many alternative labels.
    var alternatives: Int
    /// Whether it has an outdated label.
    var outdated: Bool
    /// Which definition it has, if any.
    var definition: Int?
    /// Which earlier concept is broader (counted back from this one), if any.
    var broader: Int?
    /// Which earlier concept is related, if any.
    var related: Int?
    /// Whether it has a code.
    var notation: Bool
    /// Whether it has an English preferred label.
    var english: Bool
}

/// The concepts by id; a removed concept keeps its place as `nil`, so ids stay stable.
struct GeneratedVocabulary: Hashable, Sendable, CustomStringConvertible {
    var concepts: [GeneratedConcept?]

    var description: String { "\(concepts.count) concepts" }

    static func id(_ index: Int) -> String { "c\(index)" }

    /// The index of an earlier concept that is still there, counting `offset` back from `index`.
    func earlier(_ index: Int, _ offset: Int?) -> Int? {
        guard let offset else { return nil }
        let candidates = (0..<index).filter { concepts[$0] != nil }
        guard !candidates.isEmpty else { return nil }
        return candidates[candidates.count - 1 - offset % candidates.count]
    }
}

/// One edit of a generated vocabulary.
struct GeneratedEdit: Hashable, Sendable {
    var kind: Int
    var target: Int
    var value: Int
}

/// How a generated vocabulary is written: the same content in many layouts.
struct GeneratedStyle: Hashable, Sendable {
    /// Concepts in reverse order.
    var reversed: Bool
    /// Labels and notes in reverse order.
    var reversedParts: Bool
    /// Broader relations written as `narrower` on the broader concept.
    var narrowerOnParent: Bool
    /// References written as full URIs.
    var fullURIs: Bool
    /// Comments, declared languages and other spacing.
    var decorated: Bool

    static let plain = GeneratedStyle(
        reversed: false, reversedParts: false, narrowerOnParent: false, fullURIs: false, decorated: false)
}

enum Generated {
    static let uri = "https://example.org/gen/"

    static let concept = zip(
        Gen.int(in: 0...2), Gen.bool, Gen.int(in: 0...3).optional, Gen.int(in: 0...9).optional, Gen.int(in: 0...9).optional,
        Gen.bool, Gen.bool
    ).map {
        GeneratedConcept(alternatives: $0, outdated: $1, definition: $2, broader: $3, related: $4, notation: $5, english: $6)
    }

    static let vocabulary = concept.array(of: 1...8).map { GeneratedVocabulary(concepts: $0) }

    static let edits = zip(Gen.int(in: 0...8), Gen.int(in: 0...40), Gen.int(in: 0...40)).map {
        GeneratedEdit(kind: $0, target: $1, value: $2)
    }.array(of: 0...4)

    static let style = zip(Gen.bool, Gen.bool, Gen.bool, Gen.bool, Gen.bool).map {
        GeneratedStyle(reversed: $0, reversedParts: $1, narrowerOnParent: $2, fullURIs: $3, decorated: $4)
    }

    /// The vocabulary after `edits`.
    static func edited(_ vocabulary: GeneratedVocabulary, _ edits: [GeneratedEdit]) -> GeneratedVocabulary {
        var result = vocabulary
        for edit in edits {
            let present = result.concepts.indices.filter { result.concepts[$0] != nil }
            guard !present.isEmpty || edit.kind == 6 else { continue }
            let index = present.isEmpty ? 0 : present[edit.target % present.count]
            switch edit.kind {
            case 0: result.concepts[index]?.definition = edit.value % 5 == 4 ? nil : edit.value % 5
            case 1: result.concepts[index]?.outdated.toggle()
            case 2: result.concepts[index]?.alternatives = edit.value % 3
            case 3: result.concepts[index]?.broader = edit.value % 4 == 3 ? nil : edit.value
            case 4:
                let related = result.concepts[index]?.related
                result.concepts[index]?.related = related == nil ? edit.value : nil
            case 5:
                // Relations count back among the concepts still there, so none dangles.
                result.concepts[index] = nil
            case 6:
                result.concepts.append(
                    GeneratedConcept(
                        alternatives: edit.value % 3, outdated: edit.value % 2 == 0, definition: edit.value % 4,
                        broader: edit.target, related: nil, notation: false, english: edit.value % 3 == 0))
            case 7: result.concepts[index]?.notation.toggle()
            default: result.concepts[index]?.english.toggle()
            }
        }
        return result
    }

    /// The vocabulary as a file, in `style`.
    static func xml(_ vocabulary: GeneratedVocabulary, _ style: GeneratedStyle) -> String {
        var parents: [Int: [Int]] = [:]
        for (index, concept) in vocabulary.concepts.enumerated() {
            if let concept, let parent = vocabulary.earlier(index, concept.broader) { parents[parent, default: []].append(index) }
        }
        func reference(_ index: Int) -> String { (style.fullURIs ? uri : "") + GeneratedVocabulary.id(index) }
        let space = style.decorated ? "\n      " : ""
        let language = style.decorated ? " xml:lang=\"nl\"" : ""
        var concepts: [String] = []
        for (index, concept) in vocabulary.concepts.enumerated() {
            guard let concept else { continue }
            var parts: [String] = ["<prefLabel\(language)>term \(index)</prefLabel>"]
            if concept.english { parts.append("<prefLabel xml:lang=\"en\">term \(index) en</prefLabel>") }
            for number in 0..<concept.alternatives { parts.append("<altLabel\(language)>alt \(index) \(number)</altLabel>") }
            if concept.outdated { parts.append("<deprecatedLabel since=\"2025-09-01\">oud \(index)</deprecatedLabel>") }
            if let definition = concept.definition {
                parts.append("<definition>Definitie \(definition) van \(index).</definition>")
            }
            if concept.notation { parts.append("<notation>N\(index)</notation>") }
            if style.reversedParts { parts.reverse() }
            if let parent = vocabulary.earlier(index, concept.broader), !style.narrowerOnParent {
                parts.append("<broader ref=\"\(reference(parent))\"/>")
            }
            if style.narrowerOnParent {
                for child in parents[index] ?? [] { parts.append("<narrower ref=\"\(reference(child))\"/>") }
            }
            if let other = vocabulary.earlier(index, concept.related) { parts.append("<related ref=\"\(reference(other))\"/>") }
            let comment = style.decorated ? "<!-- begrip \(index) -->\n" : ""
            concepts.append(
                "\(comment)<concept id=\"\(GeneratedVocabulary.id(index))\">\(space)"
                    + parts.joined(separator: space) + "</concept>")
        }
        if style.reversed { concepts.reverse() }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="gen" uri="\(uri)" xml:lang="nl">
            <title>Gegenereerd</title>
            \(concepts.joined(separator: "\n"))
            </vocabulary>

            """
    }

    /// The vocabulary loaded from its file in `style`.
    static func set(_ vocabulary: GeneratedVocabulary, _ style: GeneratedStyle = .plain) throws -> VocabularySet {
        try load([("gen.xml", xml(vocabulary, style))])
    }
}
