import Foundation
import VaktaalCore
import VaktaalLint
import VaktaalText

/// Times the term matcher's scan alone on one core, as `vaktaal lint` runs it on a long text:
/// pieces of lint's batch size (``MatchBatches/batchSize``) cut at a space, one memo shared by
/// them all, the repeated uses of allowed labels counted, those that may be in a file name or
/// path handed over (``FileNamesAndPaths/handedOverUses``). The scan is run `rounds` times in one
/// process and the fastest and the median are shown: on a noisy machine a change of a few
/// percent in the scan shows here, where a whole lint (reading, reporting, the exit) varies by
/// more from run to run.
/// The compiled index comes from this program's own cache folder (made on the first run).
func benchmarkScan(vocabulary: String, text path: String, rounds: Int) {
    let cache = CompiledIndexCache(folder: CompiledIndexCache.standardFolder(), program: "vaktaal-bench")
    let (terms, loadTime) = measure { try? cache.loadTerms(path: vocabulary).terms }
    guard let terms, let text = FileManager.default.contents(atPath: path) else {
        print("cannot read \(vocabulary) or \(path)")
        exit(2)
    }
    let (matcher, matcherTime) = measure { terms.matchIndex.matcher }
    print("load the compiled index: \(milliseconds(loadTime)); the matcher: \(milliseconds(matcherTime))")
    let bytes = [UInt8](text)
    let languages = matcher.languages(nil)
    let pieceSize = MatchBatches.batchSize
    var times: [Duration] = []
    var counts = (matches: 0, counted: 0)
    for _ in 0..<max(1, rounds) {
        var round = (matches: 0, counted: 0)
        let (_, time) = measure {
            bytes.withUnsafeBufferPointer { bytes in
                WordMatchMemo.withMemo(forTextOf: pieceSize) { memo in
                    var start = 0
                    while start < bytes.count {
                        var end = min(bytes.count, start + pieceSize)
                        while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                        matcher.forEachMatch(
                            in: bytes, range: start..<end, languages: languages, sharing: memo,
                            handingOver: FileNamesAndPaths.handedOverUses
                        ) { match in
                            round.matches += 1
                            guard case .label(let form) = match.target, form.isAllowedUse else { return .taken }
                            return .counted
                        } repeated: { _, count in
                            round.counted += count
                        }
                        start = end
                    }
                    memo.handOverCounts { _, count in round.counted += count }
                }
            }
        }
        times.append(time)
        counts = round
    }
    let sorted = times.sorted()
    let megabytes = Double(bytes.count) / 1e6
    let fastest = Double(sorted[0].components.seconds) + Double(sorted[0].components.attoseconds) / 1e18
    print(
        "scan \(Int(megabytes)) MB: fastest \(milliseconds(sorted[0])) (\(Int(megabytes / fastest)) MB/s), "
            + "median \(milliseconds(sorted[sorted.count / 2])) of \(sorted.count); "
            + "\(counts.matches) matches handed over, \(counts.counted) uses counted by the scan")
}
