import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Holds back closing a connection until what was written to it has reached the socket. On a
/// graceful shutdown the server closes a connection right after writing the end of its last
/// response; a large body (a 26 MB scheme, a lint report) still waiting for the client to
/// read it was then dropped, and the client got a 200 cut short. A client that stops reading
/// is waited for at most ``longestDrain`` (less than the 30 s a container is given to stop).
final class DrainBeforeClose: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// How long a close waits for a client to read what was written.
    static let longestDrain = TimeAmount.seconds(20)

    /// Writes that have not reached the socket yet.
    private var unwritten = 0
    /// The closes asked for while writes were outstanding (each one's promise, if any).
    private var heldCloses: [EventLoopPromise<Void>?] = []
    /// The close made when the drain takes too long.
    private var deadline: Scheduled<Void>?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        unwritten += 1
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenComplete { result in
            self.unwritten -= 1
            promise?.completeWith(result)
            if self.unwritten == 0 { self.closeHeld(context) }
        }
        context.write(data, promise: written)
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard mode == .all, unwritten > 0 else { return context.close(mode: mode, promise: promise) }
        heldCloses.append(promise)
        guard deadline == nil else { return }
        context.flush()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: Self.longestDrain) { self.closeHeld(context) }
    }

    /// Makes the closes held back, once: the first closes the channel, the others learn how it went.
    private func closeHeld(_ context: ChannelHandlerContext) {
        guard !heldCloses.isEmpty else { return }
        let promises = heldCloses
        heldCloses = []
        deadline?.cancel()
        deadline = nil
        let closed = context.eventLoop.makePromise(of: Void.self)
        for promise in promises { promise.map { closed.futureResult.cascade(to: $0) } }
        context.close(mode: .all, promise: closed)
    }
}
