import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTP1
import NIOHTTPTypes
import Testing

@testable import VaktaalServer

/// The service's own channel handlers, on an embedded channel: what they write, and when.
@Suite struct ChannelHandlerTests {
    static func request(expecting: Bool = false) -> HTTPRequestPart {
        var fields: HTTPFields = [.contentType: "text/plain"]
        if expecting { fields[.expect] = "100-continue" }
        return .head(HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/v1/lint", headerFields: fields))
    }

    /// A close asked for while a response is not written yet waits for it: the response
    /// reaches the client whole. (Without the handler the unwritten part is dropped.)
    @Test func aCloseWaitsForWhatIsStillToBeWritten() throws {
        let channel = EmbeddedChannel(handler: DrainBeforeClose())
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 80)).wait()
        channel.write(HTTPResponsePart.end(nil), promise: nil)
        let closed = channel.close()
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == .end(nil))
        #expect(throws: Never.self) { try closed.wait() }
    }

    /// A request the parser cannot read, with no other being answered, gets the JSON error;
    /// behind a request still being answered the error goes on to the server instead.
    @Test func aMalformedRequestIsAnsweredOnlyWhenNoOtherIsInFlight() throws {
        let alone = EmbeddedChannel(handler: MalformedRequestAnswer())
        alone.pipeline.fireErrorCaught(HTTPParserError.invalidURL)
        guard case .head(let head) = try alone.readOutbound(as: HTTPResponsePart.self) else {
            Issue.record("no answer was written")
            return
        }
        #expect(head.status == .badRequest && head.headerFields[.contentType]?.hasPrefix("application/json") == true)
        guard case .body(let body) = try alone.readOutbound(as: HTTPResponsePart.self) else { return }
        #expect(String(buffer: body).contains("percent-encode"))
        // What the parser says after that is no news.
        alone.pipeline.fireErrorCaught(HTTPParserError.invalidURL)
        #expect(throws: Never.self) { try alone.throwIfErrorCaught() }

        let behind = EmbeddedChannel(handler: MalformedRequestAnswer())
        try behind.writeInbound(Self.request())
        _ = try behind.readInbound(as: HTTPRequestPart.self)
        behind.pipeline.fireErrorCaught(HTTPParserError.invalidChunkSize)
        #expect(try behind.readOutbound(as: HTTPResponsePart.self) == nil)
        #expect(throws: HTTPParserError.self) { try behind.throwIfErrorCaught() }
    }

    /// `100 Continue` goes to a request that expects it, and only when no earlier request is
    /// still being answered.
    @Test func aContinueIsSentOnlyToTheRequestBeingAnswered() throws {
        let channel = EmbeddedChannel(handler: ContinueExpectation())
        try channel.writeInbound(Self.request(expecting: true))
        guard case .head(let continuing) = try channel.readOutbound(as: HTTPResponsePart.self) else {
            Issue.record("no 100 Continue")
            return
        }
        #expect(continuing.status == .continue)
        // A pipelined request behind it gets none until the first is answered.
        try channel.writeInbound(Self.end)
        try channel.writeInbound(Self.request(expecting: true))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        try channel.writeInbound(Self.request())
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
    }

    static let end = HTTPRequestPart.end(nil)
}
