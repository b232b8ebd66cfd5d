import CompressNIO
import Hummingbird
import NIOCore
import NIOPosix

/// Gzips the larger text answers of the routes (lint reports, lookups, suggestions, pages,
/// the API description) for a client that accepts gzip: a lint report of a 1 MB text is
/// about 28 MB of JSON, and 0.5 MB gzipped. Answers with an ETag are left as they are: a
/// scheme's or concept's (``ContentResponse``) is gzipped by its route, which tags the gzipped
/// body apart, and a tagged answer sent as it is keeps its tag true. The compressing is done
/// on a thread of its own, not on one that serves requests.
struct CompressionMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        guard response.headers[.contentEncoding] == nil, response.headers[.eTag] == nil,
            let length = response.body.contentLength, length >= ContentResponse.compressionThreshold,
            let type = response.headers[.contentType], Self.isText(type)
        else { return response }
        // A cache keeps the plain and the gzipped answer apart.
        if let vary = response.headers[.vary] {
            if !vary.lowercased().contains("accept-encoding") { response.headers[.vary] = vary + ", Accept-Encoding" }
        } else {
            response.headers[.vary] = "Accept-Encoding"
        }
        // A HEAD answer is the GET answer, compressed alike, whose body the router then
        // drops: its headers (encoding, length) are the ones GET sends.
        guard ContentResponse.acceptsGzip(request) else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        let plain = collector.buffer
        let compressed = try? await NIOThreadPool.singleton.runIfActive {
            var body = plain
            return try body.compress(with: .gzip())
        }
        guard let compressed else {
            response.body = ResponseBody(byteBuffer: collector.buffer)
            return response
        }
        response.headers[.contentEncoding] = "gzip"
        response.headers[.contentLength] = nil
        response.body = ResponseBody(byteBuffer: compressed)
        return response
    }

    /// Whether a media type is text that gzip makes much smaller.
    static func isText(_ contentType: String) -> Bool {
        let type = contentType.lowercased()
        return type.hasPrefix("text/") || type.hasPrefix("application/json") || type.contains("+json")
            || type.hasPrefix("application/xml") || type.contains("+xml") || type.hasPrefix("application/javascript")
    }
}

/// Gathers a response body that is written in pieces into one buffer.
private final class BodyCollector: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ piece: ByteBuffer) async throws {
        var piece = piece
        buffer.writeBuffer(&piece)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
