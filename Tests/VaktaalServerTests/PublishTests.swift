import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import VaktaalServer

@Suite struct PublishTests {
    func put(
        _ body: String, token: String? = partnerToken, ifMatch: String? = nil, scheme: String = "lerarenopleiding",
        type: String = "application/xml"
    ) -> (uri: String, headers: HTTPFields, body: ByteBuffer) {
        var headers: HTTPFields = [.contentType: type]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let ifMatch { headers[.ifMatch] = ifMatch }
        return ("/v1/schemes/\(scheme)", headers, ByteBuffer(string: body))
    }

    @Test func aValidVersionIsStoredAtomicallyAndServedFromTheNextRequest() async throws {
        let (application, store, folder) = try makeApplication()
        try await application.test(.router) { client in
            let etag = try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .get).headers[.eTag]
            let request = put(changedVocabulary(), ifMatch: etag)
            try await client.execute(uri: request.uri, method: .put, headers: request.headers, body: request.body) { response in
                #expect(response.status == .ok, "\(response.body.text)")
                #expect(response.headers[.eTag] != etag && response.body.text.contains("\"revision\" : 2"))
            }
            try await client.execute(uri: "/v1/lookup?q=praktijkopleider", method: .get) { response in
                #expect(response.body.text.contains("werkplekbegeleider"))
            }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding/versions", method: .get) { response in
                #expect(response.body.text.contains("\"revision\" : 1") && response.body.text.contains("\"revision\" : 2"))
            }
            // The metrics give the generation that serves now.
            try await client.execute(uri: "/metrics", method: .get) {
                #expect($0.body.text.contains("vaktaal_snapshot_generation 2"))
            }
        }
        let onDisk = try String(contentsOfFile: folder + "/lerarenopleiding.xml", encoding: .utf8)
        #expect(onDisk == changedVocabulary())
        #expect(FileManager.default.fileExists(atPath: folder + "/.vaktaal/versions/lerarenopleiding/1.xml"))
        #expect(FileManager.default.fileExists(atPath: folder + "/.vaktaal/versions/lerarenopleiding/2.xml"))
        #expect(store.snapshot.scheme("lerarenopleiding")?.revision == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    /// A publish over a version the service has, naming no version it read (neither
    /// `If-Match` nor `If-None-Match`), is 428 (RFC 6585): it would replace that version
    /// unseen. A scheme the service does not have yet needs none.
    @Test func aPublishOverAVersionWithoutAPreconditionIs428() async throws {
        let (application, store, _) = try makeApplication()
        try await application.test(.router) { client in
            let blind = put(changedVocabulary())
            try await client.execute(uri: blind.uri, method: .put, headers: blind.headers, body: blind.body) { response in
                #expect(response.status == .preconditionRequired, "\(response.body.text)")
                #expect(response.body.text.contains("If-Match") && response.body.text.contains("currentETag"))
            }
            var empty = blind.headers
            empty[.ifNoneMatch] = " "
            try await client.execute(uri: blind.uri, method: .put, headers: empty, body: blind.body) {
                #expect($0.status == .preconditionRequired, "an empty header names no version")
            }
            let new = put(
                "<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\" format=\"1\" id=\"elders\" uri=\"https://example.org/elders/\" "
                    + "xml:lang=\"nl\"><concept id=\"a\" top=\"true\"><prefLabel>elders</prefLabel></concept></vocabulary>",
                token: otherToken, scheme: "elders")
            try await client.execute(uri: new.uri, method: .put, headers: new.headers, body: new.body) { response in
                #expect(response.status == .created, "\(response.status) \(response.body.text)")
            }
        }
        #expect(store.snapshot.scheme("lerarenopleiding")?.revision == 1)
    }

    @Test(arguments: [
        (nil as String?, HTTPResponse.Status.unauthorized), ("not-a-token", .unauthorized), (otherToken, .forbidden),
    ])
    func publishingNeedsTheSchemesToken(_ token: String?, _ status: HTTPResponse.Status) async throws {
        let (application, store, _) = try makeApplication()
        try await application.test(.router) { client in
            let request = put(changedVocabulary(), token: token)
            try await client.execute(uri: request.uri, method: .put, headers: request.headers, body: request.body) { response in
                #expect(response.status == status)
                if status == .unauthorized { #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true) }
            }
        }
        #expect(store.snapshot.scheme("lerarenopleiding")?.revision == 1)
    }

    /// A tokens file holds hashes: an entry that is not a scheme and a SHA-256 hash (a token
    /// in plain text, which would never match) stops the service from starting.
    @Test func aTokensFileTakesOnlyHashes() throws {
        let hash = PublishTokens.hash(of: partnerToken)
        let expected = PublishTokens(hashes: ["lerarenopleiding": [hash], "*": [hash]])
        #expect(try PublishTokens.parse("# partners\nlerarenopleiding \(hash)\n\n* \(hash.uppercased())\n") == expected)
        // Written on Windows: CR LF line ends.
        #expect(try PublishTokens.parse("# partners\r\nlerarenopleiding \(hash)\r\n\r\n* \(hash)\r\n") == expected)
        #expect(try PublishTokens.parse("lerarenopleiding:\(hash),*:\(hash)") == expected)
        for text in ["lerarenopleiding \(partnerToken)", "lerarenopleiding", "a:b:c", "lerarenopleiding \(hash.dropLast())"] {
            #expect(throws: PublishTokens.InvalidEntry.self, "\(text)") { try PublishTokens.parse(text) }
        }
        // The error names the entry by its place and scheme, never by the token it holds.
        #expect {
            try PublishTokens.parse("# tokens\n* \(hash)\nlerarenopleiding \(partnerToken)\n")
        } throws: { error in
            let text = "\(error)"
            return text.contains("token entry 2 (for 'lerarenopleiding')") && !text.contains(partnerToken)
        }
    }

    @Test func withoutConfiguredTokensNobodyPublishes() async throws {
        let (application, _, _) = try makeApplication(configuration: ServiceConfiguration())
        try await application.test(.router) { client in
            let request = put(changedVocabulary())
            try await client.execute(uri: request.uri, method: .put, headers: request.headers, body: request.body) {
                #expect($0.status == .forbidden)
            }
        }
    }

    /// A client that accepts gzip is given the gzipped body's tag: it names the same version,
    /// so publishing with it as If-Match succeeds.
    @Test func theTagOfTheGzippedBodyIsAnIfMatchToo() async throws {
        let (application, store, _) = try makeApplication()
        try await application.test(.router) { client in
            let etag = try await client.execute(
                uri: "/v1/schemes/lerarenopleiding", method: .get, headers: [.acceptEncoding: "gzip"]
            ).headers[.eTag]
            #expect(etag?.hasSuffix("-gzip\"") == true)
            let request = put(changedVocabulary(), ifMatch: etag)
            try await client.execute(uri: request.uri, method: .put, headers: request.headers, body: request.body) { response in
                #expect(response.status == .ok, "\(response.body.text)")
            }
        }
        #expect(store.snapshot.scheme("lerarenopleiding")?.revision == 2)
    }

    /// `If-None-Match: *` publishes only a scheme the service does not have yet.
    @Test func ifNoneMatchStarCreatesButNeverReplaces() async throws {
        let (application, store, _) = try makeApplication()
        try await application.test(.router) { client in
            var request = put(changedVocabulary())
            request.headers[.ifNoneMatch] = "*"
            try await client.execute(uri: request.uri, method: .put, headers: request.headers, body: request.body) { response in
                #expect(response.status == .preconditionFailed && response.body.text.contains("currentETag"))
            }
            let elders = """
                <?xml version="1.0" encoding="UTF-8"?>
                <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="elders" uri="https://example.org/elders/" xml:lang="nl">
                  <concept id="a"><prefLabel>eldersterm</prefLabel><definition>Een term van elders.</definition></concept>
                </vocabulary>

                """
            var creating = put(elders, token: otherToken, scheme: "elders")
            creating.headers[.ifNoneMatch] = "*"
            try await client.execute(uri: creating.uri, method: .put, headers: creating.headers, body: creating.body) {
                #expect($0.status == .created, "\($0.body.text)")
            }
            let long = String(repeating: "a", count: 300)
            let tooLong = put(
                changedVocabulary().replacingOccurrences(of: "id=\"lerarenopleiding\"", with: "id=\"\(long)\""), scheme: long)
            try await client.execute(uri: tooLong.uri, method: .put, headers: tooLong.headers, body: tooLong.body) {
                #expect($0.status == .badRequest && $0.body.text.contains("too long"))
            }
        }
        #expect(store.snapshot.scheme("lerarenopleiding")?.revision == 1 && store.snapshot.scheme("elders") != nil)
    }

    /// A clash with another scheme of the service names that scheme's file, not the path
    /// where the server keeps it.
    @Test func clashesWithAnotherSchemeNameItsFileNotAServerPath() async throws {
        let (application, _, folder) = try makeApplication()
        try await application.test(.router) { client in
            let request = put(
                changedVocabulary().replacingOccurrences(of: "id=\"lerarenopleiding\"", with: "id=\"elders\""), token: otherToken,
                scheme: "elders")
            try await client.execute(uri: request.uri, method: .put, headers: request.headers, body: request.body) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.body.text.contains("also used by lerarenopleiding.xml"), "\(response.body.text)")
                #expect(!response.body.text.contains(folder) && !response.body.text.contains(NSTemporaryDirectory()))
            }
        }
    }

    /// A scheme that prefers another scheme's outdated term breaks that scheme's rule (and
    /// would end its findings in every text): refused, with the finding where it is.
    @Test func aLabelThatBreaksAnotherSchemesRuleIs422() async throws {
        let (application, store, _) = try makeApplication()
        @Sendable func elders(_ label: String) -> String {
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="elders" uri="https://example.org/elders/" xml:lang="nl">
              <concept id="a"><prefLabel>\(label)</prefLabel><definition>Een term van elders.</definition></concept>
            </vocabulary>

            """
        }
        try await application.test(.router) { client in
            var request = put(elders("mentor"), token: otherToken, scheme: "elders")
            request.headers[.ifNoneMatch] = "*"
            try await client.execute(uri: request.uri, method: .put, headers: request.headers, body: request.body) { response in
                #expect(response.status == .unprocessableContent, "\(response.body.text)")
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let detail = try #require(json["detail"] as? [[String: Any]])
                #expect(detail.map { $0["path"] as? String } == ["lerarenopleiding.xml"], "\(detail)")
                #expect(detail.first?["rule"] as? String == "outdated-label-is-allowed")
            }
            request = put(elders("mentorschap"), token: otherToken, scheme: "elders")
            request.headers[.ifNoneMatch] = "*"
            try await client.execute(uri: request.uri, method: .put, headers: request.headers, body: request.body) {
                #expect($0.status == .created, "\($0.body.text)")
            }
        }
        #expect(store.snapshot.scheme("elders")?.vocabulary.concepts.first?.labels.first?.text == "mentorschap")
    }

    @Test func aStaleIfMatchIsRefusedWith412() async throws {
        let (application, store, _) = try makeApplication()
        try await application.test(.router) { client in
            let request = put(changedVocabulary(), ifMatch: "\"sha256-somebody-elses\"")
            try await client.execute(uri: request.uri, method: .put, headers: request.headers, body: request.body) { response in
                #expect(response.status == .preconditionFailed && response.body.text.contains("currentETag"))
            }
        }
        #expect(store.snapshot.scheme("lerarenopleiding")?.revision == 1)
    }

    static let invalidBodies: [(name: String, body: String)] = [
        ("malformed XML", "<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\"><concept></vocabulary>"),
        ("entity bomb", "<?xml version=\"1.0\"?><!DOCTYPE v [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><v>&b;</v>"),
        ("external entity", "<?xml version=\"1.0\"?><!DOCTYPE v [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><v>&x;</v>"),
        ("another scheme's id", changedVocabulary().replacingOccurrences(of: "id=\"lerarenopleiding\"", with: "id=\"ander\"")),
        (
            "a dangling reference",
            changedVocabulary().replacingOccurrences(of: "<broader ref=\"begeleider\"/>", with: "<broader ref=\"nergens\"/>")
        ),
        ("empty", ""),
    ]

    @Test(arguments: invalidBodies.map(\.name))
    func anInvalidVocabularyIs422WithItsFindingsAndChangesNothing(_ name: String) async throws {
        let body = try #require(Self.invalidBodies.first { $0.name == name }).body
        let (application, store, folder) = try makeApplication()
        try await application.test(.router) { client in
            let request = put(body, ifMatch: "*")
            try await client.execute(uri: request.uri, method: .put, headers: request.headers, body: request.body) { response in
                #expect(response.status == .unprocessableContent, "\(response.body.text)")
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let detail = try #require(json["detail"] as? [[String: Any]])
                #expect(!detail.isEmpty && detail.allSatisfy { ($0["path"] as? String) == "lerarenopleiding.xml" })
                #expect(!response.body.text.contains(folder) && !response.body.text.contains("root:"))
            }
        }
        #expect(store.snapshot.scheme("lerarenopleiding")?.revision == 1)
        #expect(FileManager.default.contents(atPath: folder + "/lerarenopleiding.xml").map(Array.init) == fixtureBytes)
    }

    @Test func wrongContentTypesAndOversizedBodiesAreRefused() async throws {
        let (application, _, _) = try makeApplication(
            configuration: ServiceConfiguration(tokens: testTokens, publishBodyLimit: 1000))
        try await application.test(.router) { client in
            let json = put(changedVocabulary(), type: "application/json")
            try await client.execute(uri: json.uri, method: .put, headers: json.headers, body: json.body) {
                #expect($0.status == .unsupportedMediaType)
            }
            let large = put(changedVocabulary())
            try await client.execute(uri: large.uri, method: .put, headers: large.headers, body: large.body) {
                #expect($0.status == .contentTooLarge)
            }
            let traversal = put(changedVocabulary(), scheme: "..%2F..%2Fetc")
            try await client.execute(uri: traversal.uri, method: .put, headers: traversal.headers, body: traversal.body) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test func theBuiltInVocabularyIsReadOnly() async throws {
        let store = try FolderStore(folder: nil, builtIn: [(path: "lerarenopleiding.xml", bytes: fixtureBytes)])
        let configuration = ServiceConfiguration(corsOrigins: ["https://partner.example.org"], tokens: testTokens)
        let application = Application(router: buildRouter(store: store, configuration: configuration))
        try await application.test(.router) { client in
            let request = put(changedVocabulary())
            try await client.execute(uri: request.uri, method: .put, headers: request.headers, body: request.body) {
                #expect($0.status == .methodNotAllowed && $0.headers[.allow] == "GET, HEAD, OPTIONS")
            }
            // What OPTIONS and a preflight offer agrees: no PUT.
            try await client.execute(uri: request.uri, method: .options) {
                #expect($0.headers[.allow] == "GET, HEAD, OPTIONS")
            }
            try await client.execute(
                uri: request.uri, method: .options,
                headers: [.origin: "https://partner.example.org", .accessControlRequestMethod: "PUT"]
            ) { #expect($0.headers[.accessControlAllowMethods]?.contains("PUT") == false) }
        }
    }

    @Test func concurrentPublishesOfOneSchemeAreEachWonOrRefusedNeverLost() async throws {
        let (_, store, folder) = try makeApplication()
        let etag = try #require(store.snapshot.scheme("lerarenopleiding")?.etag)
        let outcomes = await withTaskGroup(of: (Int, Int).self) { group in
            for index in 0..<16 {
                group.addTask {
                    do {
                        let bytes = Array(changedVocabulary("praktijkopleider\(index)").utf8)
                        _ = try await store.publish(schemeID: "lerarenopleiding", bytes: bytes, ifMatch: etag)
                        return (index, 200)
                    } catch let error as ServiceError {
                        return (index, error.status.code)
                    } catch {
                        return (index, 0)
                    }
                }
            }
            return await group.reduce(into: [(Int, Int)]()) { $0.append($1) }
        }
        let winners = outcomes.filter { $0.1 == 200 }
        #expect(winners.count == 1)
        #expect(outcomes.filter { $0.1 == 412 }.count == 15)
        let winner = try #require(winners.first).0
        let onDisk = try String(contentsOfFile: folder + "/lerarenopleiding.xml", encoding: .utf8)
        #expect(onDisk == changedVocabulary("praktijkopleider\(winner)"))
        #expect(store.snapshot.scheme("lerarenopleiding")?.revision == 2)
    }
}

@Suite struct ChangesRouteTests {
    @Test func changesSinceARevisionAreConceptLevel() async throws {
        let (application, store, _) = try makeApplication()
        _ = try await store.publish(schemeID: "lerarenopleiding", bytes: Array(changedVocabulary().utf8), ifMatch: "*")
        try await application.test(.router) { client in
            try await client.execute(uri: "/v1/schemes/lerarenopleiding/changes?since=1", method: .get) { response in
                #expect(response.status == .ok)
                let text = response.body.text
                #expect(text.contains("werkplekbegeleider") && text.contains("praktijkopleider"))
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(json["version"] as? Int == 1)
            }
            // A poller that has these changes already is told so (304), by the tag it was given.
            let tag = try await client.execute(uri: "/v1/schemes/lerarenopleiding/changes?since=1", method: .get).headers[.eTag]
            try await client.execute(
                uri: "/v1/schemes/lerarenopleiding/changes?since=1", method: .get, headers: [.ifNoneMatch: tag ?? "none"]
            ) { response in
                #expect(response.status == .notModified && response.headers[.eTag] == tag && response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding/changes?since=2", method: .get) { response in
                #expect(response.status == .ok && !response.body.text.contains("praktijkopleider"))
            }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding/changes?since=3", method: .get) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding/changes", method: .get) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test func aRevisionNoLongerKeptIsGone() async throws {
        let folder = try temporaryVocabularyFolder()
        let store = try FolderStore(folder: folder, retention: 1)
        _ = try await store.publish(schemeID: "lerarenopleiding", bytes: Array(changedVocabulary().utf8), ifMatch: "*")
        let application = Application(router: buildRouter(store: store, configuration: ServiceConfiguration()))
        try await application.test(.router) { client in
            try await client.execute(uri: "/v1/schemes/lerarenopleiding/changes?since=1", method: .get) { response in
                #expect(response.status == .gone && response.body.text.contains("oldestKept"))
            }
        }
    }
}
