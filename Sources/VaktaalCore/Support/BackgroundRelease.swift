import Dispatch

/// Lets go of large values on another thread: freeing the tables a merge made for 100,000
/// concepts takes tens of milliseconds that the caller need not wait for. A process that
/// exits first never frees them, so only values whose freeing does nothing else (no files
/// removed, nothing flushed) are handed over.
package enum BackgroundRelease {
    /// Takes `value` and releases it on a background thread.
    package static func release<Value: Sendable>(_ value: consuming Value) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.empty() }
    }

    /// The one reference to the value, emptied by the background thread only.
    private final class Box<Value: Sendable>: @unchecked Sendable {
        private var value: Value?

        init(_ value: consuming Value) { self.value = value }

        func empty() { value = nil }
    }
}
