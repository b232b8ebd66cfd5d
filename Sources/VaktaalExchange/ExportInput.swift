import Synchronization
import VaktaalCore

/// A vocabulary set prepared for export. What several formats derive from the set (the
/// glossary of the HTML and Markdown pages, the substitutions of the Vale and textlint
/// rules) is made once, on first use, however many formats are written, in parallel or not.
public final class ExportInput: Sendable {
    /// The vocabulary exported.
    public let set: VocabularySet
    /// The name single files get (e.g. `lerarenopleiding`).
    public let baseName: String
    private let conceptURIsMade = MadeOnce<[String]>()
    private let glossaryMade = MadeOnce<Glossary>()
    private let substitutionsMade = MadeOnce<Substitutions>()

    /// Prepares `set`; `baseName` defaults to ``Exporters/baseName(for:)``.
    public init(_ set: VocabularySet, baseName: String? = nil) {
        self.set = set
        self.baseName = baseName ?? Exporters.baseName(for: set)
    }

    /// Every concept's URI, by key, for the three RDF exports.
    var conceptURIs: [String] { conceptURIsMade.value { set.keys.map { set.uri(of: $0) } } }

    /// The glossary of the HTML and Markdown exports.
    var glossary: Glossary { glossaryMade.value { Glossary(set) } }

    /// The substitutions of the Vale and textlint exports.
    var substitutions: Substitutions { substitutionsMade.value { Substitutions(set) } }
}

/// A value made on first use, once, even when several threads ask for it at the same time
/// (the others wait for the first).
final class MadeOnce<Value: Sendable>: Sendable {
    private let made = Mutex<Value?>(nil)

    /// The value, made with `make` if this is the first use.
    func value(_ make: () -> Value) -> Value {
        made.withLock { made in
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
