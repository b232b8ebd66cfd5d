import Foundation

/// The values of items made by several workers, handed to one consumer in the order of the
/// items (``Parallel/forEachInOrder(_:ahead:sharing:_:consume:)``): workers take the items in
/// turn, and wait before making one more than `ahead` past the last one consumed, so that
/// a slow consumer does not gather every value at once.
final class InOrderHandOff<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let ahead: Int
    /// Each item's value, from when it is made until it is consumed (all guarded by `condition`).
    private var values: [Value?]
    /// How many items the workers took.
    private var taken = 0
    /// How many values the consumer took.
    private var consumed = 0

    init(count: Int, ahead: Int) {
        values = Array(repeating: nil, count: count)
        self.ahead = max(1, ahead)
    }

    /// The next item for a worker to make, once it is at most `ahead` past the last one
    /// consumed; `nil` when every item is taken.
    func nextItem() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard taken < values.count else { return nil }
        let item = taken
        taken += 1
        while item >= consumed + ahead { condition.wait() }
        return item
    }

    /// Hands the value of `item` over.
    func put(_ value: Value, for item: Int) {
        condition.lock()
        values[item] = value
        condition.broadcast()
        condition.unlock()
    }

    /// The value of `item`, the next in order, once it is made.
    func take(_ item: Int) -> Value {
        condition.lock()
        defer { condition.unlock() }
        while values[item] == nil { condition.wait() }
        let value = values[item]!
        values[item] = nil
        consumed = item + 1
        condition.broadcast()
        return value
    }
}
