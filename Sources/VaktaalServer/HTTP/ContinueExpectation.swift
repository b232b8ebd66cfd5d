import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` at once with `100 Continue` (RFC 9110 10.1.1), so that a
/// client that waits for it before sending a large body (curl does, from 1 MiB on) does not
/// wait a second for nothing; the final answer follows as for any request.
final class ContinueExpectation: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let request) = unwrapInboundIn(data),
            request.headerFields[.expect]?.lowercased() == "100-continue"
        {
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
        }
        context.fireChannelRead(data)
    }
}
