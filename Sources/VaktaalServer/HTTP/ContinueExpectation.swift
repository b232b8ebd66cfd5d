import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` at once with `100 Continue` (RFC 9110 10.1.1), so that a
/// client that waits for it before sending a large body (curl does, from 1 MiB on) does not
/// wait a second for nothing; the final answer follows as for any request. Only for a request
/// that no earlier one's answer is still being written before (pipelined requests are
/// answered in order, and a 100 amid another answer would corrupt it).
final class ContinueExpectation: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var inFlight = RequestsInFlight()

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        inFlight.read(part)
        if case .head(let request) = part, inFlight.count == 1,
            request.headerFields[.expect]?.lowercased() == "100-continue"
        {
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        inFlight.wrote(unwrapOutboundIn(data))
        context.write(data, promise: promise)
    }
}
