import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import Testing

@testable import VaktaalServer

/// Several replicas over one PostgreSQL database: what one publishes, the others serve;
/// concurrent publishes are each won or refused, never lost or half-applied.
@Suite(needsTestDatabase) struct DatabaseReplicaTests {
    func publish(
        _ client: any TestClientProtocol, _ body: String, ifMatch: String?
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/xml", .authorization: "Bearer \(partnerToken)"]
        if let ifMatch { headers[.ifMatch] = ifMatch }
        return try await client.execute(
            uri: "/v1/schemes/lerarenopleiding", method: .put, headers: headers, body: ByteBuffer(string: body))
    }

    /// Replica B checks nothing on its own (no periodic check): it can only learn of A's
    /// publishes from their notifications (or the check it makes when it starts listening).
    @Test func aPublishOnOneReplicaIsServedByTheOther() async throws {
        let database = try TestDatabase()
        try await database.run {
            try await withReplica(database.configuration) { _, first in
                try await withReplica(database.configuration) { secondStore, second in
                    for (index, label) in ["praktijkopleider", "stagedocent"].enumerated() {
                        let etag = try await first.execute(uri: "/v1/schemes/lerarenopleiding", method: .get).headers[.eTag]
                        let response = try await publish(first, changedVocabulary(label), ifMatch: etag)
                        #expect(response.status == .ok, "\(response.body.text)")
                        let published = try #require(response.headers[.eTag])
                        let served = try await eventually {
                            try await second.execute(uri: "/v1/schemes/lerarenopleiding", method: .get).headers[.eTag]
                                == published
                        }
                        #expect(served, "replica B still serves the old version")
                        #expect(secondStore.snapshot.scheme("lerarenopleiding")?.revision == index + 2)
                        try await second.execute(uri: "/v1/lookup?q=\(label)", method: .get) { response in
                            #expect(response.status == .ok && response.body.text.contains("werkplekbegeleider"))
                        }
                    }
                    try await second.execute(uri: "/v1/schemes/lerarenopleiding/versions", method: .get) { response in
                        let text = response.body.text
                        #expect(text.contains("\"revision\" : 1") && text.contains("\"revision\" : 3"))
                    }
                }
            }
        }
    }

    /// The outcome of one of many publishes at once: 200, 412, or another status.
    typealias Outcome = (index: Int, status: Int)

    /// Sixteen publishes at once, half through each replica.
    func publishTogether(_ stores: [PostgresStore], ifMatch: String?) async -> [Outcome] {
        await withTaskGroup(of: Outcome.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let bytes = Array(changedVocabulary("praktijkopleider\(index)").utf8)
                    do {
                        _ = try await stores[index % stores.count].publish(
                            schemeID: "lerarenopleiding", bytes: bytes, ifMatch: ifMatch)
                        return (index, 200)
                    } catch let error as ServiceError {
                        return (index, error.status.code)
                    } catch {
                        return (index, 0)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func sixteenPublishesWithTheSameIfMatchHaveOneWinnerAndFifteen412s() async throws {
        // Each replica's publishes queue in the replica; each transaction may then wait on the
        // scheme's lock for the other replica's, which on a loaded machine can take more than 5 s.
        let database = try TestDatabase(operationTimeout: .seconds(60))
        try await database.run {
            try await PostgresStore.withStore(database.configuration, seed: fixtureSeed, logger: quietLogger) { first in
                try await PostgresStore.withStore(database.configuration, seed: fixtureSeed, logger: quietLogger) { second in
                    let etag = try #require(first.snapshot.scheme("lerarenopleiding")?.etag)
                    #expect(second.snapshot.scheme("lerarenopleiding")?.etag == etag)
                    let outcomes = await publishTogether([first, second], ifMatch: etag)
                    let winners = outcomes.filter { $0.status == 200 }
                    let statuses = outcomes.sorted { $0.index < $1.index }.map(\.status)
                    #expect(winners.count == 1, "statuses: \(statuses)")
                    #expect(outcomes.filter { $0.status == 412 }.count == 15, "statuses: \(statuses)")
                    let winner = try #require(winners.first).index
                    let rows = try await database.rows()
                    #expect(rows.map(\.revision) == [1, 2])
                    #expect(rows.last?.etag == tag(of: changedVocabulary("praktijkopleider\(winner)")))
                    try await second.refresh()
                    try await first.refresh()
                    for store in [first, second] {
                        let scheme = store.snapshot.scheme("lerarenopleiding")
                        #expect(scheme?.revision == 2 && scheme?.etag == rows.last?.etag)
                        #expect(await store.history(of: "lerarenopleiding").map(\.revision) == [1, 2])
                    }
                }
            }
        }
    }

    @Test func sixteenPublishesOverWhateverIsCurrentAreAllKeptInOrder() async throws {
        // Each replica's publishes queue in the replica; each transaction may then wait on the
        // scheme's lock for the other replica's, which on a loaded machine can take more than 5 s.
        let database = try TestDatabase(operationTimeout: .seconds(60))
        try await database.run {
            try await PostgresStore.withStore(database.configuration, seed: fixtureSeed, logger: quietLogger) { first in
                try await PostgresStore.withStore(database.configuration, seed: fixtureSeed, logger: quietLogger) { second in
                    let outcomes = await publishTogether([first, second], ifMatch: "*")
                    #expect(outcomes.allSatisfy { $0.status == 200 }, "\(outcomes)")
                    let rows = try await database.rows()
                    #expect(rows.map(\.revision) == Array(1...17))
                    let published = Set((0..<16).map { tag(of: changedVocabulary("praktijkopleider\($0)")) })
                    #expect(Set(rows.dropFirst().map(\.etag)) == published)
                    try await first.refresh()
                    try await second.refresh()
                    #expect(first.snapshot.scheme("lerarenopleiding")?.etag == rows.last?.etag)
                    #expect(second.snapshot.scheme("lerarenopleiding")?.etag == rows.last?.etag)
                }
            }
        }
    }

    @Test func aStaleOrInvalidPublishChangesNoRow() async throws {
        let database = try TestDatabase()
        try await database.run {
            try await withReplica(database.configuration) { store, client in
                let stale = try await publish(client, changedVocabulary(), ifMatch: "\"sha256-somebody-elses\"")
                #expect(stale.status == .preconditionFailed && stale.body.text.contains("currentETag"))
                let invalid = try await publish(client, "<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\"><concept>", ifMatch: "*")
                #expect(invalid.status == .unprocessableContent && invalid.body.text.contains("lerarenopleiding.xml"))
                let etag = store.snapshot.scheme("lerarenopleiding")?.etag
                let again = try await publish(client, String(decoding: fixtureBytes, as: UTF8.self), ifMatch: etag)
                #expect(again.status == .ok && again.headers[.eTag] == etag, "the same content is no new version")
                #expect(store.snapshot.scheme("lerarenopleiding")?.revision == 1)
            }
            let rows = try await database.rows()
            #expect(rows.map(\.revision) == [1])
        }
    }
}
