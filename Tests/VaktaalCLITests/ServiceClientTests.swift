import Foundation
import Testing

@testable import VaktaalRemote

#if canImport(Glibc)
    import Glibc
#endif

/// A service that answers in part and then stops is given up on, as one that does not answer
/// at all: a pull in a cron job must not hang.
@Suite struct ServiceClientTests {
    @Test func aServiceThatStopsInItsBodyIsGivenUpOn() async throws {
        let server = try StallingServer(
            sending: ["HTTP/1.1 200 OK\r\nContent-Length: 5000\r\nETag: \"s1\"\r\n\r\n", "<?xml version=\"1.0\"?>"])
        let client = ServiceClient(timeoutSeconds: 1)
        let url = "http://127.0.0.1:\(server.port)/v1/schemes/s"
        // Raced against a long wait, so that a client that waits for ever fails the test
        // rather than hanging it.
        let outcome = await withTaskGroup(of: String?.self) { group in
            group.addTask {
                do {
                    _ = try await client.fetch(url)
                    return "an answer"
                } catch {
                    guard case .unreachable(_, let reason) = error as? RemoteError else { return "\(error)" }
                    return reason
                }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(30))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        #expect(outcome == "no answer in time", "\(outcome ?? "waited for ever")")
        withExtendedLifetime(server) {}
    }

    /// A service (or a proxy before it) that answers with another scheme than the one asked
    /// for: nothing is written, since the next publish would be refused.
    @Test func aPullOfAnotherSchemeIsRefused() async throws {
        let file = vocabularyFile().replacingOccurrences(of: "id=\"t\"", with: "id=\"andere\"")
        let server = try StallingServer(sending: [
            "HTTP/1.1 200 OK\r\nContent-Length: \(file.utf8.count)\r\nETag: \"s1\"\r\n\r\n" + file
        ])
        let folder = try Vaktaal.folder(with: [:])
        let pull = SchemePull(try ServiceAddress("http://127.0.0.1:\(server.port)", scheme: "t"), into: folder)
        await #expect(throws: RemoteError.otherScheme(url: pull.address.schemeURL, asked: "t", got: "andere")) {
            _ = try await pull.run(client: ServiceClient(timeoutSeconds: 5))
        }
        #expect(!FileManager.default.fileExists(atPath: pull.localFile))
        withExtendedLifetime(server) {}
    }

    @Test func aConnectionClosedBeforeTheAnswerIsSaidSo() {
        let reason = ServiceClient.reason(HTTPClientErrorStandIn())
        #expect(reason.hasPrefix("the service closed the connection before it had answered"))
    }
}

/// An error described as AsyncHTTPClient describes a connection closed by the other side.
private struct HTTPClientErrorStandIn: Error, CustomStringConvertible {
    var description: String { "HTTPClientError.remoteConnectionClosed" }
}

/// A one-connection server on a free local port that reads a request's head, sends `pieces`
/// a little apart (the answer's head, then the start of its body) and then keeps the
/// connection open, sending nothing more, until it is released (deinitialized). Its thread
/// holds the sockets, not the server, and closes the connection itself.
private final class StallingServer: Sendable {
    let port: Int
    private let listener: Int32
    private let released = DispatchSemaphore(value: 0)

    init(sending pieces: [String]) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(listener, address, length) == 0 && listen(listener, 1) == 0
                    && getsockname(listener, address, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let released = released
        Thread.detachNewThread {
            let accepted = accept(listener, nil, nil)
            guard accepted >= 0 else { return }
            defer { close(accepted) }
            // The request's head first, as a server reads it: an answer sent before the
            // request is none to it.
            var request: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !request.suffix(4).elementsEqual([13, 10, 13, 10]) {
                let count = recv(accepted, &buffer, buffer.count, 0)
                guard count > 0 else { return }
                request += buffer[..<count]
            }
            for piece in pieces {
                // No SIGPIPE when the client is gone already.
                _ = piece.withCString { send(accepted, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                Thread.sleep(forTimeInterval: 0.2)
            }
            _ = released.wait(timeout: .now() + 60)
        }
    }

    deinit {
        released.signal()
        // Wakes an accept that no client came for.
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}
