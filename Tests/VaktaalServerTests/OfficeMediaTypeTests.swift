import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import VaktaalServer

/// The service lints and fixes text it can give back as text: office documents, which the
/// linter reads too, are left to `vaktaal lint` (their fixed form is a package, not text).
@Suite struct OfficeMediaTypeTests {
    @Test(arguments: [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
    ])
    func officeBodiesAreUnsupportedMediaTypes(_ type: String) async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(
                uri: "/v1/lint?fix=true", method: .post, headers: [.contentType: type], body: ByteBuffer(string: "PK")
            ) { #expect($0.status == .unsupportedMediaType) }
        }
    }

    @Test func thePageReadsAnOfficeFormatFieldOrFileAsText() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(
                uri: "/lint", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "text=De+mentor&format=docx")
            ) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.components(separatedBy: "<mark ").count == 2)
            }
            let boundary = "grens"
            let body = """
                --\(boundary)\r
                Content-Disposition: form-data; name="file"; filename="verslag.docx"\r
                Content-Type: application/octet-stream\r
                \r
                De mentor.\r
                --\(boundary)--\r

                """
            try await client.execute(
                uri: "/lint", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.components(separatedBy: "<mark ").count == 2)
            }
        }
    }
}
