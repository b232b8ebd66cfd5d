import VaktaalText

/// The binary form of the problems met while reading a vocabulary. Such findings name a
/// place in a vocabulary file and carry neither a fix nor a place in an office document.
extension BinaryWriter {
    mutating func write(_ finding: Finding) {
        write(finding.rule.rawValue)
        writeCase(finding.severity)
        write(finding.message)
        write(finding.location != nil)
        if let location = finding.location {
            write(location.path)
            write(location.range.start)
            write(location.range.end)
            write(location.range.bytes != nil)
            if let bytes = location.range.bytes {
                write(bytes.lowerBound)
                write(bytes.upperBound)
            }
        }
        write(finding.concept)
        write(finding.match)
    }
}

extension BinaryReader {
    mutating func readFinding() throws(SnapshotError) -> Finding {
        let rule = RuleID(try readString())
        let severity = try readCase(Severity.self)
        let message = try readString()
        var location: SourceLocation?
        if try readBool() {
            let path = try readString()
            let start = try readPosition()
            let end = try readPosition()
            var bytes: Range<Int>?
            if try readBool() {
                let lower = try readInt()
                let upper = try readInt()
                guard lower <= upper else { throw .malformed("a byte range ends before it starts") }
                bytes = lower..<upper
            }
            location = SourceLocation(path: path, range: SourceRange(start: start, end: end, bytes: bytes))
        }
        return Finding(
            rule: rule, severity: severity, message: message, location: location, concept: try readOptionalString(),
            match: try readOptionalString())
    }
}

extension Finding {
    /// Whether the compiled form keeps everything of this finding (reading problems do).
    var isCompilable: Bool { fix == nil && documentPlace == nil }
}
