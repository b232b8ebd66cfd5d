import NIOHTTPTypes

/// How many requests of a connection have started (their head read) and not yet been
/// answered to the end, for a handler that may only speak when no earlier answer is still
/// being written (HTTP/1.1 answers in order).
struct RequestsInFlight {
    private(set) var count = 0

    /// Counts a request part read from the client.
    mutating func read(_ part: HTTPRequestPart) {
        if case .head = part { count += 1 }
    }

    /// Counts a response part written to the client.
    mutating func wrote(_ part: HTTPResponsePart) {
        if case .end = part { count = max(0, count - 1) }
    }
}
