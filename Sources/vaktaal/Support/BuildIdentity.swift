import Foundation

/// Names this build of vaktaal for the compiled-index cache: the version and the size and
/// time of the executable, so that a snapshot written by any other build is refused.
enum BuildIdentity {
    static let current: String = {
        let version = Vaktaal.configuration.version
        guard let executable = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: executable)
        else { return version }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(version) \(size) \(modified)"
    }()
}
