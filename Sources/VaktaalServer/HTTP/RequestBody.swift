import Foundation
import Hummingbird
import NIOCore

/// Request bodies, taken whole up to a limit.
enum RequestBody {
    /// The body's bytes.
    ///
    /// - Throws: ``ServiceError`` 413 when it is larger than `limit`, 415 when it is encoded
    ///   (`Content-Encoding: gzip`): the service takes bodies as they are.
    static func collect(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let encoding = request.headers[.contentEncoding],
            encoding.trimmingCharacters(in: .whitespaces).lowercased() != "identity"
        {
            // RFC 9110, 15.5.16: a 415 for a content coding says which codings are taken.
            throw ServiceError(
                .unsupportedMediaType, "send the body without Content-Encoding, not '\(encoding)'",
                headers: [.acceptEncoding: "identity"])
        }
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
