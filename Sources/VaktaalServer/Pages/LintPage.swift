import VaktaalCore
import VaktaalLint

/// `/lint`: a text area and a file upload; the findings listed and highlighted in the text,
/// each with its message and replacement, and the fixed text behind a disclosure button.
/// An office document (uploaded) has its findings listed by their place in it: it is fixed
/// by the CLI, which keeps its formatting.
enum LintPage {
    /// What the form sent.
    struct Submission {
        /// The text, or an uploaded file's bytes.
        var text: [UInt8]
        var format: DocumentFormat
        var language: String?
    }

    static func form(_ context: PageContext, _ submission: Submission? = nil) -> HTML {
        let words = context.words
        // Only text goes back into the text area: not an office document, nor a file of NUL bytes.
        let text =
            submission.map { $0.format.isText && !$0.text.contains(0) ? String(decoding: $0.text, as: UTF8.self) : "" } ?? ""
        func option(_ value: String, _ label: String, selected: Bool) -> HTML {
            "<option value=\"\(value)\"\(selected ? HTML(trusted: " selected") : .empty)>\(label)</option>"
        }
        let language = submission?.language ?? ""
        let languages = [("", "automatisch / automatic"), ("nl", "Nederlands"), ("en", "English"), ("all", "alle / all")]
            .map { option($0.0, $0.1, selected: $0.0 == language) }
        let format = submission?.format ?? .text
        let formats = [(DocumentFormat.text, "tekst / text"), (.markdown, "Markdown"), (.html, "HTML")]
            .map { option($0.0.rawValue, $0.1, selected: $0.0 == format) }
        let accepted = ".txt,.md,.markdown,.html,.htm,.docx,.pptx,.odt,.odp,text/plain,text/markdown,text/html"
        let keep: HTML = context.keepsUI ? "<input type=\"hidden\" name=\"ui\" value=\"\(context.ui.rawValue)\">" : .empty
        return """
            <h1>\(words.check)</h1>
            <form class="lint" action="/lint" method="post" enctype="multipart/form-data">
            <label for="text">\(words.textToCheck)</label>
            <textarea id="text" name="text" rows="10" lang="nl">\(text)</textarea>
            <label for="file">\(words.fileToCheck)</label>
            <input id="file" name="file" type="file" accept="\(accepted)">
            <div class="row">
            <label for="lang">\(words.language)</label>
            <select id="lang" name="lang">\(languages)</select>
            <label for="format">\(words.format)</label>
            <select id="format" name="format">\(formats)</select>
            </div>
            \(keep)<button type="submit">\(words.checkButton)</button>
            </form>
            """
    }

    static func results(_ submission: Submission, _ context: PageContext) -> HTML {
        let words = context.words
        if let language = submission.language, let problem = LintOptions.Languages.choiceProblem(language) {
            return "\(form(context, submission))<p class=\"empty\" role=\"alert\" lang=\"en\">lang \(problem)</p>"
        }
        let reader = DocumentReaders.reader(for: submission.format)
        let result = context.snapshot.linter(language: submission.language).lint(submission.text, path: "-", reader: reader)
        if let problem = result.problem {
            // The linter speaks English: its words are marked so, in a page in Dutch too.
            return "\(form(context, submission))<p class=\"empty\" role=\"alert\" lang=\"en\">\(problem.description)</p>"
        }
        let findings = result.findings
        guard !findings.isEmpty else {
            return
                "\(form(context, submission))<h2 id=\"findings\">\(words.findings)</h2><p class=\"empty\">\(words.noFindings)</p>"
        }
        let items = findings.enumerated().map { index, finding -> HTML in
            let place = finding.location?.range.start ?? .start
            let replacement: HTML = finding.replacement.map { " → <strong>\($0)</strong>" } ?? .empty
            // In an office document, where a person finds it: the page or slide and paragraph.
            let shownPlace: HTML =
                finding.documentPlace.map { "<span lang=\"en\">\($0.description), column \(place.column)</span>" }
                ?? "<a href=\"#f\(index)\">\(place.line):\(place.column)</a>"
            return """
                <li class="\(finding.severity.rawValue)">\(shownPlace) \
                <span lang="en">\(finding.message)</span>\(replacement) <span class="rule">\(finding.rule.rawValue)</span></li>
                """
        }
        guard submission.format.isText else {
            return """
                \(form(context, submission))
                <h2 id="findings">\(words.findings) (\(findings.count))</h2>
                <ol class="findings">\(items)</ol>
                <p>\(words.officeFixedByTheCLI)</p>
                """
        }
        let fixed = (try? Linter.applyingFixes(findings, to: submission.text, reader: reader).bytes) ?? submission.text
        // The text's own language, when the choice is one tag (not `all` or `nl,en`).
        let textLanguage = submission.language.flatMap { !LanguageTag.isAll($0) && LanguageTag.isValid($0) ? $0 : nil } ?? "nl"
        return """
            \(form(context, submission))
            <h2 id="findings">\(words.findings) (\(findings.count))</h2>
            <ol class="findings">\(items)</ol>
            <pre class="highlighted" lang="\(textLanguage)">\(highlighted(submission.text, findings))</pre>
            <details class="fixed"><summary>\(words.showFixed)</summary>
            <h2>\(words.fixedText)</h2>
            <pre id="fixed-text" lang="\(textLanguage)">\(String(decoding: fixed, as: UTF8.self))</pre>
            </details>
            """
    }

    /// The text with each finding marked, escaped everywhere.
    static func highlighted(_ text: [UInt8], _ findings: [Finding]) -> HTML {
        var pieces: [HTML] = []
        var cursor = 0
        for (index, finding) in findings.enumerated() {
            guard let range = finding.location?.range.bytes, range.lowerBound >= cursor, range.upperBound <= text.count else {
                continue
            }
            pieces.append("\(String(decoding: text[cursor..<range.lowerBound], as: UTF8.self))")
            let matched = String(decoding: text[range], as: UTF8.self)
            pieces.append(
                "<mark id=\"f\(index)\" class=\"\(finding.severity.rawValue)\" title=\"\(finding.message)\">\(matched)</mark>")
            cursor = range.upperBound
        }
        pieces.append("\(String(decoding: text[cursor...], as: UTF8.self))")
        return HTML.joined(pieces)
    }
}
