import Synchronization

/// An operation on the database did not finish in the time it was given.
struct DeadlineExceeded: Error, Equatable {
    /// The time it was given.
    let limit: Duration
}

/// Runs `operation` and returns its result, or throws ``DeadlineExceeded`` once `limit` has
/// passed, whichever comes first. The caller never waits longer than `limit`: a connection
/// pool waiting for a database that went away, or a query on a connection that no longer
/// answers, is cancelled and left to end on its own.
func withDeadline<Value: Sendable>(
    _ limit: Duration, _ operation: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    let race = DeadlineRace<Value>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            race.waiting.withLock { $0 = continuation }
            let work = Task {
                let result: Result<Value, any Error>
                do {
                    result = .success(try await operation())
                } catch {
                    result = .failure(error)
                }
                race.finish(with: result)
                race.tasks.withLock { $0 }.last?.cancel()
            }
            let timer = Task {
                try? await Task.sleep(for: limit)
                work.cancel()
                race.finish(with: .failure(Task.isCancelled ? CancellationError() : DeadlineExceeded(limit: limit)))
            }
            race.tasks.withLock { $0 = [work, timer] }
        }
    } onCancel: {
        for task in race.tasks.withLock({ $0 }) { task.cancel() }
    }
}

/// The operation and the timer of one ``withDeadline(_:_:)``: whichever finishes first
/// resumes the caller.
private final class DeadlineRace<Value: Sendable>: Sendable {
    let waiting = Mutex<CheckedContinuation<Value, any Error>?>(nil)
    let tasks = Mutex<[Task<Void, Never>]>([])

    func finish(with result: Result<Value, any Error>) {
        waiting.withLock { $0.take() }?.resume(with: result)
    }
}
