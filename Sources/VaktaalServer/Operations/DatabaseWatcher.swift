import Logging
import PostgresNIO
import ServiceLifecycle
import VaktaalCore

/// Keeps a replica's snapshot up to date with the database: it `LISTEN`s for the
/// notifications of publishes (on any replica) and installs the new versions, checks the
/// database every `interval` as well (a notification sent while the connection was down is
/// lost), and on `SIGHUP`. A lost connection is opened again, with a growing pause.
struct DatabaseWatcher: Service {
    let store: PostgresStore
    /// How often to check without a notification; `nil` relies on notifications alone.
    let interval: Duration?
    let metrics: ServiceMetrics
    let logger: Logger

    func run() async throws {
        var loops: [WatchLoops.Loop] = [{ try await listen() }, WatchLoops.onHangup { await refresh(reason: "SIGHUP") }]
        if let interval { loops.append(WatchLoops.every(interval) { await refresh(reason: "periodic check") }) }
        try await WatchLoops.run(loops)
    }

    /// Listens for publishes until cancelled, opening the connection again when it is lost.
    private func listen() async throws {
        var failures = 0
        while !Task.isCancelled {
            do {
                try await store.client.withConnection { connection in
                    try await connection.listen(on: store.configuration.channel) { notifications in
                        failures = 0
                        // What was published while nobody listened.
                        await refresh(reason: "listening")
                        for try await notification in notifications {
                            await refresh(reason: "published \(notification.payload)")
                        }
                    }
                }
            } catch let error as CancellationError {
                throw error
            } catch {
                if Task.isCancelled { throw CancellationError() }
                logger.warning("not listening for publishes: \(DatabaseError.reason(error))")
            }
            failures += 1
            try await Task.sleep(for: .milliseconds(100) * (1 << min(failures, 6)))
        }
    }

    private func refresh(reason: String) async {
        do {
            let (changed, findings) = try await store.refresh()
            for finding in findings { logger.error("\(finding.description)") }
            guard !changed.isEmpty || !findings.isEmpty else { return }
            metrics.reloaded(successfully: findings.isEmpty)
            if !changed.isEmpty {
                let schemes = changed.joined(separator: ", ")
                logger.info("installed new versions of \(schemes) (\(reason)): generation \(store.snapshot.generation)")
            }
        } catch {
            logger.warning("could not check the database for new versions (\(reason)): \(DatabaseError.reason(error))")
        }
    }
}
