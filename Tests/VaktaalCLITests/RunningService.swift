import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real `vaktaal serve` over a temporary folder, on a free local port, for the pull and publish tests.
final class RunningService {
    /// The token that may publish every scheme.
    static let token = "partner-token-for-tests"

    let folder: String
    let port: Int
    private let process: Process

    /// The service's base URL.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Starts the service over a folder holding `files`, and waits until `/ready` answers.
    init(files: [String: String]) async throws {
        folder = try Vaktaal.folder(with: files)
        let hash = try Vaktaal.run(["serve", "--hash-token", Self.token]).standardOutput
            .trimmingCharacters(in: .whitespacesAndNewlines)
        port = try Self.freePort()
        process = Process()
        process.executableURL = Vaktaal.executable
        process.arguments = ["serve", "--vocabulary", folder, "--port", String(port)]
        var variables = ProcessInfo.processInfo.environment
        variables["VAKTAAL_TOKENS"] = "*:\(hash)"
        process.environment = variables
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if let ready = URL(string: "\(url)/ready"),
                let (_, response) = try? await URLSession.shared.data(from: ready),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        stop()
        Issue.record("vaktaal serve did not get ready on port \(port)")
        throw CancellationError()
    }

    /// Stops the service.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }

    /// A port nothing listens on: the kernel picks one for a socket bound to port 0.
    private static func freePort() throws -> Int {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw CocoaError(.fileReadUnknown) }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                guard bind(descriptor, socketAddress, length) == 0 else { return false }
                return getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw CocoaError(.fileReadUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
