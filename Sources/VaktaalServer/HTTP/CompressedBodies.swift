import CompressNIO
import NIOCore
import Synchronization

/// The gzipped bodies of one published version, by representation ETag: compressed on the
/// first request that accepts gzip and then kept, so that partners syncing a large scheme
/// do not make the service compress the same bytes again (74 MB took about 2 s).
final class CompressedBodies: Sendable {
    private let bodies = Mutex<[String: ByteBuffer]>([:])

    /// The gzipped `bytes` of the representation with `etag`, made once; `nil` when they
    /// cannot be compressed.
    func body(etag: String, of bytes: [UInt8]) -> ByteBuffer? {
        if let known = bodies.withLock({ $0[etag] }) { return known }
        var plain = ByteBuffer(bytes: bytes)
        guard let made = try? plain.compress(with: .gzip()) else { return nil }
        bodies.withLock { $0[etag] = made }
        return made
    }

    /// How many bodies are kept.
    var count: Int { bodies.withLock { $0.count } }
}
