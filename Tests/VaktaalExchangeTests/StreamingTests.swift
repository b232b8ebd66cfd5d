import Testing
import VaktaalCore

@testable import VaktaalExchange

/// A sink that keeps every piece it is given, to see how an export streams.
final class RecordingSink: ExportSink {
    private(set) var events: [String] = []
    private(set) var pieces: [[UInt8]] = []

    func begin(_ path: String) { events.append("begin \(path)") }
    func write(_ bytes: UnsafeRawBufferPointer) {
        events.append("write")
        pieces.append(Array(bytes))
    }
    func end() { events.append("end") }
}

/// Enough concepts and text that every single-file format passes two megabytes.
let large: VocabularySet = {
    let filler = String(repeating: "met een definitie die lang genoeg is om de export te vullen, ", count: 8)
    let concepts = (0..<1_500).map { number in
        Concept(
            id: "c\(number)",
            labels: [
                Label(kind: .preferred, text: "begrip nummer \(number)", language: "nl", plurals: ["begrippen \(number)"]),
                Label(kind: .preferred, text: "concept number \(number)", language: "en"),
                Label(kind: .deprecated, text: "oud begrip \(number)", language: "nl", since: "2025-09-01"),
            ],
            notes: [Note(kind: .definition, text: "Een begrip <\(number)> & \"tekst\" \(filler)", language: "nl")],
            relations: number > 0 ? [ConceptRelation(kind: .broader, reference: "c\(number / 2)")] : [])
    }
    return VocabularySet([Vocabulary(id: "groot", uri: "https://example.org/groot/", defaultLanguage: "nl", concepts: concepts)])
}()

@Suite struct StreamingTests {
    @Test(arguments: ExportFormat.allCases.filter { $0 != .vale && $0 != .textlint })
    func largeExportsStreamInPiecesThatAddUpToTheWholeFile(_ format: ExportFormat) {
        let exporter = Exporters.exporter(for: format)
        let sink = RecordingSink()
        exporter.export(ExportInput(large), to: sink)
        let whole = exporter.export(large, baseName: "groot")
        #expect(whole.count == 1)
        #expect(sink.events.first == "begin \(whole[0].path)")
        #expect(sink.events.last == "end")
        #expect(sink.pieces.count >= 2, "a file of \(whole[0].contents.count) bytes should come in several pieces")
        #expect(sink.pieces.allSatisfy { $0.count < 2 * ByteBuffer.chunkSize })
        #expect(Array(sink.pieces.joined()) == whole[0].contents)
    }
}
