import Foundation
import Synchronization
import VaktaalCore

/// One published version of a scheme, as the version history lists it.
public struct PublishedVersion: Sendable, Equatable, Codable {
    /// 1, 2, … in the order the service published them.
    public let revision: Int
    /// The strong ETag of that version's content.
    public let etag: String
    /// When it was published.
    public let published: Date
}

/// Where the service's vocabularies live and how new versions are published: a folder on
/// this machine by default. Reads come from an immutable snapshot that a publish or a
/// reload replaces in one step.
public protocol VocabularyStore: Sendable {
    /// The snapshot requests are answered from now.
    var snapshot: ServiceSnapshot { get }
    /// Whether partners may publish (a folder to write to is configured).
    var isWritable: Bool { get }
    /// Whether the store can serve and take publishes (the database answers, if there is one).
    func isReady() async -> Bool
    /// Validates and stores a new version of a scheme; the next request sees it.
    ///
    /// - Parameters:
    ///   - schemeID: The scheme the client publishes to (the `{id}` of the URL).
    ///   - bytes: The vocabulary file.
    ///   - precondition: What the client asks of the current version (`If-Match`: the one it
    ///     last saw; `If-None-Match: *`: none): a publish over someone else's version is refused.
    /// - Throws: ``ServiceError`` (422 with the findings, 412 when the precondition fails, …).
    func publish(schemeID: String, bytes: [UInt8], precondition: PublishPrecondition) async throws(ServiceError)
        -> SchemeSnapshot
    /// The versions of a scheme the service still keeps, oldest first.
    func history(of schemeID: String) async -> [PublishedVersion]
    /// The content of a kept version.
    func content(of schemeID: String, revision: Int) async -> [UInt8]?
    /// Reads the folder again; a folder with errors keeps the snapshot that serves now.
    ///
    /// - Returns: The findings that kept the old snapshot, if any.
    func reload() async -> [Finding]
}

/// Holds the current snapshot; swapping it is one atomic step, reading it never waits on a
/// publish.
final class SnapshotHolder: Sendable {
    private let current: Mutex<ServiceSnapshot>

    init(_ snapshot: ServiceSnapshot) { current = Mutex(snapshot) }

    var snapshot: ServiceSnapshot { current.withLock { $0 } }

    func replace(_ snapshot: ServiceSnapshot) { current.withLock { $0 = snapshot } }
}

extension VocabularyStore {
    /// Publishes with only an `If-Match` (`nil`: none).
    func publish(schemeID: String, bytes: [UInt8], ifMatch: String?) async throws(ServiceError) -> SchemeSnapshot {
        try await publish(schemeID: schemeID, bytes: bytes, precondition: PublishPrecondition(ifMatch: ifMatch))
    }
}
