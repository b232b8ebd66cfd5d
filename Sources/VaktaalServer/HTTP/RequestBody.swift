import Hummingbird
import NIOCore

/// Request bodies, taken whole up to a limit.
enum RequestBody {
    /// The body's bytes.
    ///
    /// - Throws: ``ServiceError`` 413 when it is larger than `limit`.
    static func collect(_ request: Request, limit: Int) async throws -> [UInt8] {
        let tooLarge = ServiceError(
            .contentTooLarge, "the body is larger than \(limit) bytes",
            detailJSON: "{ \"limit\" : \(limit) }")
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit { throw tooLarge }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw tooLarge
        }
        return Array(buffer.readableBytesView)
    }
}
