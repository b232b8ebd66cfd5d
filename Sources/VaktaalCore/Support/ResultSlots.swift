import Synchronization

/// One slot per parallel task: each task writes only its own slot, and the values are read
/// after all tasks have finished.
final class ResultSlots<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    func store(_ value: Value, at index: Int) {
        slots.withLock { $0[index] = value }
    }

    /// The stored values in slot order.
    var values: [Value] { slots.withLock { $0.compactMap { $0 } } }
}
