import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import VaktaalServer

@Suite struct OperationsTests {
    @Test func theOpenAPIDocumentAndTheRouterDescribeTheSameRoutes() throws {
        let store = try FolderStore(folder: try temporaryVocabularyFolder())
        let router = buildRouter(store: store, configuration: ServiceConfiguration())
        let routed = Set(
            router.routes.filter { $0.method != .head }.map { route in
                let path = route.path.description.split(separator: "/").map { segment in
                    segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
                }
                return "\(route.method.rawValue.lowercased()) /" + path.joined(separator: "/")
            })
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
        #expect(
            routed == documented,
            "only routed: \(routed.subtracting(documented)); only documented: \(documented.subtracting(routed))")
    }

    @Test func metricsCountRequestsPerRoute() async throws {
        try await makeApplication().application.test(.router) { client in
            _ = try await client.execute(uri: "/v1/lookup?q=mentor", method: .get)
            _ = try await client.execute(uri: "/v1/schemes/onbekend", method: .get)
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = response.body.text
                #expect(text.contains("vaktaal_http_requests_total{method=\"GET\",route=\"/v1/lookup\",status=\"200\"} 1"))
                #expect(text.contains("route=\"/v1/schemes/{id}\",status=\"404\""))
                #expect(text.contains("vaktaal_http_request_duration_seconds_bucket"))
                #expect(text.contains("vaktaal_snapshot_generation 1"))  // "1.0" in the text format
                for metric in [
                    "vaktaal_http_requests_total", "vaktaal_http_request_duration_seconds", "vaktaal_snapshot_generation",
                ] {
                    #expect(text.contains("# HELP \(metric) "), "\(metric) says what it counts")
                    #expect(text.contains("# TYPE \(metric) "))
                }
            }
        }
    }

    @Test func reloadsAreCountedByOutcome() {
        let metrics = ServiceMetrics()
        metrics.reloaded(successfully: true)
        metrics.reloaded(successfully: true)
        metrics.reloaded(successfully: false)
        let text = metrics.registry.emitToString()
        #expect(text.contains("vaktaal_reloads_total{outcome=\"ok\"} 2"))
        #expect(text.contains("vaktaal_reloads_total{outcome=\"kept\"} 1"))
        #expect(text.contains("# HELP vaktaal_reloads_total "))
    }

    @Test func configuredOriginsMayCallTheAPI() async throws {
        let configuration = ServiceConfiguration(corsOrigins: ["https://partner.example.org"])
        try await makeApplication(configuration: configuration).application.test(.router) { client in
            try await client.execute(
                uri: "/v1/lookup?q=mentor", method: .get, headers: [.origin: "https://partner.example.org"]
            ) { #expect($0.headers[.accessControlAllowOrigin] == "https://partner.example.org") }
            try await client.execute(uri: "/v1/lookup?q=mentor", method: .get, headers: [.origin: "https://evil.example"]) {
                #expect($0.headers[.accessControlAllowOrigin] == nil)
                // The answer depends on the Origin: caches are told so, also when it is not allowed.
                #expect($0.headers[.vary]?.contains("Origin") == true)
            }
            // So is an error answer to a request without an Origin.
            try await client.execute(uri: "/v1/schemes/nope", method: .get) {
                #expect($0.status == .notFound && $0.headers[.vary]?.contains("Origin") == true)
            }
            // A wrong method from a partner's page is the JSON 405 with Allow, and the CORS headers.
            try await client.execute(
                uri: "/v1/schemes/lerarenopleiding", method: .patch, headers: [.origin: "https://partner.example.org"]
            ) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET, HEAD, OPTIONS, PUT")
                #expect(response.headers[.accessControlAllowOrigin] == "https://partner.example.org")
                #expect(response.body.text.contains("\"error\""))
            }
            try await client.execute(uri: "/nergens", method: .get, headers: [.origin: "https://partner.example.org"]) {
                #expect(
                    $0.status == .notFound && $0.body.text.contains("\"error\"") && $0.headers[.accessControlAllowOrigin] != nil)
            }
            // Error answers carry the headers too: a web tool reads a 404's or a 412's body.
            try await client.execute(
                uri: "/v1/schemes/nope", method: .get, headers: [.origin: "https://partner.example.org"]
            ) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.accessControlAllowOrigin] == "https://partner.example.org")
                #expect(response.headers[.accessControlExposeHeaders]?.contains("ETag") == true)
            }
            try await client.execute(
                uri: "/v1/lint", method: .options,
                headers: [.origin: "https://partner.example.org", .accessControlRequestMethod: "POST"]
            ) { response in
                #expect(response.status == .noContent && response.headers[.accessControlAllowMethods]?.contains("POST") == true)
            }
        }
    }

    /// An edit on disk that `check` calls an error (a broken reference) still reads, and is
    /// served; the watcher logs its errors with file:line:column.
    @Test func theErrorsOfAReloadedFolderAreFound() async throws {
        let folder = try temporaryVocabularyFolder()
        let store = try FolderStore(folder: folder)
        #expect(FolderWatcher.checkErrors(of: store.snapshot.set).isEmpty)
        let path = folder + "/lerarenopleiding.xml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let broken = try #require(text.range(of: "<broader ref=\""))
        try text.replacingCharacters(in: broken, with: "<broader ref=\"weg").write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(await store.reload().isEmpty)
        let errors = FolderWatcher.checkErrors(of: store.snapshot.set)
        #expect(errors.first?.rule == "dangling-reference" && errors.first?.location?.path == path, "\(errors)")
    }

    @Test func aChangedFolderIsReloadedAndABrokenOneKeepsTheServingVersion() async throws {
        let folder = try temporaryVocabularyFolder()
        let store = try FolderStore(folder: folder)
        try changedVocabulary().write(toFile: folder + "/lerarenopleiding.xml", atomically: true, encoding: .utf8)
        #expect(await store.folderChanged())
        #expect(await store.reload().isEmpty)
        #expect(store.snapshot.generation == 2 && store.snapshot.scheme("lerarenopleiding")?.revision == 2)
        try "<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\"><concept>".write(
            toFile: folder + "/lerarenopleiding.xml", atomically: true, encoding: .utf8)
        #expect(await store.folderChanged())
        let findings = await store.reload()
        #expect(findings.first?.location?.path == folder + "/lerarenopleiding.xml" && findings.first?.location?.line == 1)
        #expect(store.snapshot.generation == 2 && store.snapshot.index.search("praktijkopleider").count == 1)
        // The broken folder is not read (and logged) again until it changes.
        #expect(await !store.folderChanged())
        try changedVocabulary().write(toFile: folder + "/lerarenopleiding.xml", atomically: true, encoding: .utf8)
        #expect(await store.folderChanged())
        // The last file deleted: a change, refused with a word (once), and the scheme still served.
        try FileManager.default.removeItem(atPath: folder + "/lerarenopleiding.xml")
        #expect(await store.folderChanged())
        #expect(await !store.reload().isEmpty)
        #expect(await !store.folderChanged())
        #expect(store.snapshot.scheme("lerarenopleiding") != nil)
    }

    /// A folder whose file has an error of `vaktaal check` (a dangling reference) is served,
    /// and what it serves can be published back: a publish refuses only errors the scheme did
    /// not have already. A new error is still refused.
    @Test func whatTheServiceServesCanBePublishedBack() async throws {
        let folder = try temporaryVocabularyFolder()
        let dangling = changedVocabulary().replacingOccurrences(
            of: "<broader ref=\"begeleider\"/>", with: "<broader ref=\"nergens\"/>")
        try dangling.write(toFile: folder + "/lerarenopleiding.xml", atomically: true, encoding: .utf8)
        let store = try FolderStore(folder: folder)
        let served = try #require(store.snapshot.scheme("lerarenopleiding"))
        let edited = dangling.replacingOccurrences(of: "praktijkopleider", with: "praktijkdocent")
        let published = try await store.publish(schemeID: "lerarenopleiding", bytes: Array(edited.utf8), ifMatch: served.etag)
        #expect(published.revision == served.revision + 1)
        // A new error is refused, even one that reads as an error the version had: the same
        // dangling reference once more in the same concept.
        for addition in ["<related ref=\"elders\"/>", "<broader ref=\"nergens\"/>"] {
            let worse = edited.replacingOccurrences(
                of: "<altLabel>praktijkdocent</altLabel>", with: "<altLabel>praktijkdocent</altLabel>" + addition)
            do {
                _ = try await store.publish(schemeID: "lerarenopleiding", bytes: Array(worse.utf8), ifMatch: published.etag)
                Issue.record("a publish with a new error went through: \(addition)")
            } catch {
                #expect(error.status == .unprocessableContent)
                #expect((error.detailJSON ?? "").components(separatedBy: "\"rule\"").count == 2, "\(error.detailJSON ?? "")")
            }
        }
    }

    /// A publish that arrives before the folder watcher has read an edit on disk is judged
    /// against that edit: 412 for the version the partner read, and the edit is kept. An edit
    /// with errors refuses the publish (409), so that it is not overwritten either.
    @Test func aPublishNeverOverwritesAnEditOnDiskUnseen() async throws {
        let folder = try temporaryVocabularyFolder()
        let store = try FolderStore(folder: folder)
        let read = try #require(store.snapshot.scheme("lerarenopleiding")?.etag)
        let path = folder + "/lerarenopleiding.xml"
        try changedVocabulary("editor").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try await store.publish(
                schemeID: "lerarenopleiding", bytes: Array(changedVocabulary("partner").utf8), ifMatch: read)
            Issue.record("a publish over an edit on disk went through")
        } catch {
            #expect(error.status == .preconditionFailed)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == changedVocabulary("editor"))
        #expect(store.snapshot.index.search("editor").count == 1)
        try "<vocabulary xmlns=\"urn:vaktaal:vocabulary:1\"><concept>".write(toFile: path, atomically: true, encoding: .utf8)
        let current = try #require(store.snapshot.scheme("lerarenopleiding")?.etag)
        do {
            _ = try await store.publish(
                schemeID: "lerarenopleiding", bytes: Array(changedVocabulary("partner").utf8), ifMatch: current)
            Issue.record("a publish over an edit with errors went through")
        } catch {
            #expect(error.status == .conflict && error.message.contains("changed and have errors"))
            #expect(!(error.detailJSON ?? "").contains(folder), "no server path in the answer")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("<concept>"))
        // The folder watcher still reads (and logs) the broken edit.
        #expect(await store.folderChanged())
    }

    @Test func theServiceAnswersOnARealPort() async throws {
        let (application, _, _) = try makeApplication()
        try await application.test(.live) { client in
            try await client.execute(uri: "/v1/lookup?q=mentor", method: .get) { response in
                #expect(response.status == .ok && response.body.text.contains("werkplekbegeleider"))
            }
        }
    }

    @Test func sha256MatchesTheStandardsVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
