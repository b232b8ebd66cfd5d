/// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per finding.
struct GitHubReporter: FindingReporter {
    let format = ReportFormat.github

    func render(_ report: FindingReport, colored: Bool) -> String {
        var output = ""
        for result in report.files {
            let file = Self.property(result.path)
            if let problem = result.problem {
                output += "::error file=\(file),title=unreadable::\(Self.data(problem.description))\n"
            }
            for finding in result.findings {
                let command = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
                let (start, end) = (finding.place.start, finding.place.end)
                output += "::\(command) file=\(file),line=\(start.line),col=\(start.column),"
                output += "endLine=\(end.line),endColumn=\(end.column),title=\(Self.property(finding.rule.rawValue))"
                let place = finding.documentPlace.map { "\($0), column \(start.column): " } ?? ""
                output += "::\(Self.data(place + finding.message))\n"
            }
        }
        return output
    }

    /// Escapes a message as the workflow command syntax asks: `%`, carriage return and line feed.
    static func data(_ text: String) -> String { escaped(text, alsoSeparators: false) }

    /// Escapes a property value: as a message, and `:` and `,` too.
    static func property(_ text: String) -> String { escaped(text, alsoSeparators: true) }

    /// `text` with each byte the syntax reserves written as `%` and its hex code, in one pass;
    /// most texts have none and are returned as they are.
    private static func escaped(_ text: String, alsoSeparators: Bool) -> String {
        func isReserved(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "%") || byte == 0x0D || byte == 0x0A
                || (alsoSeparators && (byte == UInt8(ascii: ":") || byte == UInt8(ascii: ",")))
        }
        guard text.utf8.contains(where: isReserved) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            guard isReserved(byte) else {
                bytes.append(byte)
                continue
            }
            bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
