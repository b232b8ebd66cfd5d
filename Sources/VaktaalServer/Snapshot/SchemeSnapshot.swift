import Foundation
import Synchronization
import VaktaalCore
import VaktaalExchange

/// One published version of one scheme, as the service serves it: the file's bytes as
/// published, its identity for caches (a strong ETag from the content's SHA-256, and the
/// time it was published), and the scheme read on its own for exports and concept pages.
/// Immutable; exports and gzipped bodies are made on first request and then kept with it.
public final class SchemeSnapshot: Sendable {
    /// The scheme id.
    public let id: String
    /// The published revision: 1, 2, … in the order the service published them.
    public let revision: Int
    /// The file as published (the vocabulary format).
    public let bytes: [UInt8]
    /// `"sha256-…"` with quotes, as the `ETag` header carries it.
    public let etag: String
    /// When this revision was published.
    public let published: Date
    /// `published` as an HTTP date, for `Last-Modified` (formatted once).
    let lastModified: String
    /// The scheme read on its own.
    public let set: VocabularySet
    private let exports = Mutex<[ExportFormat: [UInt8]]>([:])
    /// The gzipped bodies of its representations, made on the first request that accepts gzip.
    let compressedBodies = CompressedBodies()

    /// The snapshot of a scheme read from `bytes`.
    init(vocabulary: Vocabulary, bytes: [UInt8], revision: Int, published: Date) {
        id = vocabulary.id
        self.revision = revision
        self.bytes = bytes
        etag = ETag.of(bytes)
        self.published = published
        lastModified = HTTPDate.format(published)
        set = VocabularySet([vocabulary])
    }

    /// The scheme's metadata.
    public var vocabulary: Vocabulary { self.set.vocabularies[0] }

    /// The scheme in an exchange format, made once.
    func export(_ format: ExportFormat) -> [UInt8] {
        if let known = exports.withLock({ $0[format] }) { return known }
        let sink = MemorySink()
        Exporters.exporter(for: format).export(ExportInput(set), to: sink)
        let made = sink.files.first?.contents ?? []
        exports.withLock { $0[format] = made }
        return made
    }
}
