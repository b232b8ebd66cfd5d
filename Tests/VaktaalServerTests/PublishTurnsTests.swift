import Testing

@testable import VaktaalServer

/// Publishes of one scheme through one replica run one at a time, in the order they came;
/// publishes of other schemes do not wait for them; when the database stops answering, the
/// publishes in line fail with the one that found out; a publish whose time to wait ran out
/// is turned away when the turn before it ends.
@Suite struct PublishTurnsTests {
    /// Publishes as the store runs them: each takes its turn, notes that it ran (or failed),
    /// and ends its turn when told to.
    actor Publishes {
        private let turns = PublishTurns()
        private(set) var arrived = 0
        private(set) var ran: [String] = []
        private(set) var failed: Set<String> = []
        private(set) var timedOut: Set<String> = []

        func publish(_ name: String, of scheme: String, waitingAtMost limit: Duration = .seconds(60)) async {
            arrived += 1
            switch await turns.take(scheme, waitingAtMost: limit) {
            case .granted: ran.append(name)
            case .databaseGone: failed.insert(name)
            case .timedOut: timedOut.insert(name)
            }
        }

        func finish(_ scheme: String, databaseAnswers: Bool = true) { turns.end(scheme, databaseAnswers: databaseAnswers) }
    }

    /// Waits until `condition` holds (a turn handed out wrongly then fails the test instead of hanging it).
    func eventually(_ condition: @escaping () async -> Bool) async throws -> Bool {
        for _ in 0..<10_000 {
            if await condition() { return true }
            try await Task.sleep(for: .milliseconds(1))
        }
        return false
    }

    /// Starts a publish and waits until it has arrived: it runs, or waits in line.
    func start(
        _ name: String, of scheme: String, waitingAtMost limit: Duration = .seconds(60), in publishes: Publishes
    ) async throws {
        let before = await publishes.arrived
        Task { await publishes.publish(name, of: scheme, waitingAtMost: limit) }
        #expect(try await eventually { await publishes.arrived == before + 1 })
    }

    @Test func publishesOfOneSchemeTakeTurnsInTheOrderTheyCame() async throws {
        let publishes = Publishes()
        await publishes.publish("first", of: "a")
        try await start("second", of: "a", in: publishes)
        try await start("third", of: "a", in: publishes)
        await publishes.publish("other scheme", of: "b")
        #expect(await publishes.ran == ["first", "other scheme"])

        await publishes.finish("a")
        #expect(try await eventually { await publishes.ran.count == 3 })
        #expect(await publishes.ran == ["first", "other scheme", "second"])
        await publishes.finish("a")
        #expect(try await eventually { await publishes.ran.count == 4 })
        #expect(await publishes.ran == ["first", "other scheme", "second", "third"])

        await publishes.finish("a")
        try await start("fourth", of: "a", in: publishes)
        #expect(try await eventually { await publishes.ran.last == "fourth" }, "a scheme whose turns all ended is free again")
    }

    @Test func whenTheDatabaseStopsAnsweringThePublishesInLineFailWithoutAsking() async throws {
        let publishes = Publishes()
        await publishes.publish("first", of: "a")
        try await start("second", of: "a", in: publishes)
        try await start("third", of: "a", in: publishes)

        await publishes.finish("a", databaseAnswers: false)
        #expect(try await eventually { await publishes.failed.count == 2 })
        #expect(await publishes.failed == ["second", "third"])
        #expect(await publishes.ran == ["first"])

        try await start("later", of: "a", in: publishes)
        #expect(try await eventually { await publishes.ran.last == "later" }, "the line holds no turn after failing")
    }

    @Test func aPublishWhoseTimeRanOutIsTurnedAwayAndTheNextInLineGoesOn() async throws {
        let publishes = Publishes()
        await publishes.publish("first", of: "a")
        try await start("impatient", of: "a", waitingAtMost: .zero, in: publishes)
        try await start("patient", of: "a", in: publishes)

        await publishes.finish("a")
        #expect(try await eventually { await publishes.ran.count == 2 })
        #expect(await publishes.ran == ["first", "patient"])
        #expect(await publishes.timedOut == ["impatient"])

        await publishes.finish("a")
        try await start("impatient again", of: "a", waitingAtMost: .zero, in: publishes)
        #expect(
            try await eventually { await publishes.ran.last == "impatient again" },
            "a free scheme is taken at once, whatever the time to wait")
    }
}
