import ServiceLifecycle
import UnixSignals

/// What the folder and database watchers share: loops that run side by side until the
/// service group shuts down gracefully, whose cancellation is then their normal end.
enum WatchLoops {
    /// A loop of a watcher.
    typealias Loop = @Sendable () async throws -> Void

    /// Runs `loops` together until a graceful shutdown (or one of them ends).
    static func run(_ loops: [Loop]) async throws {
        do {
            try await cancelWhenGracefulShutdown {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for loop in loops { group.addTask(operation: loop) }
                    try await group.next()
                    group.cancelAll()
                }
            }
        } catch is CancellationError {
            return
        }
    }

    /// Calls `body` every `interval`.
    static func every(_ interval: Duration, _ body: @escaping @Sendable () async -> Void) -> Loop {
        {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                await body()
            }
        }
    }

    /// Calls `body` on every `SIGHUP`.
    static func onHangup(_ body: @escaping @Sendable () async -> Void) -> Loop {
        { for await _ in await UnixSignalsSequence(trapping: .sighup) { await body() } }
    }
}
