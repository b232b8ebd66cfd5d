import Foundation
import VaktaalCore
import VaktaalText

/// Reads a large vocabulary file in pieces on all cores: the file is cut between two
/// concepts (where one `</concept>` is followed by nothing but white space and the next
/// `<concept`), each piece gets the file's start up to the root element and the root's end
/// tag, and blank lines so that every position in it is the one in the file, and the pieces'
/// concepts are put together again.
///
/// Any doubt (a piece with a diagnostic, metadata outside the first piece, no place to cut)
/// reads the whole file at once instead, so the result and every diagnostic are exactly
/// what ``VocabularyLoader/read(bytes:path:)`` gives.
enum PieceReader {
    /// Files smaller than this are read at once.
    static let smallestToCut = 1 << 22

    /// The vocabulary in the file's bytes.
    static func read(
        bytes: [UInt8], path: String, pieces: Int = ProcessInfo.processInfo.activeProcessorCount,
        smallest: Int = smallestToCut
    ) -> (vocabulary: Vocabulary?, diagnostics: [Finding]) {
        guard bytes.count >= smallest, let (rootEnd, cuts) = cuts(bytes, pieces: pieces) else {
            return VocabularyLoader.read(bytes: bytes, path: path)
        }
        let starts = [0] + cuts
        let ends = cuts + [bytes.count]
        let lineEnds = Parallel.mapEach(starts.count) { index in
            countLineEnds(bytes, (index == 0 ? rootEnd : starts[index]), ends[index])
        }
        let results = Parallel.mapEach(starts.count) { index -> (vocabulary: Vocabulary?, diagnostics: [Finding]) in
            var piece: [UInt8] = []
            piece.reserveCapacity(ends[index] - starts[index] + rootEnd + 64)
            if index == 0 {
                piece += bytes[0..<ends[index]]
            } else {
                piece += bytes[0..<rootEnd]
                // The lines between the root's start tag and this piece, so positions stay the file's.
                piece += [UInt8](repeating: UInt8(ascii: "\n"), count: lineEnds[1..<index].reduce(lineEnds[0], +))
                piece += bytes[starts[index]..<ends[index]]
            }
            if index < starts.count - 1 { piece += Array("\n</vocabulary>\n".utf8) }
            return VocabularyLoader.read(bytes: piece, path: path)
        }
        guard var vocabulary = results[0].vocabulary, results.allSatisfy({ $0.diagnostics.isEmpty }) else {
            return VocabularyLoader.read(bytes: bytes, path: path)
        }
        for result in results.dropFirst() {
            guard let part = result.vocabulary, part.metadata.isEmpty, part.extensions.isEmpty, part.headerComments.isEmpty
            else { return VocabularyLoader.read(bytes: bytes, path: path) }
            vocabulary.concepts += part.concepts
            vocabulary.trailingComments = part.trailingComments
        }
        return (vocabulary, [])
    }

    /// Where the root element's start tag ends and where the file is cut into (at most)
    /// `pieces` pieces; `nil` when it cannot be cut.
    static func cuts(_ bytes: [UInt8], pieces: Int) -> (rootEnd: Int, cuts: [Int])? {
        guard pieces > 1, let rootEnd = rootStartTagEnd(bytes) else { return nil }
        var cuts: [Int] = []
        for piece in 1..<pieces {
            let target = rootEnd + (bytes.count - rootEnd) * piece / pieces
            if let cut = cut(in: bytes, from: max(target, (cuts.last ?? rootEnd) + 1)) { cuts.append(cut) }
        }
        return cuts.isEmpty ? nil : (rootEnd, cuts)
    }

    /// Where the root element's start tag ends (after its `>`), if the file has one that is not empty.
    private static func rootStartTagEnd(_ bytes: [UInt8]) -> Int? {
        guard let start = find(Array("<vocabulary".utf8), in: bytes, from: 0, limit: min(bytes.count, 1 << 16)) else {
            return nil
        }
        var quote: UInt8?
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return bytes[index - 1] == UInt8(ascii: "/") ? nil : index + 1
            }
            index += 1
        }
        return nil
    }

    /// The start of the line of the first `<concept` at or after `from` that follows a
    /// `</concept>` with only white space between them.
    private static func cut(in bytes: [UInt8], from: Int) -> Int? {
        let end = Array("</concept>".utf8)
        var position = from
        while let found = find(end, in: bytes, from: position, limit: bytes.count) {
            var next = found + end.count
            while next < bytes.count, isSpace(bytes[next]) { next += 1 }
            if bytes[next...].starts(with: "<concept".utf8), next + 8 < bytes.count,
                isSpace(bytes[next + 8]) || bytes[next + 8] == UInt8(ascii: ">")
            {
                var lineStart = next
                while lineStart > found + end.count, bytes[lineStart - 1] == UInt8(ascii: " ") || bytes[lineStart - 1] == 9 {
                    lineStart -= 1
                }
                // Only where the concept starts its own line: the piece starts at column 1.
                if lineStart > 0, bytes[lineStart - 1] == 10 || bytes[lineStart - 1] == 13 { return lineStart }
            }
            position = found + end.count
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    /// How many lines end in `bytes[from..<to]` (`\n`, `\r\n` and a lone `\r` each end one).
    private static func countLineEnds(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int {
        bytes.withUnsafeBufferPointer { LineIndex(bytes: $0).lineEnds(in: from..<to) }
    }

    /// The first occurrence of `pattern` in `bytes[from..<limit]`.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int, limit: Int) -> Int? {
        guard let first = pattern.first, limit - from >= pattern.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = from
            while index <= limit - pattern.count {
                if buffer[index] == first {
                    var matched = 1
                    while matched < pattern.count, buffer[index + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return index }
                }
                index += 1
            }
            return nil
        }
    }
}
