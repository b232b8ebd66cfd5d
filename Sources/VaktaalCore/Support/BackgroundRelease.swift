import Dispatch
import Synchronization

/// Lets go of large values without the caller waiting for them to be freed: on another
/// thread (freeing the tables a merge made for 100,000 concepts takes tens of milliseconds),
/// or, for a command about to exit, not at all until it does. A process that exits first
/// never frees them, so only values whose freeing does nothing else (no files removed,
/// nothing flushed) are handed over.
package enum BackgroundRelease {
    /// Takes `value` and releases it on a background thread.
    package static func release<Value: Sendable>(_ value: consuming Value) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.empty() }
    }

    /// Keeps `value` until the process exits, never freeing it: a command that exits once
    /// it is done need not spend time freeing what it no longer needs, the process's memory
    /// goes back to the system whole (as compilers leave theirs to the end of the process).
    package static func keepUntilExit<Value: Sendable>(_ value: consuming Value) {
        let value = value
        keptUntilExit.withLock { $0.append(value) }
    }

    private static let keptUntilExit = Mutex<[any Sendable]>([])

    /// The one reference to the value, emptied by the background thread only.
    private final class Box<Value: Sendable>: @unchecked Sendable {
        private var value: Value?

        init(_ value: consuming Value) { self.value = value }

        func empty() { value = nil }
    }
}
