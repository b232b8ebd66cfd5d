import Hummingbird
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP parser cannot read with a JSON error that says what is wrong,
/// as every other error of the service is answered, instead of an empty 400: most often a
/// query with letters outside ASCII (`?q=coöperatie`), which must be percent-encoded.
///
/// Only when no other request is being answered: an error in the middle of a request (its
/// body cut by a bad chunk) or behind a pipelined one goes on to the server, which fails that
/// request. After answering, the connection stops writing and closes a moment later, so that
/// the client reads the answer before what it still sends is refused.
final class MalformedRequestAnswer: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// How long the connection stays open after the answer, for the client to read it.
    static let linger = TimeAmount.seconds(2)

    private var inFlight = RequestsInFlight()
    private var answered = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        inFlight.read(unwrapInboundIn(data))
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        inFlight.wrote(unwrapOutboundIn(data))
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // What the parser says of the bytes that follow an error it answered is no news.
        if answered { return }
        guard let parserError = error as? HTTPParserError, inFlight.count == 0 else { return context.fireErrorCaught(error) }
        answered = true
        let (status, message) = Self.answer(to: parserError)
        let body = ByteBuffer(string: "{\n  \"error\" : \(JSONString.quoted(message))\n}\n")
        let head = HTTPResponse(
            status: status,
            headerFields: [
                .contentType: "application/json; charset=utf-8", .contentLength: "\(body.readableBytes)", .connection: "close",
            ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(mode: .output, promise: nil)
            context.eventLoop.assumeIsolated().scheduleTask(in: Self.linger) { context.close(promise: nil) }
        }
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
