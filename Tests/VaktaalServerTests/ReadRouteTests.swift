import CompressNIO
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import VaktaalCore

@testable import VaktaalServer

@Suite struct ReadRouteTests {
    @Test func healthAndReadiness() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok && response.body.text.contains("\"ok\""))
            }
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .ok && response.body.text.contains("\"ready\""))
            }
        }
    }

    @Test func schemesAreListedWithTheirETag() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: "/v1/schemes", method: .get) { response in
                let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                #expect(list.count == 1)
                #expect(list[0]["id"] as? String == "lerarenopleiding" && list[0]["concepts"] as? Int == 42)
                #expect((list[0]["etag"] as? String)?.hasPrefix("\"sha256-") == true && list[0]["revision"] as? Int == 1)
            }
        }
    }

    @Test(arguments: [
        ("application/xml", "application/xml", "<vocabulary"), ("text/turtle", "text/turtle", "skos:prefLabel"),
        ("application/rdf+xml", "application/rdf+xml", "rdf:RDF"), ("application/ld+json", "application/ld+json", "@context"),
        ("application/x-tbx", "application/x-tbx", "conceptEntry"), ("text/csv", "text/csv", "concept_id"),
        ("text/html", "text/html", "<html"), ("text/markdown", "text/markdown", "werkplekbegeleider"),
        ("text/turtle;q=0.5, application/ld+json", "application/ld+json", "@context"), ("*/*", "application/xml", "<vocabulary"),
        // A client that asks for JSON reads JSON-LD, which is JSON.
        ("application/json", "application/ld+json", "@context"),
        ("application/json, */*;q=0.1", "application/ld+json", "@context"),
    ])
    func theSchemeIsServedInTheAcceptedFormat(_ accept: String, _ type: String, _ marker: String) async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .get, headers: [.accept: accept]) { response in
                #expect(response.status == .ok)
                #expect(
                    response.headers[.contentType]?.hasPrefix(type) == true,
                    "\(String(describing: response.headers[.contentType]))")
                #expect(response.body.text.contains(marker))
            }
        }
    }

    @Test func theFormatParameterOverridesAcceptAndUnknownFormatsAre406() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(
                uri: "/v1/schemes/lerarenopleiding?format=ttl", method: .get, headers: [.accept: "text/html"]
            ) {
                #expect($0.headers[.contentType]?.hasPrefix("text/turtle") == true)
            }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .get, headers: [.accept: "image/png"]) {
                #expect($0.status == .notAcceptable && $0.body.text.contains("\"error\""))
            }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding?format=pdf", method: .get) {
                #expect($0.status == .notAcceptable)
            }
        }
    }

    @Test func theVocabularyIsServedAsPublishedAndRevalidatesWith304() async throws {
        try await makeApplication().application.test(.router) { client in
            let first = try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .get)
            #expect(Array(first.body.readableBytesView) == fixtureBytes)
            let etag = try #require(first.headers[.eTag])
            let modified = try #require(first.headers[.lastModified])
            try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .get, headers: [.ifNoneMatch: etag]) {
                #expect($0.status == .notModified && $0.body.readableBytes == 0 && $0.headers[.eTag] == etag)
            }
            try await client.execute(
                uri: "/v1/schemes/lerarenopleiding", method: .get, headers: [.ifNoneMatch: "\"other\", W/\(etag)"]
            ) { #expect($0.status == .notModified) }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .get, headers: [.ifModifiedSince: modified]) {
                #expect($0.status == .notModified)
            }
            // The same date in RFC 850's and asctime's forms, which RFC 9110 5.6.7 has a recipient accept.
            let date = try #require(HTTPDate.parse(modified))
            func written(_ format: String) -> String {
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "GMT")
                formatter.dateFormat = format
                return formatter.string(from: date)
            }
            for form in [
                written("EEEE, dd-MMM-yy HH:mm:ss 'GMT'"), written("EEE MMM d HH:mm:ss yyyy"),
                written("EEE MMM  d HH:mm:ss yyyy"),
            ] {
                try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .get, headers: [.ifModifiedSince: form]) {
                    #expect($0.status == .notModified, "\(form)")
                }
            }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .get, headers: [.ifNoneMatch: "\"stale\""]) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding?format=turtle", method: .get) {
                #expect($0.headers[.eTag] != etag)
            }
        }
    }

    /// `If-Match` and `If-Unmodified-Since` hold for a GET too (RFC 9110 13.1.1, 13.1.4): a
    /// client that asks for "the version I have" of another version gets 412, not that one.
    @Test func aGetOfAnotherVersionThanIfMatchNamesIs412() async throws {
        try await makeApplication().application.test(.router) { client in
            let first = try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .get)
            let etag = try #require(first.headers[.eTag])
            let uri = "/v1/schemes/lerarenopleiding"
            let cases: [(HTTPFields, HTTPResponse.Status)] = [
                ([.ifMatch: etag], .ok), ([.ifMatch: "*"], .ok), ([.ifMatch: "\"other\", \(etag)"], .ok),
                ([.ifMatch: "\"other\""], .preconditionFailed), ([.ifMatch: "W/\(etag)"], .preconditionFailed),
                ([.ifUnmodifiedSince: "Sun, 06 Nov 1994 08:49:37 GMT"], .preconditionFailed),
                ([.ifUnmodifiedSince: "Fri, 01 Jan 2100 00:00:00 GMT"], .ok),
                // If-Match decides when both are sent.
                ([.ifMatch: etag, .ifUnmodifiedSince: "Sun, 06 Nov 1994 08:49:37 GMT"], .ok),
            ]
            for (headers, status) in cases {
                try await client.execute(uri: uri, method: .get, headers: headers) {
                    #expect($0.status == status, "\(headers)")
                    if status == .preconditionFailed { #expect($0.headers[.eTag] == etag && $0.body.text.contains("\"error\"")) }
                }
            }
            // A concept's representation too, by its own tag.
            let concept = uri + "/concepts/werkplekbegeleider"
            let tag = try #require(try await client.execute(uri: concept, method: .get).headers[.eTag])
            try await client.execute(uri: concept, method: .get, headers: [.ifMatch: tag]) { #expect($0.status == .ok) }
            try await client.execute(uri: concept, method: .get, headers: [.ifMatch: etag]) {
                #expect($0.status == .preconditionFailed)
            }
        }
    }

    @Test func bodiesAreGzippedForClientsThatAcceptIt() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .get, headers: [.acceptEncoding: "gzip, br"]) {
                response in
                #expect(response.headers[.contentEncoding] == "gzip")
                var body = response.body
                let plain = try body.decompress(with: .gzip())
                #expect(Array(plain.readableBytesView) == fixtureBytes)
                #expect(response.body.readableBytes < fixtureBytes.count / 2)
            }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .get, headers: [.acceptEncoding: "gzip;q=0"]) {
                #expect($0.headers[.contentEncoding] == nil)
            }
        }
    }

    /// A 304 carries the validator of the representation a 200 would have sent (RFC 9110
    /// 15.4.5): the gzip variant's for a client that accepts gzip, so that a cache updating
    /// its stored headers keeps the right one.
    @Test func aNotModifiedAnswerCarriesTheTagOfItsVariant() async throws {
        try await makeApplication().application.test(.router) { client in
            let uri = "/v1/schemes/lerarenopleiding"
            let gzipTag = try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip"]) {
                try #require($0.headers[.eTag])
            }
            #expect(gzipTag.hasSuffix("-gzip\""))
            try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: gzipTag]) {
                #expect($0.status == .notModified && $0.headers[.eTag] == gzipTag)
            }
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: gzipTag]) {
                #expect($0.status == .notModified && $0.headers[.eTag] == String(gzipTag.dropLast(6)) + "\"")
            }
        }
    }

    @Test func aSchemeIsCompressedOnceAndKeptWithItsVersion() async throws {
        let made = try makeApplication()
        let scheme = try #require(made.store.snapshot.schemes.first { $0.id == "lerarenopleiding" })
        try await made.application.test(.router) { client in
            var bodies: [[UInt8]] = []
            // `x-gzip` is gzip (RFC 9110 8.4.1.3).
            for (format, coding) in [("", "gzip"), ("?format=turtle", "gzip"), ("", "x-gzip")] {
                try await client.execute(
                    uri: "/v1/schemes/lerarenopleiding" + format, method: .get, headers: [.acceptEncoding: coding]
                ) { response in
                    #expect(response.headers[.contentEncoding] == "gzip")
                    var body = response.body
                    bodies.append(Array(try body.decompress(with: .gzip()).readableBytesView))
                }
            }
            #expect(bodies[0] == fixtureBytes && bodies[2] == fixtureBytes && bodies[1] != fixtureBytes)
            #expect(scheme.compressedBodies.count == 2, "one gzipped body per representation")
        }
    }

    /// The larger answers of the other routes (a lint report, the API description) are
    /// gzipped for a client that accepts it, and say they vary with Accept-Encoding; a small
    /// one is sent as it is.
    @Test(arguments: ["/v1/lint", "/openapi.json"])
    func largerAnswersAreGzippedWhenAccepted(path: String) async throws {
        try await makeApplication().application.test(.router) { client in
            let text = ByteBuffer(string: String(repeating: "De mentor en de stagiair. ", count: 200))
            let method: HTTPRequest.Method = path == "/v1/lint" ? .post : .get
            let headers: HTTPFields = [.contentType: "text/plain"]
            let plain = try await client.execute(uri: path, method: method, headers: headers, body: text)
            #expect(plain.headers[.contentEncoding] == nil && plain.headers[.vary]?.contains("Accept-Encoding") == true)
            var gzipHeaders = headers
            gzipHeaders[.acceptEncoding] = "gzip"
            try await client.execute(uri: path, method: method, headers: gzipHeaders, body: text) { response in
                #expect(response.headers[.contentEncoding] == "gzip")
                var body = response.body
                let unpacked = try body.decompress(with: .gzip())
                #expect(unpacked == plain.body && response.body.readableBytes < plain.body.readableBytes)
            }
            try await client.execute(uri: "/v1/suggest?q=mentor&limit=1", method: .get, headers: [.acceptEncoding: "gzip"]) {
                #expect($0.headers[.contentEncoding] == nil && $0.status == .ok)
            }
            guard method == .get else { return }
            // HEAD has GET's headers: the same Vary, and for a client that accepts gzip, the
            // encoding and length of the gzipped body; else the plain length.
            let gzipped = try await client.execute(uri: path, method: .get, headers: gzipHeaders)
            try await client.execute(uri: path, method: .head, headers: gzipHeaders) { response in
                #expect(response.status == .ok && response.headers[.vary]?.contains("Accept-Encoding") == true)
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[.contentLength] == "\(gzipped.body.readableBytes)")
            }
            try await client.execute(uri: path, method: .head) { response in
                #expect(response.headers[.vary]?.contains("Accept-Encoding") == true && response.headers[.contentEncoding] == nil)
                #expect(response.headers[.contentLength] == "\(plain.body.readableBytes)")
            }
        }
    }

    @Test func conceptsResolveInEveryFormat() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: "/v1/schemes/lerarenopleiding/concepts/werkplekbegeleider", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect((json["prefLabels"] as? [String: String])?["nl"] == "werkplekbegeleider")
                #expect((json["deprecatedLabels"] as? [String: [String]])?["nl"] == ["mentor"])
            }
            try await client.execute(
                uri: "/v1/schemes/lerarenopleiding/concepts/werkplekbegeleider", method: .get, headers: [.accept: "text/turtle"]
            ) { response in
                let turtle = response.body.text
                #expect(turtle.contains("lerarenopleiding/werkplekbegeleider>") && turtle.contains("skos:broader"))
                #expect(turtle.contains("\"mentor\"@nl"))
            }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding/concepts/werkplekbegeleider?format=xml", method: .get) {
                #expect($0.body.text.contains("<concept id=\"werkplekbegeleider\""))
            }
        }
    }

    /// A scheme kept in another encoding than UTF-8 is served as it is, without a charset
    /// parameter that would override its XML declaration (RFC 7303).
    @Test func aSchemeInAnotherEncodingIsServedWithoutACharset() async throws {
        let folder = try temporaryVocabularyFolder()
        let text = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="latijn" uri="https://example.org/latijn/" xml:lang="nl">
              <concept id="c"><prefLabel>coördinator</prefLabel></concept>
            </vocabulary>

            """
        try Data(text.unicodeScalars.map { UInt8($0.value) }).write(to: URL(fileURLWithPath: folder + "/latijn.xml"))
        try await makeApplication(folder: folder).application.test(.router) { client in
            try await client.execute(uri: "/v1/schemes/latijn", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/xml")
                #expect(Array(buffer: response.body).contains(0xF6))
            }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .get) {
                #expect($0.headers[.contentType] == "application/xml; charset=utf-8")
            }
        }
    }

    /// Path parameters are percent-decoded, as browsers and HTTP clients send ids with other
    /// letters than ASCII; the concept's ETag stays ASCII.
    @Test func idsWithOtherLettersArePercentDecoded() async throws {
        let folder = try temporaryVocabularyFolder()
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="andere" uri="https://example.org/andere/" xml:lang="nl">
          <concept id="café-gesprek"><prefLabel>cafégesprek</prefLabel></concept>
        </vocabulary>

        """.write(toFile: folder + "/andere.xml", atomically: true, encoding: .utf8)
        try await makeApplication(folder: folder).application.test(.router) { client in
            for uri in ["/v1/schemes/andere/concepts/caf%C3%A9-gesprek", "/concepts/andere/caf%C3%A9-gesprek"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri): \(response.body.text)")
                    #expect(response.headers[.eTag].map { $0.utf8.allSatisfy { $0 < 0x80 } } ?? true)
                }
            }
        }
    }

    @Test(arguments: [
        ("/v1/schemes/onbekend", HTTPResponse.Status.notFound), ("/v1/schemes/lerarenopleiding/concepts/onbekend", .notFound),
        ("/v1/schemes/..%2F..%2Fetc", .badRequest), ("/v1/schemes/Hoofdletters", .badRequest),
        ("/v1/schemes/lerarenopleiding/concepts/..%2Fx", .notFound), ("/nergens", .notFound), ("/v1/lookup", .badRequest),
        ("/v1/lookup?q=mentor&limit=0", .badRequest), ("/v1/suggest?q=", .badRequest),
        ("/v1/lookup?q=mentor&offset=-1", .badRequest), ("/v1/suggest?q=ment&scheme=onbekend", .notFound),
    ])
    func unknownAndMalformedRequestsGiveJSONErrors(_ uri: String, _ status: HTTPResponse.Status) async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == status)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(json?["error"] is String)
                #expect(!response.body.text.contains("/tmp/") && !response.body.text.contains(NSTemporaryDirectory()))
            }
        }
    }

    /// A method a resource does not take is 405 with the methods it does take (RFC 9110);
    /// OPTIONS names them; a path no route has stays 404.
    @Test func wrongMethodsAreRefusedWithWhatIsAllowed() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: "/v1/lookup?q=mentor", method: .delete) { response in
                #expect(response.status == .methodNotAllowed && response.body.text.contains("\"error\""))
                #expect(response.headers[.allow] == "GET, HEAD, OPTIONS")
            }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding", method: .patch) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET, HEAD, OPTIONS, PUT")
            }
            try await client.execute(uri: "/v1/lint", method: .options) { response in
                #expect(response.status == .noContent && response.headers[.allow] == "OPTIONS, POST")
            }
            try await client.execute(uri: "/v1/schemes/lerarenopleiding/concepts/leraar", method: .post) {
                #expect($0.status == .methodNotAllowed)
            }
            try await client.execute(uri: "/v1/nergens", method: .delete) { #expect($0.status == .notFound) }
        }
    }

    @Test func lookupAnswersAsTheCommandLineDoes() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: "/v1/lookup?q=mentoren&lang=nl", method: .get) { response in
                let matches = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                #expect(matches.first?["id"] as? String == "werkplekbegeleider")
                #expect((matches.first?["useInstead"] as? [String: String])?["nl"] == "werkplekbegeleiders")
            }
            try await client.execute(uri: "/v1/lookup?q=xyzzyq", method: .get) { #expect($0.body.text.hasPrefix("[")) }
            // A language of no language is an error, as on the command line; an empty one is every language.
            try await client.execute(uri: "/v1/suggest?q=ment&lang=Dutch", method: .get) { response in
                #expect(response.status == .badRequest && response.body.text.contains("not 'Dutch'"))
            }
            try await client.execute(uri: "/v1/lookup?q=mentoren&lang=", method: .get) {
                #expect($0.status == .ok && $0.body.text.contains("werkplekbegeleider"))
            }
        }
    }

    /// `offset` pages on through the same ranking, and `scheme` keeps one scheme's concepts
    /// (as Skosmos's `offset` and `vocab`).
    @Test(arguments: ["/v1/lookup?q=fee", "/v1/suggest?q=fee"])
    func answersPageOnAndKeepToAScheme(path: String) async throws {
        let folder = try temporaryVocabularyFolder()
        try """
        <vocabulary xmlns="urn:vaktaal:vocabulary:1" format="1" id="elders" uri="https://example.org/elders/" xml:lang="nl">
          <concept id="f" top="true"><prefLabel>feestcommissie</prefLabel></concept>
        </vocabulary>
        """.write(toFile: folder + "/elders.xml", atomically: true, encoding: .utf8)
        try await makeApplication(folder: folder).application.test(.router) { client in
            func ids(_ query: String) async throws -> [String] {
                let response = try await client.execute(uri: path + query, method: .get)
                let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                return list.compactMap { ($0["concept"] as? String) ?? "" }.map { $0 }
            }
            let all = try await ids("&limit=4")
            #expect(all.count == 4)
            #expect(try await ids("&limit=2") + ids("&limit=2&offset=2") == all)
            #expect(try await ids("&limit=20&scheme=elders") == ["https://example.org/elders/f"])
            #expect(try await !ids("&limit=20&scheme=lerarenopleiding").contains("https://example.org/elders/f"))
        }
    }

    @Test func suggestionsCompleteTheTypedTextAndMarkOutdatedTerms() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: "/v1/suggest?q=ment", method: .get) { response in
                let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                let mentor = try #require(list.first { $0["label"] as? String == "mentor" })
                #expect(mentor["outdated"] as? Bool == true && mentor["useInstead"] as? String == "werkplekbegeleider")
                #expect(mentor["id"] as? String == "werkplekbegeleider")
            }
        }
    }

    /// A browser sends a form's spaces as `+`: "aankomend ler" is `q=aankomend+ler`, and a
    /// `+` itself is `%2B`.
    @Test func aFormsPlusIsASpace() async throws {
        try await makeApplication().application.test(.router) { client in
            for uri in ["/v1/suggest?q=aankomend+ler", "/v1/lookup?q=aankomend+leraar", "/search?q=aankomend+ler"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok && response.body.text.contains("aankomend leraar"), "\(uri)")
                    #expect(!response.body.text.contains("aankomend+ler"), "\(uri)")
                }
            }
            try await client.execute(uri: "/search?q=C%2B%2B", method: .get) { #expect($0.body.text.contains("C++")) }
        }
    }
}

@Suite struct SuggestionJSONTests {
    @Test func suggestionsAreWhatJSONEncoderWouldWrite() throws {
        let store = try FolderStore(folder: try temporaryVocabularyFolder())
        let snapshot = store.snapshot
        for typed in ["ment", "w", "feed", "i", "zzz"] {
            let suggestions = snapshot.index.completions(of: typed, limit: 8).map { Suggestion($0, in: snapshot.set) }
            #expect(Suggestion.json(suggestions) == JSONOutput.encode(suggestions), "\(typed)")
        }
    }
}
