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
    private let glossaryMade = Mutex<Glossary?>(nil)
    private let substitutionsMade = Mutex<Substitutions?>(nil)

    /// Prepares `set`; `baseName` defaults to ``Exporters/baseName(for:)``.
    public init(_ set: VocabularySet, baseName: String? = nil) {
        self.set = set
        self.baseName = baseName ?? Exporters.baseName(for: set)
    }

    var glossary: Glossary {
        glossaryMade.withLock { made in
            if let made { return made }
            let glossary = Glossary(set)
            made = glossary
            return glossary
        }
    }

    var substitutions: Substitutions {
        substitutionsMade.withLock { made in
            if let made { return made }
            let substitutions = Substitutions(set)
            made = substitutions
            return substitutions
        }
    }
}
