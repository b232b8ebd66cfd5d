import Foundation

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Whether standard output is a terminal (colour and progress only then).
var standardOutputIsTerminal: Bool { isatty(FileHandle.standardOutput.fileDescriptor) != 0 }
