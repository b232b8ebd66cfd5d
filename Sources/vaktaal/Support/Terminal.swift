import Foundation
import VaktaalCore
import VaktaalExchange
import VaktaalLint

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Writes bytes to standard output, after what `print` buffered, without copying them.
func writeToStandardOutput(_ buffer: UnsafeRawBufferPointer) {
    fflush(nil)
    guard let base = buffer.baseAddress else { return }
    var offset = 0
    while offset < buffer.count {
        let written = write(STDOUT_FILENO, base + offset, buffer.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        offset += written
    }
}

/// Whether reports to standard output are coloured (``takesColour(environment:isTerminal:)``).
var standardOutputTakesColour: Bool {
    takesColour(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) != 0)
}

/// Whether output is coloured: only on a terminal, and not when the user asks for none
/// (`NO_COLOR` set and not empty, as no-color.org says, or `TERM=dumb`).
func takesColour(environment: [String: String], isTerminal: Bool) -> Bool {
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
    return isTerminal && environment["TERM"] != "dumb"
}

/// A progress line on standard error, for long runs on a terminal only.
struct ProgressLine {
    /// The callback for a run, or `nil` when no line is shown.
    static func callback() -> (@Sendable (Int, Int) -> Void)? {
        // A dumb terminal cannot move back over the line.
        guard isatty(STDERR_FILENO) != 0, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        return { done, total in
            guard total >= 200 else { return }
            if done % 50 == 0 { FileHandle.standardError.write(Data("\rlinting \(done)/\(total) files".utf8)) }
            if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
