import Synchronization

/// Large values the command keeps until the process exits. The exit hands all their memory
/// back at once, where releasing them at the end of a command would free a million objects
/// one by one (about 0.2 s for a vocabulary of 100,000 concepts).
enum KeptUntilExit {
    private static let values = Mutex<[any Sendable]>([])

    /// Keeps `value` alive until the process exits.
    static func keep(_ value: some Sendable) {
        values.withLock { $0.append(value) }
    }
}

/// A value handed to ``KeptUntilExit`` that is not `Sendable` (it is only kept, never used).
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }
}
