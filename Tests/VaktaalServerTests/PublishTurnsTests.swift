import Testing

@testable import VaktaalServer

/// Publishes of one scheme through one replica run one at a time, in the order they came;
/// publishes of other schemes do not wait for them.
@Suite struct PublishTurnsTests {
    /// Publishes as the store runs them: each waits for its turn, notes that it ran, and ends
    /// its turn when told to.
    actor Publishes {
        private var turns = PublishTurns()
        private(set) var ran: [String] = []
        private(set) var waiting = 0

        func publish(_ name: String, of scheme: String) async {
            if !turns.begin(scheme) {
                waiting += 1
                await withCheckedContinuation { turns.wait(for: scheme, $0) }
                waiting -= 1
            }
            ran.append(name)
        }

        func finish(_ scheme: String) { turns.end(scheme) }
    }

    /// Waits until `count` publishes wait for their turn.
    func untilWaiting(_ count: Int, in publishes: Publishes) async {
        while await publishes.waiting != count { await Task.yield() }
    }

    /// The publishes that ran, once `count` have (a wrong turn fails the test instead of hanging it).
    func untilRan(_ count: Int, in publishes: Publishes) async -> [String] {
        while await publishes.ran.count < count { await Task.yield() }
        return await publishes.ran
    }

    @Test func publishesOfOneSchemeTakeTurnsInTheOrderTheyCame() async {
        let publishes = Publishes()
        await publishes.publish("first", of: "a")
        Task { await publishes.publish("second", of: "a") }
        await untilWaiting(1, in: publishes)
        Task { await publishes.publish("third", of: "a") }
        await untilWaiting(2, in: publishes)
        await publishes.publish("other scheme", of: "b")
        #expect(await publishes.ran == ["first", "other scheme"])

        await publishes.finish("a")
        #expect(await untilRan(3, in: publishes) == ["first", "other scheme", "second"])
        await publishes.finish("a")
        #expect(await untilRan(4, in: publishes) == ["first", "other scheme", "second", "third"])

        await publishes.finish("a")
        await publishes.publish("fourth", of: "a")
        #expect(await publishes.ran.last == "fourth", "a scheme whose turns all ended is free again")
    }
}
