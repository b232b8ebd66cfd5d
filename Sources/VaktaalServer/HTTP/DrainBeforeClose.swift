import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Holds back closing a connection until what was written to it has reached the socket. On a
/// graceful shutdown the server closes a connection right after writing the end of its last
/// response; a large body (a 26 MB scheme, a lint report) still waiting for the client to
/// read it was then dropped, and the client got a 200 cut short. A client that stops reading
/// is waited for at most ``longestDrain``.
final class DrainBeforeClose: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// How long a close waits for a client to read what was written.
    static let longestDrain = TimeAmount.seconds(30)

    /// Writes that have not reached the socket yet.
    private var unwritten = 0
    /// A close asked for while writes were outstanding.
    private var heldClose: EventLoopPromise<Void>??

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        unwritten += 1
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenComplete { result in
            self.unwritten -= 1
            promise?.completeWith(result)
            if self.unwritten == 0 { self.closeIfHeld(context) }
        }
        context.write(data, promise: written)
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard mode == .all, unwritten > 0 else { return context.close(mode: mode, promise: promise) }
        heldClose = .some(promise)
        context.flush()
        context.eventLoop.assumeIsolated().scheduleTask(in: Self.longestDrain) { self.closeIfHeld(context) }
    }

    private func closeIfHeld(_ context: ChannelHandlerContext) {
        guard case .some(let promise) = heldClose else { return }
        heldClose = nil
        context.close(mode: .all, promise: promise)
    }
}
