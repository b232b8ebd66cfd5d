import Logging
import ServiceLifecycle
import UnixSignals
import VaktaalCore

/// Reloads the vocabulary folder when its files change (checked every `interval`) and on
/// `SIGHUP`. A folder with errors keeps the snapshot that serves now; its findings are
/// logged with file:line:column.
struct FolderWatcher: Service {
    let store: FolderStore
    let interval: Duration
    let metrics: ServiceMetrics
    let logger: Logger

    func run() async throws {
        // A graceful shutdown cancels the watch; that is its normal end, not an error.
        do {
            try await watch()
        } catch is CancellationError {
            return
        }
    }

    private func watch() async throws {
        try await cancelWhenGracefulShutdown {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: interval)
                        if await store.folderChanged() { await reload(reason: "the folder changed") }
                    }
                }
                group.addTask {
                    for await _ in await UnixSignalsSequence(trapping: .sighup) { await reload(reason: "SIGHUP") }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    private func reload(reason: String) async {
        let findings = await store.reload()
        metrics.reloaded(successfully: findings.isEmpty)
        metrics.snapshotGeneration(store.snapshot.generation)
        if findings.isEmpty {
            logger.info("reloaded the vocabulary (\(reason)): generation \(store.snapshot.generation)")
        } else {
            for finding in findings { logger.error("\(finding.description)") }
            logger.error("kept the vocabulary that was serving: the folder has errors (\(reason))")
        }
    }
}
