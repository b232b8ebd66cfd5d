import Foundation
import Hummingbird
import VaktaalCore
import VaktaalLint

extension ServiceRoutes {
    /// `POST /v1/lint?lang=&fix=`: lints the body (plain text, Markdown or HTML by
    /// `Content-Type`) and answers with the CLI's lint JSON; with `fix=true` also the fixed text.
    func lint(_ request: Request) async throws -> Response {
        let mediaType = request.headers[.contentType] ?? "text/plain"
        // Office documents are linted by the CLI; the service answers for text it can give back as text.
        guard let format = DocumentReaders.format(forMediaType: mediaType), format.isText else {
            throw ServiceError(
                .unsupportedMediaType, "send text/plain, text/markdown or text/html, not '\(mediaType)'")
        }
        // A body in another character set would be read as UTF-8 and refused byte by byte (or,
        // worse, linted as mojibake): said at once, with what to send.
        if let charset = MediaTypeParameter.value("charset", in: mediaType)?.lowercased(),
            !["utf-8", "utf8", "us-ascii"].contains(charset)
        {
            throw ServiceError(.unsupportedMediaType, "send the text as UTF-8 (charset=utf-8), not '\(charset)'")
        }
        let fix: Bool
        switch request.queryValue("fix") {
        case nil, "false": fix = false
        case "true": fix = true
        case .some(let value): throw ServiceError(.badRequest, "fix is true or false, not '\(value)'")
        }
        let bytes = try await RequestBody.collect(request, limit: lintBodyLimit)
        guard !bytes.isEmpty else { throw ServiceError.badRequest("send the text to lint as the body") }
        let reader = DocumentReaders.reader(for: format)
        let language = request.queryValue("lang").flatMap { $0.isEmpty ? nil : $0 }
        if let language, let problem = LintOptions.Languages.choiceProblem(language) {
            throw ServiceError(.badRequest, "lang \(problem)")
        }
        let linter = store.snapshot.linter(language: language)
        // The JSON answer quotes no lines.
        let result = linter.lint(bytes, path: "-", reader: reader, quotingText: false)
        switch result.problem {
        case .notUTF8(let offset):
            throw ServiceError(
                .badRequest, "the body is not UTF-8 text (byte \(offset))", detailJSON: "{ \"offset\" : \(offset) }")
        case .some(let problem):
            throw ServiceError(.badRequest, "the body cannot be linted: \(problem)")
        case nil:
            break
        }
        var fixed: String?
        if fix {
            let applied = (try? Linter.applyingFixes(result.findings, to: bytes, reader: reader).bytes) ?? bytes
            fixed = String(decoding: applied, as: UTF8.self)
        }
        let report = FindingReport(files: [result], rules: Linter.ruleDescriptors)
        return JSONResponse.ok(LintJSON.render(report, fixed: fixed))
    }
}
