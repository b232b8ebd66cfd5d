/// Whose turn it is to publish each scheme through one replica: one publish at a time per
/// scheme, in the order they came. Without it, every waiting publish holds a database
/// connection while it queues on the scheme's lock, and a burst of publishes exhausts the
/// pool, so that the readiness check and other publishes answer 503 while the database is
/// fine. The scheme's lock in the database still orders publishes between replicas.
///
/// Owned by one actor and used only on it (the `isolation` of ``take(_:isolation:)``), so
/// that taking a turn and queueing for one happen without a suspension between them. Each
/// turn taken is ended once with ``end(_:databaseAnswers:)``.
final class PublishTurns {
    /// The publishes waiting for each scheme that has one under way, oldest first; each is
    /// resumed with whether it may go on (`false`: the database stopped answering).
    private var waiting: [String: [CheckedContinuation<Bool, Never>]] = [:]

    /// Takes the turn of the scheme, after the publishes before it.
    ///
    /// - Returns: `false` when a publish before it found that the database does not answer:
    ///   the caller fails too, without asking again (so a queue fails in the time one
    ///   readiness check takes), and holds no turn.
    func take(_ schemeID: String, isolation: isolated (any Actor)? = #isolation) async -> Bool {
        guard waiting[schemeID] != nil else {
            waiting[schemeID] = []
            return true
        }
        return await withCheckedContinuation { waiting[schemeID, default: []].append($0) }
    }

    /// Ends the turn under way: hands the scheme to the next publish in line, or, when the
    /// database does not answer, fails every publish in line.
    func end(_ schemeID: String, databaseAnswers: Bool = true) {
        guard var line = waiting[schemeID] else {
            assertionFailure("a turn of '\(schemeID)' ended that was not taken")
            return
        }
        guard databaseAnswers, !line.isEmpty else {
            waiting[schemeID] = nil
            for publish in line { publish.resume(returning: false) }
            return
        }
        let next = line.removeFirst()
        waiting[schemeID] = line
        next.resume(returning: true)
    }
}
