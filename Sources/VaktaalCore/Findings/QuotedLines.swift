/// The text of the lines of a file that have findings, for reporters that show them, and
/// where each starts in the file. The lines' bytes are kept in one buffer: a document with
/// a million findings on 700,000 lines keeps one buffer, not 700,000 strings.
public struct QuotedLines: Sendable, Equatable {
    /// The lines' bytes, one after another, in the order of their numbers.
    private let bytes: [UInt8]
    /// The line numbers, ascending.
    private let numbers: [Int]
    /// Where each line ends in `bytes`; it starts where the one before it ends.
    private let ends: [Int]
    /// Where each line starts in its file, as a byte offset; −1 where that is not known.
    private let fileOffsets: [Int]

    /// No lines.
    public init() {
        self.init(bytes: [], numbers: [], ends: [], fileOffsets: [])
    }

    private init(bytes: [UInt8], numbers: [Int], ends: [Int], fileOffsets: [Int]) {
        self.bytes = bytes
        self.numbers = numbers
        self.ends = ends
        self.fileOffsets = fileOffsets
    }

    /// The lines `texts` by number, with where they start in the file where `starts` says.
    public init(texts: [Int: String], starts: [Int: Int] = [:]) {
        var builder = Builder()
        for number in texts.keys.sorted() {
            var text = texts[number] ?? ""
            text.withUTF8 { builder.append(line: number, $0, fileOffset: starts[number] ?? -1) }
        }
        self = builder.lines
    }

    /// Whether there are no lines.
    public var isEmpty: Bool { numbers.isEmpty }

    /// The lines as strings, by number.
    public var texts: [Int: String] {
        Dictionary(uniqueKeysWithValues: numbers.indices.map { (numbers[$0], String(decoding: bytes[span($0)], as: UTF8.self)) })
    }

    /// Where the lines start in the file (byte offsets), by number, where that is known.
    public var starts: [Int: Int] {
        Dictionary(
            uniqueKeysWithValues: numbers.indices.compactMap { fileOffsets[$0] < 0 ? nil : (numbers[$0], fileOffsets[$0]) })
    }

    /// `body` given the bytes of line `number` (without its line end) and where the line
    /// starts in the file, if that is known; `nil` when the line is not kept.
    public func withLine<Result>(
        _ number: Int, _ body: (_ line: UnsafeBufferPointer<UInt8>, _ fileOffset: Int?) -> Result
    ) -> Result? {
        var cursor = Cursor()
        return withLine(number, cursor: &cursor, body)
    }

    /// Where the lines asked for last were found: lines asked for in order (as a report asks
    /// for those of its findings) are each found at once, not searched for.
    public struct Cursor {
        fileprivate var next = 0

        /// A cursor at the first line.
        public init() {}
    }

    /// ``withLine(_:_:)``, looking first where `cursor` says the line asked for before was.
    public func withLine<Result>(
        _ number: Int, cursor: inout Cursor, _ body: (_ line: UnsafeBufferPointer<UInt8>, _ fileOffset: Int?) -> Result
    ) -> Result? {
        guard let index = index(of: number, near: cursor.next) else { return nil }
        cursor.next = index + 1
        let offset = fileOffsets[index]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[span(index)]), offset < 0 ? nil : offset) }
    }

    /// Where line `number` is among the lines: at `hint` or just before it, else searched for.
    private func index(of number: Int, near hint: Int) -> Int? {
        if hint < numbers.count, numbers[hint] == number { return hint }
        if hint > 0, hint <= numbers.count, numbers[hint - 1] == number { return hint - 1 }
        return numbers.sortedIndex(of: number)
    }

    private func span(_ index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

    /// Gathers lines in the order of their numbers.
    public struct Builder {
        private var bytes: [UInt8] = []
        private var numbers: [Int] = []
        private var ends: [Int] = []
        private var fileOffsets: [Int] = []

        /// An empty gathering.
        public init() {}

        /// The number of the line added last, if any.
        public var lastLine: Int? { numbers.last }

        /// Adds line `number`, which must come after the lines added before it.
        public mutating func append(line number: Int, _ text: UnsafeBufferPointer<UInt8>, fileOffset: Int) {
            precondition(number > numbers.last ?? .min, "lines are added in the order of their numbers")
            bytes.append(contentsOf: text)
            numbers.append(number)
            ends.append(bytes.count)
            fileOffsets.append(fileOffset)
        }

        /// The lines gathered.
        public var lines: QuotedLines {
            QuotedLines(bytes: bytes, numbers: numbers, ends: ends, fileOffsets: fileOffsets)
        }
    }
}
