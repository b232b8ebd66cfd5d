import VaktaalCore
import VaktaalSync

/// Loads ``VocabularyInput``s that may name a scheme on a vaktaal service: URLs are fetched
/// (as `application/xml`) and read like a file; files, folders and git revisions are read by
/// ``VocabularyInput/load(_:strict:workingFolder:positions:)``.
public enum RemoteInput {
    /// Loads the inputs, in order.
    ///
    /// - Parameter positions: Whether concepts the local inputs have in common carry each
    ///   one's positions (``ConceptPositions``).
    /// - Throws: ``VocabularyInputError`` for an input that does not read, ``RemoteError``
    ///   for a URL that cannot be fetched.
    public static func load(
        _ inputs: [VocabularyInput], strict: Bool, positions: ConceptPositions = .exact,
        client: ServiceClient = ServiceClient()
    ) async throws -> [LoadedVocabulary] {
        let local = inputs.filter { if case .url = $0 { false } else { true } }
        var loadedLocal = try VocabularyInput.load(local, strict: strict, positions: positions)[...]
        var loaded: [LoadedVocabulary] = []
        for input in inputs {
            guard case .url(let url) = input else {
                loaded.append(loadedLocal.removeFirst())
                continue
            }
            let address = try ServiceAddress(url)
            guard case .fetched(let bytes, _) = try await client.fetch(address.schemeURL) else {
                throw RemoteError.unexpectedStatus(url: url, status: 304, message: "")
            }
            loaded.append(try read(bytes, from: url, strict: strict))
        }
        return loaded
    }

    /// Reads a fetched vocabulary file; `url` names it in positions.
    ///
    /// - Throws: ``VocabularyInputError/unreadable(_:)`` as for a file.
    public static func read(_ bytes: [UInt8], from url: String, strict: Bool) throws(VocabularyInputError) -> LoadedVocabulary {
        let loaded = VocabularyLoader.load(sources: [(url, bytes)])
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        if loaded.hasUnreadableFiles || (strict && !errors.isEmpty) { throw .unreadable(errors) }
        return loaded
    }
}
