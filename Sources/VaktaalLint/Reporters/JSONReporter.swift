import VaktaalCore
import VaktaalText

/// The JSON of the CLI contract: `version`, `files` with their findings, `summary`.
///
/// Written straight into one byte buffer (``JSONText``), key by key in sorted order and laid out as
/// `JSONEncoder` lays out pretty-printed, sorted output (the golden file and a test that
/// compares with `JSONEncoder` keep the two the same): a report of a million findings costs
/// a pass over them, not a tree of dictionaries.
struct JSONReporter: FindingReporter {
    let format = ReportFormat.json

    func render(_ report: FindingReport, colored: Bool) -> String { Self.render(report, fixed: nil) }

    /// How many bytes are handed out at a time when writing.
    var pieceSize = 1 << 20

    func write(_ report: FindingReport, colored: Bool, to output: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(output) { output in
            var json = Self.json(report, fixed: nil, output: output, pieceSize: pieceSize)
            json.drain(into: output)
        }
    }

    /// The report, with the fixed document when there is one (the service's `?fix=true`).
    static func render(_ report: FindingReport, fixed: String?) -> String {
        json(report, fixed: fixed, output: nil, pieceSize: 0).text
    }

    /// The report; with `output`, the text is handed to it in pieces of about `pieceSize`
    /// bytes as it is made, and what is returned is the rest.
    private static func json(
        _ report: FindingReport, fixed: String?, output: ((UnsafeRawBufferPointer) -> Void)?, pieceSize: Int
    ) -> JSONText {
        var json = JSONText()
        json.open("{")
        json.key("files", first: true, indent: 1)
        json.open("[")
        for (index, file) in report.files.enumerated() {
            json.separator(first: index == 0, indent: 2)
            write(file, into: &json, output: output, pieceSize: pieceSize)
        }
        json.close("]", empty: report.files.isEmpty, indent: 1)
        if let fixed {
            json.key("fixed", first: false, indent: 1)
            json.string(fixed)
        }
        let summary = FindingSummary(report.files)
        json.key("summary", first: false, indent: 1)
        json.open("{")
        json.key("errors", first: true, indent: 2)
        json.number(summary.errors)
        json.key("files", first: false, indent: 2)
        json.number(summary.files)
        json.key("infos", first: false, indent: 2)
        json.number(summary.infos)
        json.key("warnings", first: false, indent: 2)
        json.number(summary.warnings)
        json.close("}", empty: false, indent: 1)
        json.key("version", first: false, indent: 1)
        json.number(1)
        json.close("}", empty: false, indent: 0)
        json.append("\n")
        return json
    }

    private static func write(
        _ file: FileFindings, into json: inout JSONText, output: ((UnsafeRawBufferPointer) -> Void)?, pieceSize: Int
    ) {
        json.open("{")
        json.key("findings", first: true, indent: 3)
        json.open("[")
        let findings = file.findings
        if FindingBlocks.areWorthwhile(for: findings.count) {
            // Each core keeps what it learnt of the records findings share from block to block.
            FindingBlocks.write(findings.count, as: JSONText.self, keeping: SaidFragments.init) { range, block, fragments in
                findings.withUnsafeBufferPointer { findings in
                    for index in range { write(findings, index, into: &block, fragments: &fragments) }
                }
            } handOut: { block in
                if let output {
                    json.drain(into: output)
                    block.drain(into: output)
                } else {
                    block.drain { json.append($0) }
                }
            }
        } else {
            var fragments = SaidFragments()
            findings.withUnsafeBufferPointer { findings in
                for index in findings.indices {
                    write(findings, index, into: &json, fragments: &fragments)
                    if let output, json.byteCount >= pieceSize { json.drain(into: output) }
                }
            }
        }
        json.close("]", empty: findings.isEmpty, indent: 3)
        json.key("path", first: false, indent: 3)
        json.string(file.path)
        if let problem = file.problem {
            json.key("skipped", first: false, indent: 3)
            json.string(problem.description)
        }
        json.close("}", empty: false, indent: 2)
    }

    /// Finding `index` of `findings` as an element of the array of findings: its keys in
    /// sorted order, optional ones left out when absent. Findings in office documents add
    /// `area`, `page`, `paragraph`, `part` and `slide`. The finding is read where it lies
    /// (taken out of the array, each of a million would be copied, its record retained and
    /// released by every core that writes findings sharing it).
    private static func write(
        _ findings: UnsafeBufferPointer<Finding>, _ index: Int, into json: inout JSONText,
        fragments: inout SaidFragments
    ) {
        let place = findings[index].place
        // Most findings are in no office document: told by the box, so that they hold no
        // optional place (whose copy and destroy were called for each finding).
        if findings[index].isInOfficeDocument, let office = findings[index].documentPlace {
            json.separator(first: index == 0, indent: 4)
            json.open("{")
            if let area = office.area {
                json.key(FindingKeys.area, first: true)
                json.string(area)
            }
            json.key(FindingKeys.column, first: office.area == nil)
            json.number(place.start.column)
            writeConcept(of: findings, index, into: &json)
            writeEnd(of: place, into: &json)
            writeRest(of: findings, index, office: office, into: &json)
            FindingKeys.closing.withUnsafeBytes { json.append($0) }
        } else if let said = fragments.fragments(of: findings, index) {
            // Written whole, its closing with it.
            fragments.write(said, at: place, first: index == 0, into: &json)
        } else {
            FindingKeys.opening.withUnsafeBytes { json.append(index == 0 ? UnsafeRawBufferPointer(rebasing: $0[1...]) : $0) }
            json.number(place.start.column)
            writeConcept(of: findings, index, into: &json)
            writeEnd(of: place, into: &json)
            writeRest(of: findings, index, office: nil, into: &json)
            FindingKeys.closing.withUnsafeBytes { json.append($0) }
        }
    }

    /// `concept`, when finding `index` of `findings` names one. (A finding passed on as an
    /// argument, even borrowed, was copied out of the buffer: its record retained and released.)
    fileprivate static func writeConcept(
        of findings: UnsafeBufferPointer<Finding>, _ index: Int, into json: inout JSONText
    ) {
        if let concept = findings[index].concept {
            json.key(FindingKeys.concept, first: false)
            json.string(concept)
        }
    }

    /// `endColumn`, `endLine` and `line`.
    private static func writeEnd(of place: SourceRange, into json: inout JSONText) {
        json.key(FindingKeys.endColumn, first: false)
        json.number(place.end.column)
        json.key(FindingKeys.endLine, first: false)
        json.number(place.end.line)
        json.key(FindingKeys.line, first: false)
        json.number(place.start.line)
    }

    /// The keys after `line`: what the finding says, and the rest of its office place.
    fileprivate static func writeRest(
        of findings: UnsafeBufferPointer<Finding>, _ index: Int, office: DocumentPlace?, into json: inout JSONText
    ) {
        if let match = findings[index].match {
            json.key(FindingKeys.match, first: false)
            json.string(match)
        }
        json.key(FindingKeys.message, first: false)
        json.string(findings[index].message)
        if let office {
            if let page = office.page {
                json.key(FindingKeys.page, first: false)
                json.number(page)
            }
            json.key(FindingKeys.paragraph, first: false)
            json.number(office.paragraph)
            json.key(FindingKeys.part, first: false)
            json.string(office.part)
        }
        if let replacement = findings[index].replacement {
            json.key(FindingKeys.replacement, first: false)
            json.string(replacement)
        }
        json.key(FindingKeys.rule, first: false)
        json.string(findings[index].rule.rawValue)
        json.key(FindingKeys.severity, first: false)
        json.string(findings[index].severity.rawValue)
        if let slide = office?.slide {
            json.key(FindingKeys.slide, first: false)
            json.number(slide)
        }
    }
}

/// The JSON of what findings say, written once for all the findings of a file that share
/// it (``Finding/saidIdentity``): a term named a million times is escaped once. Only a record
/// met a second time is kept (most records of a large vocabulary's document are met once:
/// they are written as they are), and at most ``capacity`` of them (each core keeps its own
/// for a whole file: past that many records met, a record met first is never kept).
private struct SaidFragments {
    /// Each record met, by identity: where its fragments are in ``pieces``, or
    /// ``metOnce`` when it was met once.
    private var known = AddressTable<Int>(expectedCount: 512)
    private static let metOnce = -1
    /// Where the `concept` key and the keys after `line` of each record kept are in ``bytes``.
    private var pieces: [(concept: Range<Int>, rest: Range<Int>)] = []
    /// The fragments, one after another: appended from where they lie, a record's text is
    /// not retained and released for each of its findings.
    private var bytes: [UInt8] = []
    private static let capacity = 65_536
    /// The runs every finding has, held here: not looked up for each finding.
    private let skeleton = FindingKeys.skeleton

    /// Where the fragments of finding `index` of `findings`, outside office documents, are,
    /// or `nil` the first time its record is met (it is then written as it is).
    mutating func fragments(of findings: UnsafeBufferPointer<Finding>, _ index: Int) -> Int? {
        let identity = UInt(bitPattern: findings[index].saidIdentity)
        switch known.value(at: identity) {
        case let piece? where piece != Self.metOnce:
            return piece
        case _?:
            var concept = JSONText()
            JSONReporter.writeConcept(of: findings, index, into: &concept)
            var rest = JSONText()
            JSONReporter.writeRest(of: findings, index, office: nil, into: &rest)
            let start = bytes.count
            bytes += concept.text.utf8
            let middle = bytes.count
            bytes += rest.text.utf8
            pieces.append((start..<middle, middle..<bytes.count))
            known.set(pieces.count - 1, at: identity)
            return pieces.count - 1
        case nil:
            if known.count < Self.capacity { known.set(Self.metOnce, at: identity) }
            return nil
        }
    }

    /// Writes a finding at `place` outside office documents with the fragments at `index`:
    /// its opening (without its leading comma when it is the `first` of its file, which a
    /// file's fragments never hold as they stand: its record is met then for the first
    /// time), its place and the fragments, and its closing, with one look at the room left
    /// (written part by part, each with its own look, a finding took some 200 instructions
    /// more: at 100k concepts 13 M a report).
    func write(_ index: Int, at place: SourceRange, first: Bool, into json: inout JSONText) {
        let (concept, rest) = pieces[index]
        skeleton.bytes.withUnsafeBytes { fixed in
            bytes.withUnsafeBytes { fragments in
                func put(_ range: Range<Int>, of source: UnsafeRawBufferPointer, _ cursor: inout TextCursor) {
                    cursor.put(UnsafeRawBufferPointer(rebasing: source[range]))
                }
                let maximum = fixed.count + concept.count + rest.count + 4 * TextBuffer.longestDecimal
                json.write(reserving: maximum) { cursor in
                    put(first ? skeleton.opening.dropFirst() : skeleton.opening, of: fixed, &cursor)
                    cursor.put(decimal: place.start.column)
                    put(concept, of: fragments, &cursor)
                    put(skeleton.endColumnKey, of: fixed, &cursor)
                    cursor.put(decimal: place.end.column)
                    put(skeleton.endLineKey, of: fixed, &cursor)
                    cursor.put(decimal: place.end.line)
                    put(skeleton.lineKey, of: fixed, &cursor)
                    cursor.put(decimal: place.start.line)
                    put(rest, of: fragments, &cursor)
                    put(skeleton.closing, of: fixed, &cursor)
                }
            }
        }
    }
}

/// The JSON of `vaktaal lint --format json`, for callers that add the fixed text.
public enum LintJSON {
    /// The report as the CLI contract's JSON, with `fixed` when given.
    public static func render(_ report: FindingReport, fixed: String? = nil) -> String {
        JSONReporter.render(report, fixed: fixed)
    }
}

/// The keys of a finding, made once.
private enum FindingKeys {
    static let area = JSONKey("area", indent: 5)
    static let column = JSONKey("column", indent: 5)
    static let concept = JSONKey("concept", indent: 5)
    static let endColumn = JSONKey("endColumn", indent: 5)
    static let endLine = JSONKey("endLine", indent: 5)
    static let line = JSONKey("line", indent: 5)
    static let match = JSONKey("match", indent: 5)
    static let message = JSONKey("message", indent: 5)
    static let page = JSONKey("page", indent: 5)
    static let paragraph = JSONKey("paragraph", indent: 5)
    static let part = JSONKey("part", indent: 5)
    static let replacement = JSONKey("replacement", indent: 5)
    static let rule = JSONKey("rule", indent: 5)
    static let severity = JSONKey("severity", indent: 5)
    static let slide = JSONKey("slide", indent: 5)

    /// What comes before a finding's `column` value outside office documents, written at
    /// once: the comma (left out for the first), the line break and indent, the brace and
    /// the `column` key.
    static let opening: [UInt8] = {
        var text = JSONText()
        text.separator(first: false, indent: 4)
        text.open("{")
        text.key(column, first: true)
        return Array(text.text.utf8)
    }()

    /// What closes a finding: the line break, indent and brace.
    static let closing: [UInt8] = {
        var text = JSONText()
        text.close("}", empty: false, indent: 4)
        return Array(text.text.utf8)
    }()

    /// The fixed runs of a finding outside office documents, one after another.
    static let skeleton = Skeleton()

    /// The runs of a finding that are the same for all (outside office documents): the
    /// opening before the `column` value, the keys `endColumn`, `endLine` and `line` with
    /// what comes before them, and the closing, in one array.
    struct Skeleton {
        let bytes: [UInt8]
        let opening: Range<Int>
        let endColumnKey: Range<Int>
        let endLineKey: Range<Int>
        let lineKey: Range<Int>
        let closing: Range<Int>

        fileprivate init() {
            func key(_ key: JSONKey) -> [UInt8] {
                var text = JSONText()
                text.key(key, first: false)
                return Array(text.text.utf8)
            }
            let runs = [
                FindingKeys.opening, key(FindingKeys.endColumn), key(FindingKeys.endLine), key(FindingKeys.line),
                FindingKeys.closing,
            ]
            var ranges: [Range<Int>] = []
            var bytes: [UInt8] = []
            for run in runs {
                ranges.append(bytes.count..<bytes.count + run.count)
                bytes += run
            }
            self.bytes = bytes
            (opening, endColumnKey, endLineKey, lineKey, closing) = (ranges[0], ranges[1], ranges[2], ranges[3], ranges[4])
        }
    }
}
