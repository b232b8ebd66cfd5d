import Foundation
import VaktaalCore
import VaktaalExchange
import VaktaalRDF
import VaktaalText
import VaktaalXML

// Library-level timings that a whole-process benchmark cannot show: loading, building the
// lookup index and single queries once it is built, and each exporter without the disk.
// Usage: vaktaal-bench VOCABULARY [QUERY...]    lookup timings
//        vaktaal-bench --export VOCABULARY [FORMAT...]   load, check and each export format
//        vaktaal-bench --parse RDF-FILE   parse only (statements counted, nothing kept)
//        vaktaal-bench --import FILE      import (parse and build), then the canonical bytes
//        vaktaal-bench --xml VOCABULARY   the XML parser alone, then the vocabulary reader (one core)
//        vaktaal-bench --checks VOCABULARY   each rule of `vaktaal check` on its own (one core), slowest first
//        vaktaal-bench --scan VOCABULARY TEXT [ROUNDS]   the term matcher's scan alone (one core), as lint runs it
// (run a release build: swift build -c release)

func measure<T>(_ body: () -> T) -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = body()
    return (value, clock.now - start)
}

func milliseconds(_ duration: Duration) -> String {
    String(format: "%.3f ms", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000)
}

func load(_ path: String) -> LoadedVocabulary {
    let (loaded, loadTime) = measure { try! VocabularyLoader.load(path: path) }
    print("load \(loaded.set.count) concepts: \(milliseconds(loadTime))")
    let (_, setTime) = measure { VocabularySet(loaded.set.vocabularies) }
    print("  of which resolving references (VocabularySet): \(milliseconds(setTime))")
    return loaded
}

func benchmarkLookup(_ path: String, queries: [String]) {
    let loaded = load(path)
    let (index, indexTime) = measure { LookupIndex(loaded.set) }
    print("build lookup index (\(index.entries.count) forms): \(milliseconds(indexTime))")
    // The first queries after building also pay for one-time work (the allocator tidying up
    // after the build): they are timed apart, so that the figures below are the steady state.
    let warmUp = queries.first ?? "mentor"
    let (_, firstTime) = measure { index.search(warmUp) }
    let (_, warmUpTime) = measure { (0..<200).map { _ in index.search(warmUp) }.count }
    print("first query: \(milliseconds(firstTime)); the next 200: \(milliseconds(warmUpTime))")
    for query in queries.isEmpty ? ["mentor", "werkplekbeg", "werkplekbegelijder"] : queries {
        let repetitions = 200
        let (matches, total) = measure { (0..<repetitions).map { _ in index.search(query) }.last! }
        let kind = matches.first.map { $0.kind.rawValue } ?? "none"
        print("search '\(query)' → \(matches.count) (\(kind)): \(milliseconds(total / repetitions)) per query")
    }
}

/// Counts what an exporter writes and keeps none of it, so that only making the bytes is timed.
final class CountingSink: ExportSink {
    private(set) var bytes = 0
    func begin(_ path: String) {}
    func write(_ bytes: UnsafeRawBufferPointer) { self.bytes += bytes.count }
    func end() {}
}

func benchmarkExport(_ path: String, formats: [String]) {
    let loaded = load(path)
    let (diagnostics, checkTime) = measure { VocabularyChecker.check(loaded) }
    print("check (\(diagnostics.count) diagnostics): \(milliseconds(checkTime))")
    var total = Duration.zero
    for exporter in Exporters.all where formats.isEmpty || formats.contains(exporter.format.rawValue) {
        let sink = CountingSink()
        let (_, time) = measure { exporter.export(ExportInput(loaded.set), to: sink) }
        total += time
        print("export \(exporter.format.rawValue) (\(sink.bytes / 1_000_000) MB): \(milliseconds(time))")
    }
    print("export, every format one after another: \(milliseconds(total))")
}

/// Parses an RDF file and counts its statements, keeping none: the parsers' own cost.
func benchmarkParse(_ path: String) {
    guard let bytes = FileManager.default.contents(atPath: path).map(Array.init),
        let syntax = RDFSyntax(fileExtension: (path as NSString).pathExtension)
    else {
        print("cannot read \(path)")
        exit(2)
    }
    var count = 0
    let (_, time) = measure {
        do {
            try RDFParser.parse(bytes, syntax: syntax, path: path, baseIRI: "file://" + path) { _ in count += 1 }
        } catch {
            print(error)
        }
    }
    print("parse \(syntax.rawValue), \(count) statements: \(milliseconds(time))")
}

final class NullHandler: XMLContentHandler {
    var count = 0
    func startElement(_ tag: XMLStartTag) { count += 1 }
    func endElement(_ name: XMLName, at position: SourcePosition) {}
    func text(_ text: String, at position: SourcePosition) {}
    func comment(_ text: String, at position: SourcePosition) {}
}
/// Times the XML stream parser alone, then the vocabulary reader on one core, three times each.
func benchmarkXML(_ path: String) {
    var kept: [Vocabulary?] = []  // freed at the end, so that no read pays for freeing the last one
    defer { withExtendedLifetime(kept) {} }
    let bytes = FileManager.default.contents(atPath: path).map(Array.init)!
    for _ in 0..<3 {
        let handler = NullHandler()
        let (_, time) = measure { try! XMLStreamParser.parse(bytes, path: path, handler: handler) }
        print("xml \(handler.count) elements: \(milliseconds(time))")
    }
    for _ in 0..<3 {
        let (read, time) = measure { VocabularyLoader.read(bytes: bytes, path: path) }
        print("read \(read.vocabulary?.concepts.count ?? 0) concepts on one core: \(milliseconds(time))")
        kept.append(read.vocabulary)
    }
}
/// Times the canonical writer on one core, three times, on a vocabulary read once.
func benchmarkWrite(_ path: String) {
    let bytes = FileManager.default.contents(atPath: path).map(Array.init)!
    guard let vocabulary = VocabularyLoader.read(bytes: bytes, path: path).vocabulary else {
        print("cannot read \(path)")
        exit(2)
    }
    for _ in 0..<3 {
        let (written, time) = measure { VocabularyWriter.bytes(for: vocabulary, onAllCores: false) }
        print("write \(vocabulary.concepts.count) concepts, \(written.count) bytes, on one core: \(milliseconds(time))")
    }
}
/// The resident memory now and at its peak (VmHWM), from /proc.
func memory() -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let lines = status.split(separator: "\n").filter { $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM") }
    return lines.map { $0.split(whereSeparator: \.isWhitespace).dropFirst().joined(separator: " ") }.joined(separator: ", peak ")
}

/// Times an import's parts: reading and importing, then the canonical bytes of each file.
func benchmarkImport(_ path: String) {
    let (result, importTime) = measure { try? Importer.importFile(path) }
    guard let result else {
        print("cannot import \(path)")
        exit(2)
    }
    let concepts = result.vocabularies.reduce(0) { $0 + $1.concepts.count }
    print("import \(concepts) concepts: \(milliseconds(importTime)); memory \(memory())")
    let (bytes, writeTime) = measure { result.vocabularies.map { VocabularyWriter.bytes(for: $0).count }.reduce(0, +) }
    print("canonical bytes (\(bytes / 1_000_000) MB): \(milliseconds(writeTime)); memory \(memory())")
    withExtendedLifetime(result) {}
}

/// Times each rule of `vaktaal check` alone on one core (the best of three runs), slowest first.
func benchmarkChecks(_ path: String) {
    let loaded = load(path)
    let timings = VocabularyChecker.checks.map { check in
        let runs = (0..<3).map { _ in measure { check.check(loaded.set).count } }
        return (check.rule.rawValue, check.severity, runs[0].0, runs.map(\.1).min()!)
    }
    for (rule, severity, findings, time) in timings.sorted(by: { $0.3 > $1.3 }) {
        print("\(rule) (\(severity), \(findings) findings): \(milliseconds(time))")
    }
    let errors = timings.filter { $0.1 == .error }.map(\.3).reduce(.zero, +)
    print("all rules: \(milliseconds(timings.map(\.3).reduce(.zero, +))); error rules: \(milliseconds(errors))")
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "--parse" where arguments.count == 2: benchmarkParse(arguments[1])
case "--xml" where arguments.count == 2: benchmarkXML(arguments[1])
case "--checks" where arguments.count == 2: benchmarkChecks(arguments[1])
case "--write" where arguments.count == 2: benchmarkWrite(arguments[1])
case "--import" where arguments.count == 2: benchmarkImport(arguments[1])
case "--scan" where arguments.count == 3 || arguments.count == 4:
    benchmarkScan(vocabulary: arguments[1], text: arguments[2], rounds: arguments.count == 4 ? Int(arguments[3]) ?? 9 : 9)
case "--export" where arguments.count >= 2: benchmarkExport(arguments[1], formats: Array(arguments.dropFirst(2)))
case let path? where !path.hasPrefix("-"): benchmarkLookup(path, queries: Array(arguments.dropFirst()))
default:
    print(
        "usage: vaktaal-bench VOCABULARY [QUERY...] | --export VOCABULARY [FORMAT...] | --checks VOCABULARY"
            + " | --xml VOCABULARY | --write VOCABULARY | --parse RDF-FILE | --import FILE | --scan VOCABULARY TEXT [ROUNDS]")
    exit(2)
}
