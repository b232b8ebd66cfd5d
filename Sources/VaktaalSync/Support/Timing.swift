import Foundation

// TEMPORARY: phase timings while optimising (VAKTAAL_SYNC_TIMING=1).
enum Timing {
    nonisolated(unsafe) static var last = Date()
    nonisolated(unsafe) static var lastCPU = cpu()
    static let enabled = ProcessInfo.processInfo.environment["VAKTAAL_SYNC_TIMING"] != nil
    static func cpu() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    static func mark(_ name: String) {
        guard enabled else { return }
        let now = Date()
        let cpuNow = cpu()
        FileHandle.standardError.write(
            Data(String(format: "%8.3f s wall %8.3f s cpu  %@\n", now.timeIntervalSince(last), cpuNow - lastCPU, name).utf8))
        last = now
        lastCPU = cpuNow
    }
}
