import Hummingbird
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP parser cannot read with a JSON error that says what is wrong,
/// as every other error of the service is answered, instead of an empty 400: most often a
/// query with letters outside ASCII (`?q=coöperatie`), which must be percent-encoded.
final class MalformedRequestAnswer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else { return context.fireErrorCaught(error) }
        let (status, message) = Self.answer(to: parserError)
        let body = ByteBuffer(string: "{\n  \"error\" : \(JSONString.quoted(message))\n}\n")
        let head = HTTPResponse(
            status: status,
            headerFields: [
                .contentType: "application/json; charset=utf-8", .contentLength: "\(body.readableBytes)", .connection: "close",
            ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    /// The status and message for what the parser could not read.
    static func answer(to error: HTTPParserError) -> (HTTPResponse.Status, String) {
        switch error {
        case .headerOverflow:
            (.requestHeaderFieldsTooLarge, "the request's target or headers are too large")
        case .invalidMethod:
            (.notImplemented, "the method is not one this service knows (GET, HEAD, POST, PUT, OPTIONS)")
        case .invalidURL, .invalidPath, .invalidQueryString, .invalidFragment, .invalidCharactersUsed:
            (.badRequest, "the request target is not a valid URL: percent-encode characters outside ASCII (%C3%B6 for ö)")
        default:
            (.badRequest, "the request is not valid HTTP/1.1")
        }
    }
}
