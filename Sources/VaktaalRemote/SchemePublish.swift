import VaktaalCore
import VaktaalSync

/// What a publish did.
public enum PublishOutcome: Sendable {
    /// `vaktaal check` found errors in the local vocabulary that the last pulled version did
    /// not have: nothing was sent.
    case refusedByCheck(CheckReport)
    /// The service took the file; its ETag is the new base's.
    case published(etag: String?)
}

/// `vaktaal publish`: checks the local vocabulary, then sends `<folder>/<scheme>.xml` to the
/// service with `If-Match` on the ETag of the last pull, and keeps what was sent as the new base.
public struct SchemePublish: Sendable {
    /// The scheme on the service.
    public let address: ServiceAddress
    /// The local vocabulary folder.
    public let folder: String

    /// A publish of the scheme file in `folder` to `address`.
    public init(_ address: ServiceAddress, from folder: String) {
        self.address = address
        self.folder = folder
    }

    /// `<folder>/<scheme>.xml`.
    public var localFile: String { (folder.hasSuffix("/") ? folder : folder + "/") + "\(address.scheme).xml" }

    /// Checks and publishes.
    ///
    /// Without an ETag from an earlier pull, the scheme is published only when the service
    /// does not have it yet (so that nobody's version is overwritten unseen); after a pull
    /// that left conflicts, only once the file changed since (someone looked at them).
    ///
    /// - Throws: ``RemoteError`` (with 401, 403, 412 and 422 explained), ``VocabularyLoadError``
    ///   when the file is missing, ``FileWriteError`` when the base cannot be kept.
    public func run(token: String?, client: ServiceClient = ServiceClient()) async throws -> PublishOutcome {
        guard let bytes = FileBytes.read(localFile) else { throw VocabularyLoadError.notFound(path: localFile) }
        let loaded = try VocabularyLoader.load(path: folder)
        let report = CheckReport(loaded)
        let pulled = PulledCopy(vocabularyFolder: folder)
        if report.hasUnreadableFiles || !newErrors(report, loaded, pulled).isEmpty { return .refusedByCheck(report) }
        if pulled.hasUnresolvedConflicts(scheme: address.scheme, local: bytes) {
            throw RemoteError.unresolvedConflicts(path: localFile, scheme: address.scheme)
        }
        let etag = pulled.etag(scheme: address.scheme)
        if etag == nil, try await isOnService(client) { throw RemoteError.neverPulled(url: address.schemeURL) }
        let published = try await client.publish(bytes, to: address.schemeURL, token: token, ifMatch: etag)
        try pulled.save(bytes, etag: published, scheme: address.scheme)
        pulled.forgetConflicts(scheme: address.scheme)
        return .published(etag: published)
    }

    /// The errors of the folder that the last pulled version of the scheme did not have
    /// (``InheritedErrors``): those the service's own version has are not the partner's to
    /// mend before publishing an edit, as the service does not refuse them either.
    private func newErrors(_ report: CheckReport, _ loaded: LoadedVocabulary, _ pulled: PulledCopy) -> [Finding] {
        let errors = report.findings.filter { $0.severity == .error }
        guard !errors.isEmpty, let base = FileBytes.read(pulled.path(scheme: address.scheme)) else { return errors }
        // The folder as it was pulled: the pulled copy in the scheme file's place.
        let sources = loaded.files.map { path in
            (path: path, bytes: path == localFile ? base : FileBytes.read(path) ?? [])
        }
        let baseLoaded = VocabularyLoader.load(sources: sources)
        let baseErrors = VocabularyChecker.check(baseLoaded).filter { $0.severity == .error }
        return InheritedErrors.new(errors, in: loaded.set, base: baseErrors, in: baseLoaded.set)
    }

    /// Whether the service has the scheme already.
    private func isOnService(_ client: ServiceClient) async throws(RemoteError) -> Bool {
        let answer: Result<FetchedScheme, RemoteError>
        do {
            answer = .success(try await client.fetch(address.schemeURL))
        } catch {
            answer = .failure(error)
        }
        switch answer {
        case .success: return true
        case .failure(.notFound): return false
        case .failure(let error): throw error
        }
    }
}
