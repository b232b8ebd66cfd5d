import Logging
import ServiceLifecycle
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
        try await WatchLoops.run([
            WatchLoops.every(interval) { if await store.folderChanged() { await reload(reason: "the folder changed") } },
            WatchLoops.onHangup { await reload(reason: "SIGHUP") },
        ])
    }

    private func reload(reason: String) async {
        let findings = await store.reload()
        metrics.reloaded(successfully: findings.isEmpty)
        if findings.isEmpty {
            logger.info("reloaded the vocabulary (\(reason)): generation \(store.snapshot.generation)")
        } else {
            for finding in findings { logger.error("\(finding.description)") }
            logger.error("kept the vocabulary that was serving: the folder has errors (\(reason))")
        }
    }
}
