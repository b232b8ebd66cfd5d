import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import VaktaalTestSupport

@testable import VaktaalServer

/// The API lints and fixes text it can give back as text: office documents, which the linter
/// reads too, are left to `vaktaal lint` (their fixed form is a package, not text); the page
/// lists an uploaded one's findings.
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

    /// The form's format field chooses among text formats: `docx` typed in it is text.
    @Test func thePageReadsAnOfficeFormatFieldAsText() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(
                uri: "/lint", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "text=De+mentor&format=docx")
            ) { response in
                #expect(response.status == .ok)
                #expect(response.body.text.components(separatedBy: "<mark ").count == 2)
            }
        }
    }

    /// An uploaded Word file is read as one: its findings listed by page and paragraph, the
    /// fix left to the CLI, and none of its bytes put back into the text area.
    @Test func anUploadedOfficeDocumentHasItsFindingsListedByPlace() async throws {
        let document = try #require(FileManager.default.contents(atPath: fixturesFolder + "/Office/report.docx"))
        let boundary = "grens"
        var form = ByteBuffer(
            string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"verslag.docx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
        form.writeBytes(document)
        form.writeString("\r\n--\(boundary)--\r\n")
        let body = form
        try await makeApplication().application.test(.router) { client in
            try await client.execute(
                uri: "/lint", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body
            ) { response in
                let page = response.body.text
                #expect(response.status == .ok)
                #expect(
                    page.contains("page 1, paragraph 2, column 4</span> <span lang=\"en\">&#39;mentor&#39; is outdated"),
                    "\(page)")
                #expect(page.contains("vaktaal lint --fix") && !page.contains("<mark "))
                #expect(page.contains("<textarea id=\"text\" name=\"text\" rows=\"10\" lang=\"nl\"></textarea>"))
                #expect(!page.contains("PK") && !page.contains("\u{0}"))
            }
        }
    }
}
