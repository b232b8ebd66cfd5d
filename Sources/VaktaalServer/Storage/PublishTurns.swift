/// Whose turn it is to publish each scheme through one replica: one publish at a time per
/// scheme, in the order they came. Without it, every waiting publish holds a database
/// connection while it queues on the scheme's lock, and a burst of publishes exhausts the
/// pool, so that the readiness check and other publishes answer 503 while the database is
/// fine. The scheme's lock in the database still orders publishes between replicas.
///
/// Owned by one actor and used only on it (the `isolation` of ``take(_:waitingAtMost:isolation:)``),
/// so that taking a turn and queueing for one happen without a suspension between them. Each
/// turn granted is ended once with ``end(_:databaseAnswers:)``.
final class PublishTurns {
    /// How a publish's wait for its turn ended.
    enum Outcome: Equatable {
        /// The publish holds the scheme's turn.
        case granted
        /// A publish before it found that the database does not answer: it fails too,
        /// without asking again (so a line fails in the time one readiness check takes).
        case databaseGone
        /// Its time to wait ran out while publishes before it were under way.
        case timedOut
    }

    /// A publish in line: when it stops waiting, and how it is told.
    private struct Waiting {
        let deadline: ContinuousClock.Instant
        let resume: CheckedContinuation<Outcome, Never>
    }

    /// The publishes waiting for each scheme that has one under way, oldest first.
    private var waiting: [String: [Waiting]] = [:]

    /// Takes the turn of the scheme, after the publishes before it.
    ///
    /// - Parameter limit: How long the publish may wait. A publish whose time ran out is told
    ///   so when the turn before it ends (a wait lasts at most `limit` and what is left of the
    ///   publish under way then).
    /// - Returns: ``Outcome/granted``, else why the caller holds no turn.
    func take(_ schemeID: String, waitingAtMost limit: Duration, isolation: isolated (any Actor)? = #isolation) async
        -> Outcome
    {
        guard waiting[schemeID] != nil else {
            waiting[schemeID] = []
            return .granted
        }
        let deadline = ContinuousClock.now + limit
        return await withCheckedContinuation { waiting[schemeID, default: []].append(Waiting(deadline: deadline, resume: $0)) }
    }

    /// Ends the turn under way: hands the scheme to the next publish in line whose time has
    /// not run out, or, when the database does not answer, fails every publish in line.
    func end(_ schemeID: String, databaseAnswers: Bool = true) {
        guard var line = waiting[schemeID] else {
            assertionFailure("a turn of '\(schemeID)' ended that was not taken")
            return
        }
        guard databaseAnswers else {
            waiting[schemeID] = nil
            for publish in line { publish.resume.resume(returning: .databaseGone) }
            return
        }
        let now = ContinuousClock.now
        while let next = line.first {
            line.removeFirst()
            guard next.deadline > now else {
                next.resume.resume(returning: .timedOut)
                continue
            }
            waiting[schemeID] = line
            next.resume.resume(returning: .granted)
            return
        }
        waiting[schemeID] = nil
    }
}
