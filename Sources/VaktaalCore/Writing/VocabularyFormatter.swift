import VaktaalText

/// `vaktaal format`: rewrites vocabulary files in the canonical layout, atomically, and
/// leaves a file with read errors alone, or one whose rewriting would lose something (a
/// processing instruction the layout has no place for). A file keeps how it ends its lines (``LineEnding``).
public enum VocabularyFormatter {
    /// What became of one file.
    public enum Outcome: Sendable, Equatable {
        /// Already canonical.
        case unchanged
        /// Rewritten (or, when only checking, would be).
        case changed
        /// Not formatted: it has these read errors, or these findings name what rewriting it
        /// would lose.
        case notReadable([Finding])
        /// Not formatted: it could not be written.
        case notWritten(FileWriteError)
    }

    /// Formats each file; with `checkOnly`, only tells which would change.
    public static func format(_ files: [String], checkOnly: Bool) -> [(file: String, outcome: Outcome)] {
        files.map { file in (file, format(file, checkOnly: checkOnly)) }
    }

    private static func format(_ file: String, checkOnly: Bool) -> Outcome {
        guard let original = FileBytes.read(file) else {
            return .notReadable([
                Finding(
                    rule: ReaderRule.unreadableFile.id, severity: .error, message: "the file cannot be read",
                    location: .init(path: file, line: 1, column: 1))
            ])
        }
        let (vocabulary, findings) = VocabularyLoader.read(bytes: original, path: file)
        let blocking = findings.filter { $0.severity == .error || $0.rule == ReaderRule.unkeptProcessingInstruction.id }
        // In file order, as check lists them (the reader finds an element's attributes in its own order).
        guard let vocabulary, blocking.isEmpty else { return .notReadable(blocking.sorted()) }
        let canonical = LineEnding(of: original).applied(to: VocabularyWriter.bytes(for: vocabulary))
        guard canonical != original else { return .unchanged }
        if checkOnly { return .changed }
        do {
            try AtomicFile.write(canonical, to: file)
            return .changed
        } catch {
            return .notWritten(error)
        }
    }
}
