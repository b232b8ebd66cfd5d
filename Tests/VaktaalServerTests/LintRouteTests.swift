import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import VaktaalServer

@Suite struct LintRouteTests {
    @Test(arguments: [
        ("text/plain", "De mentor bespreekt de feedbackgeletterheid.", 2),
        ("text/markdown; charset=utf-8", "De `mentor` en de **Mentor**.", 1),
        ("text/html", "<p class=\"mentor\">De <em>mentoren</em></p>", 1),
    ])
    func textsAreLintedByTheirContentType(_ type: String, _ text: String, _ count: Int) async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(
                uri: "/v1/lint", method: .post, headers: [.contentType: type], body: ByteBuffer(string: text)
            ) { response in
                #expect(response.status == .ok)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(json["version"] as? Int == 1 && json["fixed"] == nil)
                let files = try #require(json["files"] as? [[String: Any]])
                #expect((files.first?["findings"] as? [Any])?.count == count)
            }
        }
    }

    @Test func fixTrueAlsoGivesTheFixedText() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(
                uri: "/v1/lint?fix=true", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: "De Mentor bespreekt de feedbackgeletterheid.")
            ) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(json["fixed"] as? String == "De Werkplekbegeleider bespreekt de feedbackgeletterdheid.")
            }
        }
    }

    @Test(arguments: [("nl", 1), ("en", 0), ("all", 1)])
    func theLanguageParameterChoosesTheLabels(_ language: String, _ count: Int) async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(
                uri: "/v1/lint?lang=\(language)", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: "De mentor en de self efficacy")
            ) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                let findings = (json["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? []
                #expect(findings.filter { $0["match"] as? String == "mentor" }.count == count)
            }
        }
    }

    /// Every valid language tag is another choice, and each is linted in (a linter is made
    /// per request, so none a client makes up is kept).
    @Test func everyValidLanguageTagIsLintedIn() async throws {
        try await makeApplication().application.test(.router) { client in
            for query in (0..<4).map({ "?lang=nl-x-\($0)" }) + ["", "?lang=all", "?lang=nl,en"] {
                try await client.execute(
                    uri: "/v1/lint\(query)", method: .post, headers: [.contentType: "text/plain"],
                    body: ByteBuffer(string: "De mentor")
                ) { response in
                    #expect(response.status == .ok)
                    #expect(response.body.text.contains("\"match\" : \"mentor\""), "\(query): \(response.body.text)")
                }
            }
        }
    }

    @Test func badBodiesAreRefusedClearly() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(
                uri: "/v1/lint", method: .post, headers: [.contentType: "application/pdf"], body: ByteBuffer(string: "%PDF")
            ) { #expect($0.status == .unsupportedMediaType) }
            // No body is no text (the body is required).
            try await client.execute(uri: "/v1/lint", method: .post) { response in
                #expect(response.status == .badRequest && response.body.text.contains("send the text to lint as the body"))
            }
            try await client.execute(
                uri: "/v1/lint", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(bytes: Array("caf".utf8) + [0xE9, 0x20, 0x6D])
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.text.contains("\"offset\" : 3"))
            }
            // Text in another character set is refused as such, UTF-8 named in any way is read.
            for (type, status) in [
                ("text/plain; charset=ISO-8859-1", HTTPResponse.Status.unsupportedMediaType),
                ("text/markdown;charset=\"windows-1252\"", .unsupportedMediaType), ("text/plain; charset=UTF-8", .ok),
                ("text/plain; Charset=\"utf-8\"", .ok), ("text/html; charset=us-ascii", .ok),
            ] {
                try await client.execute(
                    uri: "/v1/lint", method: .post, headers: [.contentType: type], body: ByteBuffer(string: "de mentor")
                ) { response in
                    #expect(response.status == status, "\(type)")
                    if status != .ok { #expect(response.body.text.contains("send the text as UTF-8")) }
                }
            }
            try await client.execute(
                uri: "/v1/lint", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: String(repeating: "mentor ", count: 160_000))
            ) { #expect($0.status == .contentTooLarge) }
            // A parameter that is neither true nor false, and a body the service cannot take as it is.
            try await client.execute(
                uri: "/v1/lint?fix=yes", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "mentor")
            ) { #expect($0.status == .badRequest && $0.body.text.contains("fix is true or false")) }
            try await client.execute(
                uri: "/v1/lint", method: .post, headers: [.contentType: "text/plain", .contentEncoding: "gzip"],
                body: ByteBuffer(bytes: [0x1F, 0x8B, 0x08, 0x00])
            ) { response in
                #expect(response.status == .unsupportedMediaType && response.body.text.contains("Content-Encoding"))
                #expect(response.headers[.acceptEncoding] == "identity")
            }
            try await client.execute(
                uri: "/v1/lint", method: .post, headers: [.contentType: "text/plain", .contentEncoding: " Identity "],
                body: ByteBuffer(string: "mentor")
            ) { #expect($0.status == .ok) }
        }
    }
}
