import Logging
import ServiceLifecycle
import VaktaalCore

/// Reloads the vocabulary folder when its files change (checked every `interval`) and on
/// `SIGHUP`. A folder whose files do not read keeps the snapshot that serves now; its
/// findings are logged with file:line:column. One that reads is served, and the errors
/// `vaktaal check` finds in it are logged as warnings.
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

    /// The errors `vaktaal check` finds in `set`, in file order.
    static func checkErrors(of set: VocabularySet) -> [Finding] {
        VocabularyChecker.run(VocabularyChecker.checks, on: set).joined().filter { $0.severity == .error }.sorted()
    }

    private func reload(reason: String) async {
        let findings = await store.reload()
        metrics.reloaded(successfully: findings.isEmpty)
        if findings.isEmpty {
            let snapshot = store.snapshot
            logger.info("reloaded the vocabulary (\(reason)): generation \(snapshot.generation)")
            // Served all the same (what the service serves, a partner can publish back), but said.
            let errors = Self.checkErrors(of: snapshot.set)
            // The first of them: a large broken vocabulary would flood the log.
            for error in errors.prefix(20) { logger.warning("\(error.description)") }
            if !errors.isEmpty {
                let shown = errors.count > 20 ? " (the first 20 above)" : ""
                logger.warning(
                    "the vocabulary serving now has \(errors.count) errors that vaktaal check reports\(shown): a publish that adds one is refused"
                )
            }
        } else {
            for finding in findings { logger.error("\(finding.description)") }
            logger.error("kept the vocabulary that was serving: the folder has errors (\(reason))")
        }
    }
}
