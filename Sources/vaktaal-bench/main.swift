import Foundation
import VaktaalCore

// Library-level timings that a whole-process benchmark cannot show: how long building the
// lookup index takes, and how long single queries take once it is built.
// Usage: vaktaal-bench VOCABULARY [QUERY...]   (run a release build: swift build -c release)

func measure<T>(_ body: () -> T) -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = body()
    return (value, clock.now - start)
}

func milliseconds(_ duration: Duration) -> String {
    String(format: "%.3f ms", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let path = arguments.first else {
    print("usage: vaktaal-bench VOCABULARY [QUERY...]")
    exit(2)
}
let (loaded, loadTime) = measure { try! VocabularyLoader.load(path: path) }
print("load \(loaded.set.count) concepts: \(milliseconds(loadTime))")
let (index, indexTime) = measure { LookupIndex(loaded.set) }
print("build lookup index (\(index.entries.count) forms): \(milliseconds(indexTime))")
let queries = arguments.count > 1 ? Array(arguments.dropFirst()) : ["mentor", "werkplekbeg", "werkplekbegelijder"]
for query in queries {
    let repetitions = 200
    let (matches, total) = measure { (0..<repetitions).map { _ in index.search(query) }.last! }
    let kind = matches.first.map { $0.kind.rawValue } ?? "none"
    print("search '\(query)' → \(matches.count) (\(kind)): \(milliseconds(total / repetitions)) per query")
}
