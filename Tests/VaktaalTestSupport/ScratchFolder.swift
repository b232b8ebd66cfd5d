import Foundation

/// The folder that every temporary file of this test process goes in; it is removed when
/// the process exits, so test runs leave nothing behind.
public let scratchRoot: String = {
    let path = NSTemporaryDirectory() + "vaktaal-tests-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: scratchRoot) }
    return path
}()

/// A fresh, empty folder inside ``scratchRoot``, its name starting with `label`.
public func scratchFolder(_ label: String = "test") throws -> String {
    let path = scratchRoot + "/" + label + "-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
