import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import VaktaalServer

@Suite struct PageTests {
    @Test func everyPageHasItsLanguageASkipLinkAndAStrictContentSecurityPolicy() async throws {
        try await makeApplication().application.test(.router) { client in
            for uri in [
                "/", "/search?q=mentor", "/concepts/lerarenopleiding/werkplekbegeleider", "/browse/lerarenopleiding", "/lint",
                "/changes/lerarenopleiding",
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let html = response.body.text
                    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"), "\(uri)")
                    #expect(html.contains("<a class=\"skip\" href=\"#main\">") && html.contains("<main id=\"main\""), "\(uri)")
                    let policy = try #require(response.headers[.contentSecurityPolicy])
                    #expect(!policy.contains("unsafe-inline") && policy.contains("script-src 'self'"))
                    #expect(!html.contains("<script>") && !html.contains("style="), "\(uri): no inline code")
                    #expect(html.components(separatedBy: "<h1").count == 2, "\(uri): one h1")
                }
            }
        }
    }

    @Test func theInterfaceSpeaksEnglishWhenAsked() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: "/?ui=en", method: .get) { response in
                #expect(response.body.text.contains("<html lang=\"en\">") && response.body.text.contains("Search for a term"))
                #expect(response.body.text.contains("href=\"/lint?ui=en\""))
            }
            // The language switch keeps the page: the same search, the same letter.
            try await client.execute(uri: "/search?q=leraar+in&ui=en", method: .get) { response in
                #expect(response.body.text.contains("href=\"/search?q=leraar%20in&amp;ui=nl\""), "\(response.body.text)")
            }
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9,nl;q=0.5"]) {
                #expect($0.body.text.contains("<html lang=\"en\">"))
            }
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "nl-NL"]) {
                #expect($0.body.text.contains("Zoek een begrip"))
            }
        }
    }

    @Test func searchWorksAsAPlainFormAndFlagsOutdatedTerms() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: "/search?q=mentor", method: .get) { response in
                let html = response.body.text
                #expect(html.contains("href=\"/concepts/lerarenopleiding/werkplekbegeleider\""))
                #expect(html.contains("verouderde term") && html.contains("gebruik in plaats daarvan"))
                #expect(html.contains("‘werkplekbegeleider’"))
            }
            try await client.execute(uri: "/search?q=mentoor", method: .get) {
                #expect($0.body.text.contains("werkplekbegeleider"))
            }
        }
    }

    @Test func theConceptPageShowsOutdatedTermsRelationsAndFormats() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: "/concepts/lerarenopleiding/werkplekbegeleider", method: .get) { response in
                let html = response.body.text
                #expect(html.contains("<h1 lang=\"nl\">werkplekbegeleider</h1>"))
                #expect(html.contains("<s>mentor</s>") && html.contains("verouderd sinds 2025-09-01"))
                #expect(html.contains("<section class=\"language-section\" lang=\"en\">"))
                #expect(html.contains("href=\"/concepts/lerarenopleiding/begeleider\""))
                #expect(html.contains("/v1/schemes/lerarenopleiding/concepts/werkplekbegeleider?format=turtle"))
                #expect(html.contains("https://begrippen.example.org/lerarenopleiding/werkplekbegeleider"))
            }
            try await client.execute(uri: "/concepts/lerarenopleiding/bestaat-niet", method: .get) {
                #expect($0.status == .notFound && $0.body.text.contains("<html"))
            }
        }
    }

    @Test func labelsWithMarkupStayText() async throws {
        let folder = try temporaryVocabularyFolder()
        let hostile = changedVocabulary("<script>alert(1)</script>")
            .replacingOccurrences(
                of: "<altLabel><script>alert(1)</script></altLabel>",
                with: "<altLabel>&lt;script&gt;alert(1)&lt;/script&gt;</altLabel>")
        try hostile.write(toFile: folder + "/lerarenopleiding.xml", atomically: true, encoding: .utf8)
        try await makeApplication(folder: folder).application.test(.router) { client in
            for uri in [
                "/concepts/lerarenopleiding/werkplekbegeleider", "/search?q=%3Cscript%3E", "/search?q=werkplekbegeleider",
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(!response.body.text.contains("<script>alert"), "\(uri)")
                }
            }
            try await client.execute(uri: "/concepts/lerarenopleiding/werkplekbegeleider", method: .get) {
                #expect($0.body.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }

    @Test func checkingATextHighlightsFindingsAndOffersTheFixedText() async throws {
        try await makeApplication().application.test(.router) { client in
            let boundary = "vaktaalgrens"
            let body = """
                --\(boundary)\r
                Content-Disposition: form-data; name="text"\r
                \r
                De mentor bespreekt de feedbackgeletterheid\r
                --\(boundary)\r
                Content-Disposition: form-data; name="lang"\r
                \r
                nl\r
                --\(boundary)--\r

                """
            try await client.execute(
                uri: "/lint", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: body)
            ) { response in
                let html = response.body.text
                #expect(html.components(separatedBy: "<mark ").count == 3)
                #expect(html.contains("De werkplekbegeleider bespreekt de feedbackgeletterdheid"))
                #expect(html.contains("<details class=\"fixed\">"))
                // The linter's messages are English in a Dutch page: marked so for screen readers.
                #expect(html.contains("<span lang=\"en\">&#39;mentor&#39; is outdated"))
            }
            try await client.execute(
                uri: "/lint", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "text=De+Mentor+en+%3Cb%3Ementor%3C%2Fb%3E&format=html")
            ) { response in
                #expect(response.body.text.components(separatedBy: "<mark ").count == 3)
                #expect(response.body.text.contains("&lt;b&gt;"))
            }
        }
    }

    /// A language the form does not offer is checked as the API checks it; a choice of more
    /// than one language is no `lang` of the text shown.
    @Test func theFormsLanguageIsAChoice() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(
                uri: "/lint", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "text=De+mentor&lang=Dutch")
            ) { response in
                #expect(response.body.text.contains("role=\"alert\" lang=\"en\">lang takes language tags"))
                #expect(response.body.text.contains("not &#39;Dutch&#39;") && !response.body.text.contains("<mark "))
            }
            try await client.execute(
                uri: "/lint", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "text=De+mentor&lang=all")
            ) { response in
                #expect(
                    response.body.text.contains("<mark ")
                        && response.body.text.contains("<pre class=\"highlighted\" lang=\"nl\">"))
            }
        }
    }

    /// A text too large for the page is the form again with a message, not a JSON answer.
    @Test func aTooLargeTextGivesTheFormWithAMessage() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(
                uri: "/lint", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "text=" + String(repeating: "mentor+", count: 200_000))
            ) { response in
                #expect(response.status == .contentTooLarge && response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.body.text.contains("groter dan 1 MB") && response.body.text.contains("<form class=\"lint\""))
            }
        }
    }

    /// A body that is no form (JSON, broken multipart) or a form with a `%` that decodes to
    /// nothing is the form again with a message in the page's language; it was a blank page
    /// with no findings, or the text linted as written.
    @Test(arguments: [
        ("application/x-www-form-urlencoded", "text=De%20m%FFentor", "%-teken"),
        ("application/json", "{\"text\": \"x\"}", "kon niet"),
        ("multipart/form-data; boundary=grens", "--grens\r\nkapot", "kon niet"),
    ])
    func aBodyThatIsNoFormGivesTheFormWithAMessage(type: String, body: String, message: String) async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: "/lint", method: .post, headers: [.contentType: type], body: ByteBuffer(string: body)) {
                response in
                #expect(response.status == .badRequest && response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(
                    response.body.text.contains(message) && response.body.text.contains("role=\"alert\""), "\(response.body.text)"
                )
                #expect(!response.body.text.contains("<mark "))
            }
        }
    }

    @Test func anUploadedFileIsCheckedInItsFormat() async throws {
        try await makeApplication().application.test(.router) { client in
            let boundary = "grens"
            let body = """
                --\(boundary)\r
                Content-Disposition: form-data; name="text"\r
                \r
                \r
                --\(boundary)\r
                Content-Disposition: form-data; name="file"; filename="tekst.md"\r
                Content-Type: text/markdown\r
                \r
                De `mentor` en de mentor.\r
                --\(boundary)--\r

                """
            try await client.execute(
                uri: "/lint", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.body.text.components(separatedBy: "<mark ").count == 2)
            }
        }
    }

    @Test func browseListsTermsALetterAtATimeAndTheHierarchy() async throws {
        try await makeApplication().application.test(.router) { client in
            try await client.execute(uri: "/browse/lerarenopleiding?lang=nl&letter=W", method: .get) { response in
                let html = response.body.text
                #expect(html.contains("<h3>W</h3>") && html.contains(">werkplekbegeleider</a>"))
                #expect(html.contains("<ul class=\"tree\">"))
            }
            try await client.execute(uri: "/browse/lerarenopleiding?lang=nl&letter=S", method: .get) { response in
                #expect(response.body.text.contains(">stagementor</a> <span class=\"flag\">verouderd begrip</span>"))
            }
        }
    }

    @Test func theChangesPageSaysWhatEachVersionChanged() async throws {
        let (application, store, _) = try makeApplication()
        _ = try await store.publish(schemeID: "lerarenopleiding", bytes: Array(changedVocabulary().utf8), ifMatch: "*")
        try await application.test(.router) { client in
            try await client.execute(uri: "/changes/lerarenopleiding", method: .get) { response in
                let html = response.body.text
                #expect(html.contains("versie 2") && html.contains("versie 1"))
                #expect(html.contains("gewijzigd (1)") && html.contains(">werkplekbegeleider</a>"))
            }
        }
    }
}
