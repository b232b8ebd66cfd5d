/// Whose turn it is to publish each scheme through one replica: one publish at a time per
/// scheme, in the order they came. Without it, every waiting publish holds a database
/// connection while it queues on the scheme's lock, and a burst of publishes exhausts the
/// pool, so that the readiness check and other publishes answer 503 while the database is
/// fine. The scheme's lock in the database still orders publishes between replicas.
///
/// A value kept by the store's actor, which makes every call one step.
struct PublishTurns {
    /// The publishes waiting for each scheme that has one under way, oldest first.
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Starts a turn when no publish of the scheme is under way.
    ///
    /// - Returns: Whether the caller may go now; otherwise it waits with ``wait(for:_:)``.
    mutating func begin(_ schemeID: String) -> Bool {
        guard waiting[schemeID] == nil else { return false }
        waiting[schemeID] = []
        return true
    }

    /// Queues a publish behind the one under way; `resume` is called when its turn comes.
    mutating func wait(for schemeID: String, _ resume: CheckedContinuation<Void, Never>) {
        waiting[schemeID, default: []].append(resume)
    }

    /// Ends the turn under way and hands the scheme to the next publish in line, if any.
    mutating func end(_ schemeID: String) {
        guard var line = waiting[schemeID], !line.isEmpty else {
            waiting[schemeID] = nil
            return
        }
        let next = line.removeFirst()
        waiting[schemeID] = line
        next.resume()
    }
}
