import AsyncHTTPClient
import Foundation

/// What fetching a scheme gave.
public enum FetchedScheme: Equatable, Sendable {
    /// 304: the scheme is still the version of the ETag that was sent.
    case notModified
    /// The scheme's vocabulary file and its ETag.
    case fetched(bytes: [UInt8], etag: String?)
}

/// The HTTP calls the command line makes to a vaktaal service (AsyncHTTPClient).
public struct ServiceClient: Sendable {
    /// How long the service may take to answer, and to send the next bytes of its answer
    /// (a service that stops sending is given up on after as long).
    public var timeoutSeconds: Int64

    /// The largest scheme accepted, in bytes.
    public var sizeLimit: Int

    /// A client; the defaults suit every vocabulary the service accepts.
    public init(timeoutSeconds: Int64 = 60, sizeLimit: Int = 512 * 1024 * 1024) {
        self.timeoutSeconds = timeoutSeconds
        self.sizeLimit = sizeLimit
    }

    /// `GET url` as `application/xml`, with `If-None-Match: etag` when one is given.
    ///
    /// - Throws: ``RemoteError`` (unreachable, 404, any other status than 200 and 304).
    public func fetch(_ url: String, ifNoneMatch etag: String? = nil) async throws(RemoteError) -> FetchedScheme {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/xml")
        if let etag { request.headers.add(name: "If-None-Match", value: etag) }
        let (status, headers, body) = try await send(request, url: url)
        switch status {
        case 200: return .fetched(bytes: body, etag: headers["etag"])
        case 304: return .notModified
        case 404: throw .notFound(url: url)
        default: throw .unexpectedStatus(url: url, status: status, message: ServiceErrorBody(body).error)
        }
    }

    /// `PUT url` with the vocabulary file, the bearer token and `If-Match: etag`, or without
    /// an ETag `If-None-Match: *`: the scheme is then created only if nobody did so first.
    ///
    /// - Returns: The ETag of the published version.
    /// - Throws: ``RemoteError`` explaining 401, 403, 412 and 422, or the service unreachable.
    public func publish(_ bytes: [UInt8], to url: String, token: String?, ifMatch etag: String?) async throws(RemoteError)
        -> String?
    {
        var request = HTTPClientRequest(url: url)
        request.method = .PUT
        request.headers.add(name: "Content-Type", value: "application/xml")
        request.headers.add(name: "Accept", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let etag {
            request.headers.add(name: "If-Match", value: etag)
        } else {
            request.headers.add(name: "If-None-Match", value: "*")
        }
        request.body = .bytes(bytes)
        let (status, headers, body) = try await send(request, url: url)
        let answer = ServiceErrorBody(body)
        switch status {
        case 200, 201, 204: return headers["etag"]
        case 401: throw .unauthorized(url: url, tokenGiven: token != nil)
        case 403: throw .forbidden(url: url, message: answer.error)
        case 404: throw .notFound(url: url)
        case 412: throw .publishedInBetween(url: url)
        case 422: throw .rejected(url: url, findings: answer.findings.isEmpty ? [answer.error] : answer.findings)
        default: throw .unexpectedStatus(url: url, status: status, message: answer.error)
        }
    }

    /// How long a connection may take to be made.
    static let connectSeconds: Int64 = 10

    /// Sends a request and reads the whole answer, on a client of its own that does not retry
    /// a refused connection (a service that is down is said so at once) and is shut down after.
    private func send(_ request: HTTPClientRequest, url: String) async throws(RemoteError)
        -> (status: Int, headers: [String: String], body: [UInt8])  // header names lowercased
    {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(Self.connectSeconds)
        // The request's deadline ends with the answer's head: a service that stops sending
        // in its body is given up on when nothing more comes for as long.
        configuration.timeout.read = .seconds(timeoutSeconds)
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let answer: Result<(Int, [String: String], [UInt8]), any Error>
        do {
            let response = try await client.execute(request, timeout: .seconds(timeoutSeconds))
            var headers: [String: String] = [:]
            for header in response.headers { headers[header.name.lowercased()] = header.value }
            let body = try await response.body.collect(upTo: sizeLimit)
            answer = .success((Int(response.status.code), headers, Array(body.readableBytesView)))
        } catch {
            answer = .failure(error)
        }
        try? await client.shutdown()
        switch answer {
        case .success(let result): return result
        case .failure(let error): throw .unreachable(url: url, reason: Self.reason(error))
        }
    }

    /// What a failed connection comes to, in words: the network libraries' own descriptions
    /// nest their types ("connection reset (error set): Connection refused) (errno: 111)").
    static func reason(_ error: any Error) -> String {
        let description = String(describing: error)
        let known: [(String, String)] = [
            ("connection refused", "the connection was refused: is the service running at this address?"),
            ("connecttimeout", "no connection within \(connectSeconds) seconds"), ("deadlineexceeded", "no answer in time"),
            ("readtimeout", "no answer in time"), ("unknownhost", "the host name is unknown"),
            ("dns error", "the host name cannot be resolved"), ("network is unreachable", "the network is unreachable"),
            ("certificate", "the service's TLS certificate is not trusted"),
            (
                "remoteconnectionclosed",
                "the service closed the connection before it had answered (a publish may or may not have been taken: "
                    + "pull to see)"
            ),
        ]
        let lowered = description.lowercased()
        return known.first { lowered.contains($0.0) }?.1 ?? description
    }
}

/// The service's JSON error body `{"error": "…", "detail": …}`; 422 has the findings as detail.
struct ServiceErrorBody {
    /// The one-sentence message, empty when the body is not that JSON.
    let error: String
    /// The findings of a 422, one line each as `vaktaal check` writes them.
    let findings: [String]

    init(_ bytes: [UInt8]) {
        let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
        error = object?["error"] as? String ?? ""
        let detail = object?["detail"] as? [[String: Any]] ?? []
        findings = detail.map { finding in
            let place = [
                finding["path"] as? String, (finding["line"] as? Int).map(String.init),
                (finding["column"] as? Int).map(String.init),
            ]
            .compactMap { $0 }.joined(separator: ":")
            let severity = finding["severity"] as? String ?? "error"
            let rule = finding["rule"] as? String ?? ""
            let message = finding["message"] as? String ?? ""
            return (place.isEmpty ? "" : place + ": ") + "\(severity): [\(rule)] \(message)"
        }
    }
}
