/// The project's own `Vocabulary/`, compiled into the program by the EmbedVocabulary
/// build plugin: the last fallback when no vocabulary is given or found.
public enum EmbeddedVocabulary {
    /// The files as `(path, bytes)` pairs, with paths under `<embedded>/`.
    public static var sources: [(path: String, bytes: [UInt8])] {
        embeddedVocabularyFiles.map { (path: "<embedded>/\($0.name)", bytes: Array($0.text.utf8)) }
    }
}
